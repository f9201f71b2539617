/** The kinds of ledger transactions, as the filter offers them, in words. */
export const LEDGER_KINDS: Readonly<Record<string, string>> = {
  usage: 'Usage charge',
  usage_adjustment: 'Usage correction',
  recharge: 'Top-up',
  bonus: 'Top-up bonus',
  refund: 'Refund',
  bonus_clawback: 'Bonus taken back',
  transfer: 'Transfer',
  budget: 'Monthly budget top-up',
  adjustment: 'Adjustment by hand',
  credit_grant: 'Credit granted',
  credit_expiry: 'Credit expired',
};

/** A kind in words; one the console does not know yet, as the API names it. */
export function ledgerKindWords(kind: string): string {
  return LEDGER_KINDS[kind] ?? kind.replaceAll('_', ' ');
}
