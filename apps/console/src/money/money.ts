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
  if (!CURRENCY.test(currency)) {
    throw new MoneyFormatError(`"${currency}" is not an ISO 4217 currency code such as "USD"`);
  }
  const magnitude = micros < 0n ? -micros : micros;
  const units = groupThousands((magnitude / MICROS_PER_UNIT).toString());
  const fraction = shortestFraction(magnitude % MICROS_PER_UNIT);
  return `${micros < 0n ? '-' : ''}${units}.${fraction} ${currency}`;
}

/** The API's Money string with its currency: formatMoney(parseMoney(amount), currency). */
export function formatAmount(amount: string, currency: string): string {
  return formatMoney(parseMoney(amount), currency);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

function shortestFraction(micros: bigint): string {
  const digits = micros.toString().padStart(MICRO_DIGITS, '0');
  let end = MICRO_DIGITS;
  while (end > MIN_FRACTION_DIGITS && digits[end - 1] === '0') end--;
  return digits.slice(0, end);
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
