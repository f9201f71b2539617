import { isCrossed, monthStart, nextState, observedFigure, type AlertFacts } from './alert-policy';

const now = new Date('2026-12-04T10:30:00Z');
const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  availableMicros: 10_000_000n,
  monthSpendMicros: 0n,
  monthlyBudgetMicros: null,
  runsOutAt: null,
  ...over,
});
const balanceBelow = (amount: bigint) =>
  ({ kind: 'AVAILABLE_BALANCE_BELOW', amountMicros: amount, percent: null, hours: null }) as const;
const spendAbove = (amount: bigint) =>
  ({ kind: 'MONTHLY_SPEND_ABOVE', amountMicros: amount, percent: null, hours: null }) as const;
const budgetPercent = (percent: number) =>
  ({ kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', amountMicros: null, percent, hours: null }) as const;
const runsOutWithin = (hours: number) =>
  ({ kind: 'RUNS_OUT_WITHIN', amountMicros: null, percent: null, hours }) as const;

describe('isCrossed', () => {
  it('fires a balance alert strictly below its amount', () => {
    expect(isCrossed(balanceBelow(5_000_000n), facts({ availableMicros: 5_000_000n }), now)).toBe(
      false,
    );
    expect(isCrossed(balanceBelow(5_000_000n), facts({ availableMicros: 4_999_999n }), now)).toBe(
      true,
    );
    expect(isCrossed(balanceBelow(1n), facts({ availableMicros: -3n }), now)).toBe(true);
  });

  it('fires a spend alert once the month reaches its amount', () => {
    expect(isCrossed(spendAbove(2_000_000n), facts({ monthSpendMicros: 1_999_999n }), now)).toBe(
      false,
    );
    expect(isCrossed(spendAbove(2_000_000n), facts({ monthSpendMicros: 2_000_000n }), now)).toBe(
      true,
    );
  });

  it('measures a budget alert in exact percent of the budget, 100 % included', () => {
    const budget = { monthlyBudgetMicros: 3_000_000n };
    // 80 % of 3.000000 is 2.400000, to the micro-unit.
    expect(
      isCrossed(budgetPercent(80), facts({ ...budget, monthSpendMicros: 2_399_999n }), now),
    ).toBe(false);
    expect(
      isCrossed(budgetPercent(80), facts({ ...budget, monthSpendMicros: 2_400_000n }), now),
    ).toBe(true);
    expect(
      isCrossed(budgetPercent(100), facts({ ...budget, monthSpendMicros: 3_000_000n }), now),
    ).toBe(true);
    expect(
      isCrossed(budgetPercent(150), facts({ ...budget, monthSpendMicros: 3_000_000n }), now),
    ).toBe(false);
  });

  it('never fires a budget alert without a budget', () => {
    const spent = { monthSpendMicros: 1_000_000_000n };
    expect(isCrossed(budgetPercent(1), facts({ ...spent, monthlyBudgetMicros: null }), now)).toBe(
      false,
    );
    expect(isCrossed(budgetPercent(1), facts({ ...spent, monthlyBudgetMicros: 0n }), now)).toBe(
      false,
    );
  });

  it('fires a run-out alert when runsOutAt is at most its hours away, never while not spending', () => {
    const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    expect(isCrossed(runsOutWithin(24), facts({ runsOutAt: inHours(24) }), now)).toBe(true);
    expect(isCrossed(runsOutWithin(24), facts({ runsOutAt: inHours(24.001) }), now)).toBe(false);
    expect(isCrossed(runsOutWithin(1), facts({ runsOutAt: now }), now)).toBe(true);
    expect(isCrossed(runsOutWithin(1000), facts({ runsOutAt: null }), now)).toBe(false);
  });
});

describe('nextState', () => {
  it('moves only when the condition changes side', () => {
    const alert = balanceBelow(5_000_000n);
    const low = facts({ availableMicros: 1n });
    const high = facts({ availableMicros: 9_000_000n });
    expect(nextState('OK', alert, low, now)).toBe('TRIGGERED');
    expect(nextState('TRIGGERED', alert, low, now)).toBeNull();
    expect(nextState('TRIGGERED', alert, high, now)).toBe('OK');
    expect(nextState('OK', alert, high, now)).toBeNull();
  });
});

describe('observedFigure', () => {
  it('reports what the kind compares', () => {
    const seen = facts({ availableMicros: -5n, monthSpendMicros: 7n, runsOutAt: now });
    expect(observedFigure('AVAILABLE_BALANCE_BELOW', seen)).toBe('-5');
    expect(observedFigure('MONTHLY_BUDGET_PERCENT_ABOVE', seen)).toBe('7');
    expect(observedFigure('RUNS_OUT_WITHIN', seen)).toBe(now.toISOString());
    expect(observedFigure('RUNS_OUT_WITHIN', facts())).toBe('never');
  });
});

describe('monthStart', () => {
  it('is the first instant of the UTC month', () => {
    expect(monthStart(now).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(monthStart(new Date('2027-01-01T00:00:00Z')).toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });
});
