import { parseArgs } from 'node:util';
import { demoCluster } from '@tally/simulator/cluster/demo-cluster';
import { writeBackfill } from './write-backfill';

const USAGE =
  'usage: simulator backfill --days <n> --end <ISO time> --out <file> [--step <seconds>] [--block-hours <n>] [--nearly-empty-history-hours <n>]';

/**
 * `simulator backfill --days 7 --end <ISO> --out <file> [--step 300] [--block-hours 2]`; with
 * --block-hours, one file per window: `<file>.<window start>.om` (see BackfillOptions). The
 * nearly empty tenant (Initech) has no history unless `--nearly-empty-history-hours` gives it some.
 */
export async function backfillCommand(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      days: { type: 'string' },
      end: { type: 'string' },
      out: { type: 'string' },
      step: { type: 'string', default: '300' },
      'block-hours': { type: 'string' },
      'nearly-empty-history-hours': { type: 'string', default: '0' },
    },
  });
  const days = Number(values.days);
  const end = Date.parse(values.end ?? '');
  const step = Number(values.step);
  const blockHours =
    values['block-hours'] === undefined ? undefined : Number(values['block-hours']);
  const nearlyEmptyHours = Number(values['nearly-empty-history-hours']);
  if (
    !(days > 0) ||
    Number.isNaN(end) ||
    !values.out ||
    !Number.isInteger(step) ||
    step <= 0 ||
    (blockHours !== undefined && !(Number.isInteger(blockHours) && blockHours > 0)) ||
    !(nearlyEmptyHours >= 0)
  ) {
    throw new Error(USAGE);
  }
  const startedAt = Date.now();
  const { samples, files } = await writeBackfill(demoCluster(undefined, nearlyEmptyHours), {
    endSeconds: Math.floor(end / 1000),
    days,
    stepSeconds: step,
    out: values.out,
    blockHours,
  });
  const where = blockHours === undefined ? values.out : `${files.length} files ${values.out}.*.om`;
  console.log(
    `[simulator] wrote ${samples} samples of ${days} days to ${where} in ${Date.now() - startedAt} ms`,
  );
}
