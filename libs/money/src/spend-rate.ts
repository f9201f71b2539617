const HOUR_MS = 3_600_000;

/**
 * What is being spent per hour, over the last 60 minutes: the current hour's amount so far, plus
 * the share of the previous hour's amount its remaining minutes make up (spread evenly over that
 * hour). Minutes without usage add nothing, so a silent source lowers the rate instead of
 * guessing.
 */
export function spendRatePerHour(
  currentHourMicros: bigint,
  previousHourMicros: bigint,
  now: Date,
): bigint {
  const elapsed = now.getTime() - Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return currentHourMicros + (previousHourMicros * BigInt(HOUR_MS - elapsed)) / BigInt(HOUR_MS);
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
