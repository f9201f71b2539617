import { parseWireMicros } from '@tally/money';
import type { MicrosString } from '@tally/transport';

/** A monthly budget: null (none) or zero and up. */
export function budgetFrom(micros: MicrosString | null): bigint | null {
  if (micros === null) return null;
  return parseWireMicros(micros, { sign: 'non-negative', label: 'monthlyBudget' });
}
