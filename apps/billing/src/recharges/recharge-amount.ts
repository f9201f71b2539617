import { badInput } from '@tally/errors';
import { parseMicros } from '@tally/money';

/** Micro-units per cent: Stripe's amounts for two-decimal currencies are in cents. */
export const MICROS_PER_CENT = 10_000n;

export interface RechargeLimits {
  readonly minMicros: bigint;
  readonly maxMicros: bigint;
}

export function rechargeLimits(min: string, max: string): RechargeLimits {
  return { minMicros: parseMicros(min), maxMicros: parseMicros(max) };
}

/**
 * Checks a requested recharge and answers its amount in Stripe's minor units (cents).
 * Amounts finer than a cent cannot be charged, so they are refused rather than rounded.
 */
export function rechargeCents(amountMicros: string, limits: RechargeLimits): bigint {
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
  if (micros % MICROS_PER_CENT !== 0n) {
    throw badInput('A recharge amount must be a whole number of cents', {
      reason: 'SUB_CENT_AMOUNT',
    });
  }
  return micros / MICROS_PER_CENT;
}

/** Stripe's integer minor units → micro-units, without ever holding money in a float. */
export function centsToMicros(cents: number): bigint {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an integer amount: ${cents}`);
  return BigInt(cents) * MICROS_PER_CENT;
}
