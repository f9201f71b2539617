import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from './ports';

/** One series to backfill: a metric name, its labels and [unix seconds, value] samples. */
export interface BackfillSeries {
  readonly name: string;
  readonly type: 'counter' | 'gauge';
  readonly labels: Readonly<Record<string, string>>;
  readonly samples: readonly (readonly [seconds: number, value: number])[];
}

/**
 * A real Prometheus of the test's own, holding exactly the samples the test gave it:
 * `promtool tsdb create-blocks-from openmetrics` backfills them into a fresh TSDB and
 * `prometheus` serves it on a free port (no scrape targets).
 *
 * Pick sample times a few hours in the past and within retention: a backfilled block that
 * overlaps the head block's range is not queryable the way the test expects.
 *
 * The lookback delta is 30 s, not the default 5 min: the fixtures sample on whole minutes, so
 * a minute without a sample returns no point instead of the previous minute's value.
 */
export class PrometheusServer {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /**
   * `scrapeTargets` (host:port, scraped every second at /metrics) for a test of an exporter;
   * `openMetricsFile` is backfilled as it is, besides `series`.
   */
  static async start(
    series: readonly BackfillSeries[],
    options: { scrapeTargets?: readonly string[]; openMetricsFile?: string } = {},
  ): Promise<PrometheusServer> {
    const dir = await mkdtemp(join(tmpdir(), 'tally-prometheus-'));
    const server = new PrometheusServer(await freePort(), dir);
    try {
      if (series.length > 0 || !options.openMetricsFile) await server.backfill(series);
      if (options.openMetricsFile) await server.importOpenMetrics(options.openMetricsFile);
      await server.serve(options.scrapeTargets ?? []);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      });
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private async backfill(series: readonly BackfillSeries[]): Promise<void> {
    const file = join(this.dir, 'backfill.om');
    await writeFile(file, toOpenMetrics(series));
    await this.importOpenMetrics(file);
  }

  private async importOpenMetrics(file: string): Promise<void> {
    await promisify(execFile)('promtool', [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      file,
      join(this.dir, 'data'),
    ]);
  }

  private async serve(scrapeTargets: readonly string[]): Promise<void> {
    const config = join(this.dir, 'prometheus.yml');
    const scrape =
      scrapeTargets.length === 0
        ? ''
        : 'scrape_configs:\n  - job_name: exporter\n    scrape_interval: 1s\n' +
          `    static_configs:\n      - targets: [${scrapeTargets.map((t) => `'${t}'`).join(', ')}]\n`;
    await writeFile(config, `global:\n  scrape_interval: 1m\n${scrape}`);
    this.process = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(this.dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${this.port}`,
        '--storage.tsdb.retention.time=30d',
        '--query.lookback-delta=30s',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(`prometheus on ${this.port}`, async () => {
      const response = await fetch(`${this.url}/-/ready`);
      return response.ok ? true : undefined;
    });
  }
}

/** OpenMetrics text: one family per metric name, samples in time order, `# EOF` last. */
function toOpenMetrics(series: readonly BackfillSeries[]): string {
  const families = new Map<string, BackfillSeries[]>();
  for (const one of series) families.set(one.name, [...(families.get(one.name) ?? []), one]);
  const lines: string[] = [];
  for (const [name, members] of families) {
    const { type } = members[0];
    // OpenMetrics names a counter family without its `_total` suffix.
    lines.push(`# TYPE ${type === 'counter' ? name.replace(/_total$/, '') : name} ${type}`);
    for (const { labels, samples } of members) {
      const labelText = Object.entries(labels)
        .map(([key, value]) => `${key}="${value}"`)
        .join(',');
      for (const [seconds, value] of [...samples].sort(([a], [b]) => a - b)) {
        lines.push(`${name}{${labelText}} ${value} ${seconds}`);
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
