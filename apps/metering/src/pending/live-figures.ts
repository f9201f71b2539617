import { spendRatePerHour } from '@tally/money';
import { HOUR_MS } from '../sources/usage-source';
import { chargeKey } from '../settlement/charge-posting';
import type { LiveRow } from './pending.repository';

export interface LiveFigures {
  /** Usage not in the balance yet: pending hours, and frozen charges the ledger lacks. */
  readonly pendingMicros: bigint;
  /** Per hour, over the last 60 minutes. */
  readonly spendRateMicros: bigint;
  readonly pendingThrough: Date | null;
}

/**
 * One wallet's (or namespace's) live figures from its rows. A frozen hour's charge counts as
 * pending until the ledger has it (`inLedger`, by charge key) and not after, so a charge is in
 * exactly one of the balance and the pending figure at any moment, a crash mid-posting
 * included.
 * The spend rate covers the last 60 minutes (spendRatePerHour).
 */
export function liveFigures(
  rows: readonly LiveRow[],
  inLedger: ReadonlySet<string>,
  now: Date,
): LiveFigures {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  let pendingMicros = 0n;
  let currentHour = 0n;
  let previousHour = 0n;
  let through: number | null = null;
  for (const row of rows) {
    const hour = row.hour.getTime();
    if (hour === current) currentHour += row.amountMicros;
    else if (hour === current - HOUR_MS) previousHour += row.amountMicros;
    const notInBalance =
      row.kind === 'pending' ||
      (row.kind === 'frozen' && !inLedger.has(chargeKey(row.namespace, row.hour)));
    if (notInBalance) pendingMicros += row.amountMicros;
    if (row.throughMinute !== null) {
      through = Math.max(through ?? 0, row.throughMinute.getTime());
    }
  }
  return {
    pendingMicros,
    spendRateMicros: spendRatePerHour(currentHour, previousHour, now),
    pendingThrough: through === null ? null : new Date(through),
  };
}
