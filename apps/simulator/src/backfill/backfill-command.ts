import { parseArgs } from 'node:util';
import { demoCluster } from '@tally/simulator/cluster/demo-cluster';
import { writeBackfill } from './write-backfill';

const USAGE =
  'usage: simulator backfill --days <n> --end <ISO time> --out <file> [--step <seconds>]';

/** `simulator backfill --days 7 --end <ISO> --out <file> [--step 300]`. */
export async function backfillCommand(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      days: { type: 'string' },
      end: { type: 'string' },
      out: { type: 'string' },
      step: { type: 'string', default: '300' },
    },
  });
  const days = Number(values.days);
  const end = Date.parse(values.end ?? '');
  const step = Number(values.step);
  if (!(days > 0) || Number.isNaN(end) || !values.out || !Number.isInteger(step) || step <= 0) {
    throw new Error(USAGE);
  }
  const startedAt = Date.now();
  const samples = await writeBackfill(demoCluster(), {
    endSeconds: Math.floor(end / 1000),
    days,
    stepSeconds: step,
    out: values.out,
  });
  console.log(
    `[simulator] wrote ${samples} samples of ${days} days to ${values.out} in ${Date.now() - startedAt} ms`,
  );
}
