import type { ErrorDetails } from '@tally/errors';
import { assertMicrosInRange, formatMicros, isMicrosInRange, MAX_MICROS } from './micros';
import { moneyError, MoneyErrorReason } from './money.errors';

declare const wireMicrosBrand: unique symbol;

/**
 * Micro-units as an integer decimal string ("12500000" for 12.5): the one form amounts take
 * between Tally's services (messages, outbox events, job data). Made by `toWireMicros`, read
 * by `parseWireMicros`. It is neither a JSON number nor the public decimal ("12.5") that the
 * GraphQL `Money` scalar speaks; the brand keeps a public decimal out of a wire field.
 */
export type WireMicros = string & { readonly [wireMicrosBrand]: true };

/** Which amounts a field accepts. */
export type MicrosSign = 'any' | 'positive' | 'non-zero' | 'non-negative';

export interface WireMicrosRules {
  /** Default `any`. */
  readonly sign?: MicrosSign;
  /** What the amount is, for the message ("amount", "monthlyBudget", "price of CPU"). */
  readonly label?: string;
  /** Added to the error's details beside `reason` (e.g. the resource a price is for). */
  readonly details?: ErrorDetails;
}

// Leading zeros and "-0" are accepted as they always were; what is refused is anything that
// is not a whole number of micro-units, above all a decimal such as "12.5".
const WIRE = /^-?[0-9]+$/;
// 9223372036854775807 has 19 digits.
const MAX_WIRE_DIGITS = MAX_MICROS.toString().length;

/** Formats micro-units for the wire: "12500000", "-1", "0". Outside ±MAX_MICROS: OVERFLOW. */
export function toWireMicros(micros: bigint): WireMicros {
  return assertMicrosInRange(micros).toString() as WireMicros;
}

/**
 * Reads micro-units off the wire, where they are an integer string ("12500000"). Takes
 * `unknown` because it guards a service's boundary: whatever arrived is checked. Throws
 * BAD_USER_INPUT with a stable `details.reason`: NOT_A_STRING, EMPTY, MALFORMED (a decimal
 * such as "12.5" included), OVERFLOW, and for `rules.sign` NOT_POSITIVE, ZERO or NEGATIVE.
 */
export function parseWireMicros(text: unknown, rules: WireMicrosRules = {}): bigint {
  if (typeof text !== 'string') {
    throw refusal(
      rules,
      MoneyErrorReason.NOT_A_STRING,
      `must be micro-units as an integer string such as "12500000", not ${describe(text)}`,
    );
  }
  if (text === '') throw refusal(rules, MoneyErrorReason.EMPTY, 'is empty');
  if (!WIRE.test(text)) {
    throw refusal(
      rules,
      MoneyErrorReason.MALFORMED,
      'must be a whole number of micro-units, e.g. "12500000" for 12.5',
    );
  }
  // Digits too many for any amount are refused before BigInt has to read them all; only
  // leading zeros can make a text longer than a sign and 19 digits and still in range.
  const readable =
    text.length <= MAX_WIRE_DIGITS + 1 || text.replace(/^-?0*/, '').length <= MAX_WIRE_DIGITS;
  const micros = readable ? BigInt(text) : undefined;
  if (micros === undefined || !isMicrosInRange(micros)) {
    throw refusal(
      rules,
      MoneyErrorReason.OVERFLOW,
      `is outside the supported range of ±${formatMicros(MAX_MICROS)}`,
    );
  }
  const broken = brokenSignRule(micros, rules.sign ?? 'any');
  if (broken !== null) throw refusal(rules, ...broken);
  return micros;
}

function brokenSignRule(micros: bigint, sign: MicrosSign): [MoneyErrorReason, string] | null {
  switch (sign) {
    case 'any':
      return null;
    case 'positive':
      return micros > 0n ? null : [MoneyErrorReason.NOT_POSITIVE, 'must be greater than zero'];
    case 'non-zero':
      return micros !== 0n ? null : [MoneyErrorReason.ZERO, 'must not be zero'];
    case 'non-negative':
      return micros >= 0n ? null : [MoneyErrorReason.NEGATIVE, 'must be zero or more'];
  }
}

function refusal(rules: WireMicrosRules, reason: MoneyErrorReason, message: string) {
  return moneyError(reason, `${rules.label ?? 'amount'} ${message}`, rules.details);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return 'a number';
  return value === null ? 'null' : typeof value;
}
