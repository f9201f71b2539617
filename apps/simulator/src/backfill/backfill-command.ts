import { parseArgs } from 'node:util';
import { demoCluster } from '@tally/simulator/cluster/demo-cluster';
import { writeBackfill } from './write-backfill';

const USAGE =
  'usage: simulator backfill --days <n> --end <ISO time> --out <file> [--step <seconds>] [--nearly-empty-history-hours <n>]';

/**
 * `simulator backfill --days 7 --end <ISO> --out <file> [--step 300]`; the nearly empty tenant
 * (Initech) has no history unless `--nearly-empty-history-hours` gives it some.
 */
export async function backfillCommand(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      days: { type: 'string' },
      end: { type: 'string' },
      out: { type: 'string' },
      step: { type: 'string', default: '300' },
      'nearly-empty-history-hours': { type: 'string', default: '0' },
    },
  });
  const days = Number(values.days);
  const end = Date.parse(values.end ?? '');
  const step = Number(values.step);
  const nearlyEmptyHours = Number(values['nearly-empty-history-hours']);
  if (
    !(days > 0) ||
    Number.isNaN(end) ||
    !values.out ||
    !Number.isInteger(step) ||
    step <= 0 ||
    !(nearlyEmptyHours >= 0)
  ) {
    throw new Error(USAGE);
  }
  const startedAt = Date.now();
  const samples = await writeBackfill(demoCluster(undefined, nearlyEmptyHours), {
    endSeconds: Math.floor(end / 1000),
    days,
    stepSeconds: step,
    out: values.out,
  });
  console.log(
    `[simulator] wrote ${samples} samples of ${days} days to ${values.out} in ${Date.now() - startedAt} ms`,
  );
}
