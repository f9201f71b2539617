import { parseMicros } from '@tally/money/micros';

/**
 * The console's one way to show money. The API's `Money` scalar is a decimal string with up to
 * 6 fractional digits ("12.500000"); it becomes bigint micro-units through the same parser the
 * services use (libs/money, bundled into the console) and a string again, never a JavaScript
 * number, so every amount is shown exactly, however large.
 */

const MICROS_PER_UNIT = 1_000_000n;
const MICRO_DIGITS = 6;
/** Cents are always shown, so amounts line up; further digits only when they are not zero. */
const MIN_FRACTION_DIGITS = 2;

const CURRENCY = /^[A-Z]{3}$/;

/** A currency the API should never send. */
export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/**
 * The API's decimal string as micro-units: "12.5" → 12_500_000n. Anything else (a number, an
 * exponent, a 7th decimal digit...) is refused with libs/money's BAD_USER_INPUT and its reason.
 */
export const parseMoney: (amount: unknown) => bigint = parseMicros;

/**
 * Micro-units with their currency, exact: 1_234_500_000n, "USD" → "1,234.50 USD";
 * 1n → "0.000001 USD"; -12_000_000n → "-12.00 USD".
 */
export function formatMoney(micros: bigint, currency: string): string {
  return formatFixed(micros, MICRO_DIGITS, currency);
}

/** The API's Money string with its currency: formatMoney(parseMoney(amount), currency). */
export function formatAmount(amount: string, currency: string): string {
  return formatMoney(parseMoney(amount), currency);
}

/** Most digits a price may have past the micro-unit (billing's price book refuses more). */
const MAX_PRICE_SCALE = 6;
const MAX_PRICE_MICROS = 2n ** 63n - 1n;
const PRICE_TEXT = /^(\d{1,13})(?:\.(\d{1,12}))?$/;

/**
 * A price book price as a person reads it: the API's pricePerUnitHour × 10^-scale, exact.
 * ("0.000083", 1, "USD") → "0.0000083 USD".
 */
export function formatPrice(pricePerUnitHour: string, scale: number, currency: string): string {
  return formatFixed(parseMoney(pricePerUnitHour), MICRO_DIGITS + scale, currency);
}

/**
 * A price a person typed, as the API takes it: "0.0000083" → pricePerUnitHour "0.000083",
 * scale 1 (the digits past the micro-unit). Null for anything that is not a non-negative
 * decimal with at most 12 fractional digits.
 */
export function parsePrice(text: string): { pricePerUnitHour: string; scale: number } | null {
  const match = PRICE_TEXT.exec(text.trim());
  if (match === null) return null;
  const fraction = match[2] ?? '';
  const scale = Math.max(0, fraction.length - MICRO_DIGITS);
  if (scale > MAX_PRICE_SCALE) return null;
  const digits = BigInt(match[1] + fraction.padEnd(MICRO_DIGITS + scale, '0'));
  // The API carries pricePerUnitHour in micro-units of a BIGINT.
  if (digits > MAX_PRICE_MICROS) return null;
  return { pricePerUnitHour: formatFixed(digits, MICRO_DIGITS, null), scale };
}

/** The API's amounts added up exactly, in the API's form: ["1.5", "0.000001"] → "1.500001". */
export function sumAmounts(amounts: readonly string[]): string {
  return formatFixed(
    amounts.reduce((sum, amount) => sum + parseMoney(amount), 0n),
    MICRO_DIGITS,
    null,
  );
}

/** A price as a form field holds it: the bare decimal, "0.0000083" (parsePrice reads it back). */
export function priceText(pricePerUnitHour: string, scale: number): string {
  return formatFixed(parseMoney(pricePerUnitHour), MICRO_DIGITS + scale, null);
}

/** `value` × 10^-fractionDigits with its currency (none: the bare decimal), exact. */
function formatFixed(value: bigint, fractionDigits: number, currency: string | null): string {
  if (currency !== null && !CURRENCY.test(currency)) {
    throw new MoneyFormatError(`"${currency}" is not an ISO 4217 currency code such as "USD"`);
  }
  const magnitude = value < 0n ? -value : value;
  const one = 10n ** BigInt(fractionDigits);
  const fraction = shortestFraction(
    magnitude % one,
    fractionDigits,
    currency === null ? 0 : MIN_FRACTION_DIGITS,
  );
  const units = (magnitude / one).toString();
  const text = `${value < 0n ? '-' : ''}${currency === null ? units : groupThousands(units)}${fraction === '' ? '' : `.${fraction}`}`;
  return currency === null ? text : `${text} ${currency}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

function shortestFraction(fraction: bigint, digits: number, keep: number): string {
  const text = fraction.toString().padStart(digits, '0');
  let end = digits;
  while (end > keep && text[end - 1] === '0') end--;
  return text.slice(0, end);
}

/**
 * Where an amount sits on a chart's axis: whole units as a JavaScript number. Only for drawing
 * (a chart places its bars by number, and a pixel cannot show a micro-unit); every figure a
 * person reads next to a chart is formatMoney's, exact.
 */
export function chartPosition(amount: string): number {
  const micros = parseMoney(amount);
  return Number(micros / MICROS_PER_UNIT) + Number(micros % MICROS_PER_UNIT) / 1_000_000;
}
