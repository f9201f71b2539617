import { badInput } from '@tally/errors';
import { parseMicros } from '@tally/money';

/** Micro-units from the wire; `sign` says which amounts the operation accepts. */
export function amountFrom(micros: string, sign: 'positive' | 'non-zero'): bigint {
  // The gateway already parsed the decimal; this guards the service's own boundary.
  const amount = /^-?\d{1,19}$/.test(micros) ? BigInt(micros) : parseMicros(micros);
  if (sign === 'positive' && amount <= 0n) {
    throw badInput('amount must be greater than zero', { reason: 'NOT_POSITIVE' });
  }
  if (amount === 0n) throw badInput('amount must not be zero', { reason: 'ZERO' });
  return amount;
}
