import { moneyError, MoneyErrorReason } from './money.errors';

/**
 * Splits `total` micro-units in proportion to `weights` (each ≥ 0, not all 0) without losing
 * any: largest-remainder method, leftover micro-units going to the largest remainders, ties to
 * the earlier part. The parts always sum to `total`; a negative total mirrors a positive one.
 */
export function allocateMicros(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = checkWeights(weights);
  const magnitude = total < 0n ? -total : total;

  const parts = weights.map((w) => (magnitude * w) / weightSum);
  const remainders = weights.map((w) => (magnitude * w) % weightSum);
  let leftover = magnitude - parts.reduce((a, b) => a + b, 0n);

  // leftover < number of non-zero remainders, so zero-weight parts never receive a micro-unit.
  const order = weights
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1,
    );
  for (const i of order) {
    if (leftover === 0n) break;
    parts[i] += 1n;
    leftover -= 1n;
  }
  return total < 0n ? parts.map((p) => -p) : parts;
}

/** Splits `total` into `count` parts differing by at most one micro-unit, larger ones first. */
export function splitMicros(total: bigint, count: number): bigint[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw moneyError(
      MoneyErrorReason.INVALID_ALLOCATION,
      'An amount can only be split into a whole number of parts, at least 1',
    );
  }
  return allocateMicros(total, new Array<bigint>(count).fill(1n));
}

function checkWeights(weights: readonly bigint[]): bigint {
  if (weights.length === 0) {
    throw moneyError(MoneyErrorReason.INVALID_ALLOCATION, 'Allocation needs at least one weight');
  }
  let sum = 0n;
  for (const w of weights) {
    if (typeof w !== 'bigint' || w < 0n) {
      throw moneyError(
        MoneyErrorReason.INVALID_ALLOCATION,
        'Allocation weights must be non-negative integers',
      );
    }
    sum += w;
  }
  if (sum === 0n) {
    throw moneyError(MoneyErrorReason.INVALID_ALLOCATION, 'Allocation weights must not all be 0');
  }
  return sum;
}
