import { badInput } from '@tally/errors';

/** A monthly budget: null (none) or zero and up. */
export function budgetFrom(micros: string | null): bigint | null {
  if (micros === null) return null;
  if (!/^\d{1,19}$/.test(micros)) {
    throw badInput('monthlyBudget must be zero or more', { reason: 'BAD_BUDGET' });
  }
  return BigInt(micros);
}
