import { DomainError } from '@tally/errors';
import type { NewAlert } from '@tally/transport';
import { thresholdOf } from './create-alert';

const input = (over: Partial<NewAlert>): NewAlert => ({
  walletId: '00000000-0000-4000-8000-000000000001',
  subAccountId: null,
  kind: 'AVAILABLE_BALANCE_BELOW',
  amountMicros: null,
  percent: null,
  hours: null,
  ...over,
});

function reasonOf(over: Partial<NewAlert>): unknown {
  try {
    thresholdOf(input(over));
  } catch (error) {
    if (error instanceof DomainError) return [error.code, error.details?.reason];
    throw error;
  }
  return 'accepted';
}

describe('thresholdOf', () => {
  it("keeps the kind's threshold and nothing else", () => {
    expect(
      thresholdOf(input({ kind: 'MONTHLY_SPEND_ABOVE', amountMicros: '2500000' as never })),
    ).toEqual({
      kind: 'MONTHLY_SPEND_ABOVE',
      amountMicros: 2_500_000n,
      percent: null,
      hours: null,
    });
    expect(thresholdOf(input({ kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 80 }))).toEqual({
      kind: 'MONTHLY_BUDGET_PERCENT_ABOVE',
      amountMicros: null,
      percent: 80,
      hours: null,
    });
    expect(thresholdOf(input({ kind: 'RUNS_OUT_WITHIN', hours: 8760 })).hours).toBe(8760);
  });

  it.each([
    [{ amountMicros: '0' }, 'NOT_POSITIVE'],
    [{ amountMicros: '-1' }, 'NOT_POSITIVE'],
    [{ amountMicros: '1.5' }, 'MALFORMED'],
    [{}, 'THRESHOLD_MISSING'],
    [{ amountMicros: '1', percent: 5 }, 'THRESHOLD_NOT_OF_KIND'],
    [{ kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 0 }, 'PERCENT_OUT_OF_RANGE'],
    [{ kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 1001 }, 'PERCENT_OUT_OF_RANGE'],
    [{ kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 50.5 }, 'PERCENT_OUT_OF_RANGE'],
    [{ kind: 'RUNS_OUT_WITHIN', hours: 0 }, 'HOURS_OUT_OF_RANGE'],
    [{ kind: 'RUNS_OUT_WITHIN', hours: 8761 }, 'HOURS_OUT_OF_RANGE'],
    [{ kind: 'RUNS_OUT_WITHIN', hours: 1, amountMicros: '1' }, 'THRESHOLD_NOT_OF_KIND'],
    [{ kind: 'NO_SUCH_KIND' }, 'UNKNOWN_KIND'],
  ] as [Partial<NewAlert>, string][])('refuses %j with %s', (over, reason) => {
    expect(reasonOf(over)).toEqual(['BAD_USER_INPUT', reason]);
  });
});
