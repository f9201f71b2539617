import { parseMoney } from '../money/money';

/** A non-negative decimal typed into the calculator, exactly: digits × 10^-scale. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
/** More fractional digits than any quantity or hour count needs: the rest is a typo. */
const MAX_FRACTION_DIGITS = 9;

/** "2.5" → 25 × 10^-1; null for anything that is not such a decimal (a sign, an exponent…). */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > MAX_FRACTION_DIGITS) return null;
  return { digits: BigInt(match[1] + fraction), scale: fraction.length };
}

/** A price book line: micro-units per unit-hour as the API sends it, and its scale. */
export interface PriceLine {
  readonly pricePerUnitHour: string;
  /** The true price is pricePerUnitHour × 10^-scale (finer than a micro-unit when above 0). */
  readonly scale: number;
}

/**
 * What `quantity` units for `hours` hours cost at `price`, in micro-units, rounded up once to
 * the micro-unit, as settlement rounds each line it charges. All bigint: no float on the way.
 */
export function lineCost(quantity: Decimal, hours: Decimal, price: PriceLine): bigint {
  const numerator = quantity.digits * hours.digits * parseMoney(price.pricePerUnitHour);
  const denominator = 10n ** BigInt(quantity.scale + hours.scale + price.scale);
  return (numerator + denominator - 1n) / denominator;
}
