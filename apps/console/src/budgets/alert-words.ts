import type { AlertKind } from '../gql/graphql';
import { formatAmount } from '../money/money';

/** Each kind of alert, what its threshold is, and the threshold as a sentence. */
export const ALERT_KINDS: Readonly<
  Record<AlertKind, { label: string; threshold: 'amount' | 'percent' | 'hours'; field: string }>
> = {
  AVAILABLE_BALANCE_BELOW: {
    label: 'Available balance below',
    threshold: 'amount',
    field: 'Amount',
  },
  MONTHLY_SPEND_ABOVE: { label: "This month's spend above", threshold: 'amount', field: 'Amount' },
  MONTHLY_BUDGET_PERCENT_ABOVE: {
    label: 'Share of the monthly budget spent above',
    threshold: 'percent',
    field: 'Percent',
  },
  RUNS_OUT_WITHIN: { label: 'Runs out within', threshold: 'hours', field: 'Hours' },
};

interface Threshold {
  readonly kind: AlertKind;
  readonly amount: string | null;
  readonly percent: number | null;
  readonly hours: number | null;
}

/** "Available balance below 5.00 USD", "Runs out within 24 hours", … */
export function describeAlert(alert: Threshold, currency: string): string {
  const { label } = ALERT_KINDS[alert.kind];
  if (alert.amount !== null) return `${label} ${formatAmount(alert.amount, currency)}`;
  if (alert.percent !== null) return `${label} ${alert.percent} %`;
  return `${label} ${alert.hours ?? '?'} hours`;
}

/** A whole number from `min` to `max` typed into a form, or what is wrong with it. */
export function readWholeNumber(
  text: string,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < min || value > max) {
    return { ok: false, error: `Enter a whole number from ${min} to ${max}.` };
  }
  return { ok: true, value };
}
