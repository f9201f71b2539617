import { moneyError, MoneyErrorReason } from './money.errors';

declare const currencyBrand: unique symbol;

/** An ISO 4217 alphabetic code ("USD", "CNY"), checked by `toCurrency`. */
export type Currency = string & { readonly [currencyBrand]: true };

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrency(code: unknown): code is Currency {
  return typeof code === 'string' && CURRENCY_PATTERN.test(code);
}

/** Validates a currency code; throws BAD_USER_INPUT (reason INVALID_CURRENCY) otherwise. */
export function toCurrency(code: string): Currency {
  if (!isCurrency(code)) {
    throw moneyError(
      MoneyErrorReason.INVALID_CURRENCY,
      'Currency must be a three-letter upper-case ISO 4217 code, e.g. "USD"',
    );
  }
  return code;
}
