import { toWireMicros } from '@tally/money';
import type { AlertKind, AlertState } from '@tally/transport';

/** An alert's definition: the threshold its kind is measured against (the others are null). */
export interface AlertThreshold {
  readonly kind: AlertKind;
  readonly amountMicros: bigint | null;
  readonly percent: number | null;
  readonly hours: number | null;
}

/** What an evaluation knows of the wallet an alert watches. */
export interface AlertFacts {
  readonly availableMicros: bigint;
  /** The current UTC month's charges plus the usage pending in it. */
  readonly monthSpendMicros: bigint;
  /** The sub-account's monthly budget; null on a tenant wallet or when none is set. */
  readonly monthlyBudgetMicros: bigint | null;
  /** When the available balance runs out at the current spend rate; null when not spending. */
  readonly runsOutAt: Date | null;
}

const HOUR_MS = 3_600_000;

/**
 * Whether the alert's condition holds. Balance alerts fire strictly below the amount; spend and
 * budget alerts at the threshold already ("100 %" fires when the budget is used up, not a
 * micro-unit later); run-out alerts when `runsOutAt` is at most `hours` away. A budget alert
 * whose budget is gone (or zero) cannot hold.
 */
export function isCrossed(alert: AlertThreshold, facts: AlertFacts, now: Date): boolean {
  switch (alert.kind) {
    case 'AVAILABLE_BALANCE_BELOW':
      return facts.availableMicros < required(alert.amountMicros);
    case 'MONTHLY_SPEND_ABOVE':
      return facts.monthSpendMicros >= required(alert.amountMicros);
    case 'MONTHLY_BUDGET_PERCENT_ABOVE': {
      const budget = facts.monthlyBudgetMicros;
      if (budget === null || budget <= 0n) return false;
      return facts.monthSpendMicros * 100n >= budget * BigInt(required(alert.percent));
    }
    case 'RUNS_OUT_WITHIN':
      return (
        facts.runsOutAt !== null &&
        facts.runsOutAt.getTime() - now.getTime() <= required(alert.hours) * HOUR_MS
      );
  }
}

/** The state the alert moves to, or null when it stays where it is. */
export function nextState(
  current: AlertState,
  alert: AlertThreshold,
  facts: AlertFacts,
  now: Date,
): AlertState | null {
  const next: AlertState = isCrossed(alert, facts, now) ? 'TRIGGERED' : 'OK';
  return next === current ? null : next;
}

/**
 * The figure the alert compared, for notices and the transition record: micro-units, or for a
 * run-out alert the time it runs out ("never" while not spending).
 */
export function observedFigure(kind: AlertKind, facts: AlertFacts): string {
  switch (kind) {
    case 'AVAILABLE_BALANCE_BELOW':
      return toWireMicros(facts.availableMicros);
    case 'MONTHLY_SPEND_ABOVE':
    case 'MONTHLY_BUDGET_PERCENT_ABOVE':
      return toWireMicros(facts.monthSpendMicros);
    case 'RUNS_OUT_WITHIN':
      return facts.runsOutAt?.toISOString() ?? 'never';
  }
}

/** The start of the UTC month `now` is in: monthly spend counts from here. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

// The table's CHECK constraint guarantees the kind's threshold is there.
function required<T>(value: T | null): T {
  if (value === null) throw new Error('alert without the threshold its kind needs');
  return value;
}
