import { badInput } from '@tally/errors';
import { parseMicros } from '@tally/money';

export interface RechargeLimits {
  readonly minMicros: bigint;
  readonly maxMicros: bigint;
}

export function rechargeLimits(min: string, max: string): RechargeLimits {
  return { minMicros: parseMicros(min), maxMicros: parseMicros(max) };
}

/**
 * Checks a requested recharge against the limits and answers it in micro-units. Whether the
 * wallet's currency can charge it (whole cents, whole yen) is for `toStripeAmount`.
 */
export function rechargeMicros(amountMicros: string, limits: RechargeLimits): bigint {
  if (!/^-?\d{1,19}$/.test(amountMicros)) {
    throw badInput('amountMicros must be an integer string', { reason: 'BAD_AMOUNT' });
  }
  const micros = BigInt(amountMicros);
  if (micros < limits.minMicros || micros > limits.maxMicros) {
    throw badInput('The recharge amount is outside the allowed range', {
      reason: 'AMOUNT_OUT_OF_RANGE',
      min: limits.minMicros.toString(),
      max: limits.maxMicros.toString(),
    });
  }
  return micros;
}
