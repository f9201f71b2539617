import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DemoCluster } from '@tally/simulator/cluster/demo-cluster';
import { clusterSamples } from '@tally/simulator/exporters/cluster-samples';
import { labelText } from '@tally/simulator/exporters/exposition';
import { FAMILIES, FamilyKey } from '@tally/simulator/exporters/metric-families';
import { History } from './history';

export interface BackfillOptions {
  /** Unix seconds; the first sample is the first whole step at or after `end - days`. */
  readonly endSeconds: number;
  readonly days: number;
  readonly stepSeconds: number;
  readonly out: string;
  /**
   * One file per window of this many hours (aligned to the epoch, as promtool's 2 h blocks
   * are), named `<out>.<window start>.om`, instead of one file at `out`: promtool reads its
   * whole input again for every block it writes, so a week in one file is read 84 times.
   */
  readonly blockHours?: number;
}

/**
 * Writes the simulated series of the past `days` as OpenMetrics text for
 * `promtool tsdb create-blocks-from openmetrics`: one family after another, each series'
 * samples in time order, `# EOF` last. A family is computed and written before the next is
 * started, so memory holds one family's samples (of one window), not the whole file.
 * Returns the number of samples written and the files written.
 */
export async function writeBackfill(
  cluster: DemoCluster,
  options: BackfillOptions,
): Promise<{ samples: number; files: string[] }> {
  const { endSeconds, days, stepSeconds, blockHours } = options;
  const start = Math.ceil((endSeconds - days * 86400) / stepSeconds) * stepSeconds;
  const history = new History(cluster, start, endSeconds);
  const steps: number[] = [];
  for (let t = start; t <= endSeconds; t += stepSeconds) steps.push(t);

  const windows =
    blockHours === undefined
      ? new Map([[options.out, steps]])
      : byWindow(steps, blockHours * 3600, (from) => `${options.out}.${from}.om`);
  let samples = 0;
  for (const [file, windowSteps] of windows) {
    samples += await writeOpenMetrics(file, cluster, history, windowSteps);
  }
  return { samples, files: [...windows.keys()] };
}

/** The steps grouped by the window of `seconds` they fall in, each under its file name. */
function byWindow(
  steps: readonly number[],
  seconds: number,
  fileOf: (from: number) => string,
): Map<string, number[]> {
  const windows = new Map<string, number[]>();
  for (const t of steps) {
    const file = fileOf(Math.floor(t / seconds) * seconds);
    const members = windows.get(file);
    if (members) members.push(t);
    else windows.set(file, [t]);
  }
  return windows;
}

async function writeOpenMetrics(
  file: string,
  cluster: DemoCluster,
  history: History,
  steps: readonly number[],
): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  for (const key of Object.keys(FAMILIES) as FamilyKey[]) {
    const { name, type, help } = FAMILIES[key];
    const series = new Map<string, string[]>();
    for (const t of steps) {
      for (const sample of clusterSamples(cluster, history.at(t), t)) {
        if (sample.family !== key) continue;
        const labels = labelText(sample.labels);
        const lines = series.get(labels) ?? [];
        if (lines.length === 0) series.set(labels, lines);
        lines.push(`${name}{${labels}} ${sample.value} ${t}`);
      }
    }
    // OpenMetrics names a counter family without its _total suffix.
    const familyName = type === 'counter' ? name.replace(/_total$/, '') : name;
    await write(`# HELP ${familyName} ${help}\n# TYPE ${familyName} ${type}\n`);
    for (const lines of series.values()) {
      await write(`${lines.join('\n')}\n`);
      written += lines.length;
    }
  }
  await write('# EOF\n');
  out.end();
  await once(out, 'finish');
  return written;
}
