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
 *
 * The spend rate covers the last 60 minutes: the current hour's minutes so far, plus the share
 * of the previous hour's amount its remaining minutes make up (spread evenly over that hour).
 * Minutes without samples add nothing, so a silent source lowers the rate instead of guessing.
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
  const remaining = BigInt(HOUR_MS - (now.getTime() - current));
  return {
    pendingMicros,
    spendRateMicros: currentHour + (previousHour * remaining) / BigInt(HOUR_MS),
    pendingThrough: through === null ? null : new Date(through),
  };
}

/**
 * When `availableMicros` runs out at `spendRateMicros` an hour: null when nothing is being
 * spent, `now` when it already has.
 */
export function runsOutAt(
  availableMicros: bigint,
  spendRateMicros: bigint,
  now: Date,
): Date | null {
  if (spendRateMicros <= 0n) return null;
  if (availableMicros <= 0n) return now;
  const ms = (availableMicros * BigInt(HOUR_MS)) / spendRateMicros;
  // Past any date a person would read, the answer is "not in the foreseeable future".
  const limit = BigInt(100 * 365 * 24) * BigInt(HOUR_MS);
  return new Date(now.getTime() + Number(ms < limit ? ms : limit));
}
