import { describeAlert, readWholeNumber } from './alert-words';

describe('describeAlert', () => {
  const none = { amount: null, percent: null, hours: null };
  it('says each threshold in words, money exactly', () => {
    expect(
      describeAlert({ ...none, kind: 'AVAILABLE_BALANCE_BELOW', amount: '5.000001' }, 'USD'),
    ).toBe('Available balance below 5.000001 USD');
    expect(
      describeAlert({ ...none, kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 80 }, 'USD'),
    ).toBe('Share of the monthly budget spent above 80 %');
    expect(describeAlert({ ...none, kind: 'RUNS_OUT_WITHIN', hours: 24 }, 'USD')).toBe(
      'Runs out within 24 hours',
    );
  });
});

describe('readWholeNumber', () => {
  it.each(['0', '101', '1.5', '-1', '', 'ten', '1e2'])('refuses %j', (text) => {
    expect(readWholeNumber(text, 1, 100)).toEqual({
      ok: false,
      error: 'Enter a whole number from 1 to 100.',
    });
  });
  it('takes a whole number in range', () => {
    expect(readWholeNumber(' 80 ', 1, 100)).toEqual({ ok: true, value: 80 });
  });
});
