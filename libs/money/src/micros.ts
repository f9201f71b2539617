import { moneyError, MoneyErrorReason } from './money.errors';

/** Micro-units in one currency unit: amounts carry exactly 6 fractional digits. */
export const MICROS_PER_UNIT = 1_000_000n;
export const MICRO_DIGITS = 6;
/** Largest magnitude a Postgres BIGINT column holds (2^63 − 1). */
export const MAX_MICROS = 2n ** 63n - 1n;
/** Symmetric with MAX_MICROS (not −2^63) so that negating never overflows. */
export const MIN_MICROS = -MAX_MICROS;

// 9223372036854.775807 has 13 integer digits; anything longer overflows without a BigInt.
const MAX_INTEGER_DIGITS = 13;

const VALID = /^(-?)([0-9]+)(?:\.([0-9]{1,6}))?$/;
const NOT_A_NUMBER = /^[+-]?(?:nan|inf(?:inity)?)$/i;
const EXPONENT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)e[+-]?[0-9]+$/i;
const TOO_MANY_DECIMALS = /^-?[0-9]+\.[0-9]{7,}$/;

export function isMicrosInRange(micros: bigint): boolean {
  return micros >= MIN_MICROS && micros <= MAX_MICROS;
}

/** Returns `micros` unchanged, or throws BAD_USER_INPUT (reason OVERFLOW) outside ±MAX_MICROS. */
export function assertMicrosInRange(micros: bigint): bigint {
  if (!isMicrosInRange(micros)) throw overflow();
  return micros;
}

function overflow() {
  return moneyError(
    MoneyErrorReason.OVERFLOW,
    `Money amount is outside the supported range of ±${formatMicros(MAX_MICROS)}`,
  );
}

/**
 * Parses a decimal string ("12.5", "-0.000001") into micro-units. Takes `unknown` because it
 * guards transport input: a JSON number is rejected (it has already been through a float).
 * Throws BAD_USER_INPUT with a stable `details.reason`.
 */
export function parseMicros(text: unknown): bigint {
  if (typeof text !== 'string') {
    const got = typeof text === 'number' ? 'a number' : typeof text;
    throw moneyError(
      MoneyErrorReason.NOT_A_STRING,
      `Money amount must be sent as a decimal string such as "12.5", not ${got}; ` +
        'numbers are rejected because floats cannot hold every amount exactly',
    );
  }
  const match = VALID.exec(text);
  if (!match) throw rejection(text);

  const [, sign, integerDigits, fraction = ''] = match;
  if (integerDigits.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) throw overflow();
  const magnitude =
    BigInt(integerDigits) * MICROS_PER_UNIT + BigInt(fraction.padEnd(MICRO_DIGITS, '0'));
  // bigint has no negative zero, so "-0" and "-0.000000" come out as 0n.
  return assertMicrosInRange(sign === '-' ? -magnitude : magnitude);
}

// Only reached for input that failed the grammar: work out the most helpful reason.
function rejection(text: string) {
  if (text.trim() === '') {
    return moneyError(MoneyErrorReason.EMPTY, 'Money amount is empty');
  }
  if (text !== text.trim()) {
    return moneyError(
      MoneyErrorReason.MALFORMED,
      'Money amount must not have leading or trailing whitespace',
    );
  }
  if (NOT_A_NUMBER.test(text)) {
    return moneyError(
      MoneyErrorReason.NOT_A_NUMBER,
      'Money amount must be a finite decimal number, not NaN or Infinity',
    );
  }
  if (EXPONENT.test(text)) {
    return moneyError(
      MoneyErrorReason.EXPONENT,
      'Money amount must be written out without an exponent, e.g. "1000" rather than "1e3"',
    );
  }
  if (TOO_MANY_DECIMALS.test(text)) {
    return moneyError(
      MoneyErrorReason.TOO_MANY_DECIMALS,
      `Money amount has more than ${MICRO_DIGITS} fractional digits`,
    );
  }
  return moneyError(MoneyErrorReason.MALFORMED, malformedMessage(text));
}

function malformedMessage(text: string): string {
  if (text.startsWith('+')) return 'Money amount must not start with "+"';
  if (/^-?\./.test(text)) return 'Money amount needs a digit before the decimal point, e.g. "0.5"';
  if (text.endsWith('.')) return 'Money amount needs at least one digit after the decimal point';
  return 'Money amount must be a decimal string: an optional "-", digits, and optionally "." followed by 1 to 6 digits';
}

/** Formats micro-units with exactly 6 fractional digits: "12.500000", "-0.000001". */
export function formatMicros(micros: bigint): string {
  const magnitude = micros < 0n ? -micros : micros;
  const units = magnitude / MICROS_PER_UNIT;
  const fraction = (magnitude % MICROS_PER_UNIT).toString().padStart(MICRO_DIGITS, '0');
  return `${micros < 0n ? '-' : ''}${units}.${fraction}`;
}
