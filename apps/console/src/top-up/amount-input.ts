import { formatMoney, parseMoney } from '../money/money';

/** An amount typed into a form: the decimal string to send, or what is wrong with it. */
export type AmountInput =
  | { readonly ok: true; readonly amount: string; readonly micros: bigint }
  | { readonly ok: false; readonly error: string };

/**
 * Checks an amount before it is sent, with the parser the API uses (libs/money): a positive
 * decimal of at most 6 fractional digits ("25", "12.50"). `min` is the least the form takes.
 */
export function readAmount(text: string, currency: string, min = 1n): AmountInput {
  const amount = text.trim();
  if (amount === '') return { ok: false, error: 'Enter an amount.' };
  let micros: bigint;
  try {
    micros = parseMoney(amount);
  } catch {
    return {
      ok: false,
      error: 'Enter an amount as digits, with at most 6 after the point, such as 25 or 12.50.',
    };
  }
  if (micros < min) {
    return { ok: false, error: `Enter at least ${formatMoney(min, currency)}.` };
  }
  return { ok: true, amount, micros };
}

/** An amount that may be left blank to mean none (no budget, no cap): null, or as readAmount. */
export function readOptionalAmount(
  text: string,
  currency: string,
): AmountInput | { readonly ok: true; readonly amount: null } {
  return text.trim() === '' ? { ok: true, amount: null } : readAmount(text, currency);
}
