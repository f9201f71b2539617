import { DomainError, ErrorCode, type ErrorDetails } from '@tally/errors';

/** Stable `details.reason` values of money errors; clients may branch on them. */
export enum MoneyErrorReason {
  EMPTY = 'EMPTY',
  NOT_A_STRING = 'NOT_A_STRING',
  EXPONENT = 'EXPONENT',
  TOO_MANY_DECIMALS = 'TOO_MANY_DECIMALS',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  OVERFLOW = 'OVERFLOW',
  MALFORMED = 'MALFORMED',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  INVALID_CURRENCY = 'INVALID_CURRENCY',
  INVALID_ALLOCATION = 'INVALID_ALLOCATION',
  /** Sign rules of `parseWireMicros`. */
  NOT_POSITIVE = 'NOT_POSITIVE',
  ZERO = 'ZERO',
  NEGATIVE = 'NEGATIVE',
}

/** A BAD_USER_INPUT DomainError whose `details.reason` says what was wrong with the amount. */
export function moneyError(
  reason: MoneyErrorReason,
  message: string,
  details: ErrorDetails = {},
): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, { reason, ...details });
}
