export interface RetryPolicy {
  /** Delay before the first retry. */
  readonly baseMs: number;
  /** Delays double up to this. */
  readonly maxDelayMs: number;
  /** The last retry happens no later than this after the first attempt. */
  readonly windowMs: number;
}

/**
 * The delays between attempts: base, 2×base, 4×base … capped at maxDelay, for as many
 * retries as fit in the window. With the defaults (1 min, 6 h, 3 days): 9 doubling retries
 * (1 min … 4 h 16 min, 8 h 31 min in all), then 10 more 6 h apart: the last of 19 retries
 * (20 attempts) comes 68 h 31 min after the first attempt, and one more would pass 3 days.
 */
export function retryDelays(policy: RetryPolicy): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  let next = policy.baseMs;
  while (elapsed + Math.min(next, policy.maxDelayMs) <= policy.windowMs) {
    const delay = Math.min(next, policy.maxDelayMs);
    delays.push(delay);
    elapsed += delay;
    next *= 2;
  }
  return delays;
}
