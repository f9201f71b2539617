import { badInput } from '@tally/errors';
import { parseMicros, parseWireMicros, toWireMicros } from '@tally/money';
import type { MicrosString } from '@tally/transport';

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
export function rechargeMicros(amountMicros: MicrosString, limits: RechargeLimits): bigint {
  const micros = parseWireMicros(amountMicros, { label: 'amountMicros' });
  if (micros < limits.minMicros || micros > limits.maxMicros) {
    throw badInput('The recharge amount is outside the allowed range', {
      reason: 'AMOUNT_OUT_OF_RANGE',
      min: toWireMicros(limits.minMicros),
      max: toWireMicros(limits.maxMicros),
    });
  }
  return micros;
}
