import { parseWireMicros } from '@tally/money';
import type { PriceView, Resource } from '@tally/transport';
import { BASE_UNITS } from '../usage/usage-sample';

/** Digits after the point when a quantity is shown in its billing unit. */
const QUANTITY_DECIMALS = 6;

export interface PricedLine {
  readonly resource: Resource;
  /** Base units (core-µs, byte-seconds, ...), exactly as aggregated. */
  readonly quantity: bigint;
  readonly amountMicros: bigint;
}

/**
 * The rounding rule: a line's amount is
 *
 *     ⌈ quantity × pricePerUnitHourMicros / (baseUnitsPerBillingUnit × 10^scale) ⌉
 *
 * computed in integers from the exact base quantity — one rounding per line, up, to the
 * micro-unit, and none before it (not on the quantity, not on an hourly rate). Up, because a
 * line that used something is never free; per line, because the line is what the tenant sees
 * and can check. The transaction total is the sum of the rounded lines.
 */
export function priceLine(resource: Resource, quantity: bigint, price: PriceView): PricedLine {
  if (quantity < 0n) throw new RangeError(`Negative ${resource} quantity ${quantity}`);
  const numerator = quantity * parseWireMicros(price.pricePerUnitHourMicros);
  const denominator = BASE_UNITS[resource].perBillingUnit * 10n ** BigInt(price.scale);
  const amountMicros = (numerator + denominator - 1n) / denominator;
  return { resource, quantity, amountMicros };
}

/**
 * A base quantity in its billing unit (core-hours, GiB-hours, GiB, ...) as a decimal string
 * rounded half up to six places: what people read; amounts never derive from it.
 */
export function billingQuantity(resource: Resource, quantity: bigint): string {
  const scaled = 10n ** BigInt(QUANTITY_DECIMALS);
  const divisor = BASE_UNITS[resource].perBillingUnit;
  const rounded = (quantity * scaled * 2n + divisor) / (divisor * 2n);
  const whole = rounded / scaled;
  const fraction = (rounded % scaled).toString().padStart(QUANTITY_DECIMALS, '0');
  return `${whole}.${fraction}`;
}
