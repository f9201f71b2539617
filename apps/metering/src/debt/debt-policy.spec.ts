import type { DebtState } from '@tally/transport';
import { assessDebt, DebtThresholds, WalletFacts } from './debt-policy';

const HOUR = 3_600_000;
const now = new Date('2026-11-22T12:00:00Z');
const defaults: DebtThresholds = {
  lowBalanceHours: 24,
  criticalHours: 1,
  graceMs: 0,
  reclaimAfterMs: null,
};
const facts = (change: Partial<WalletFacts>): WalletFacts => ({
  balanceMicros: 0n,
  hourlySpendMicros: 0n,
  current: 'NORMAL',
  since: new Date(now.getTime() - 10 * HOUR),
  negativeSince: null,
  ...change,
});
const state = (change: Partial<WalletFacts>, thresholds = defaults): DebtState =>
  assessDebt(facts(change), thresholds, now).state;

describe('assessDebt', () => {
  it('is NORMAL while the balance lasts at least 24 hours of spend', () => {
    expect(state({ balanceMicros: 24_000n, hourlySpendMicros: 1_000n })).toBe('NORMAL');
    expect(state({ balanceMicros: 5n, hourlySpendMicros: 0n })).toBe('NORMAL');
    expect(state({ balanceMicros: 0n, hourlySpendMicros: 0n })).toBe('NORMAL');
  });

  it('is LOW_BALANCE under 24 hours and CRITICAL under one hour of spend', () => {
    expect(state({ balanceMicros: 23_999n, hourlySpendMicros: 1_000n })).toBe('LOW_BALANCE');
    expect(state({ balanceMicros: 1_000n, hourlySpendMicros: 1_000n })).toBe('LOW_BALANCE');
    expect(state({ balanceMicros: 999n, hourlySpendMicros: 1_000n })).toBe('CRITICAL');
    expect(state({ balanceMicros: 0n, hourlySpendMicros: 1n })).toBe('CRITICAL');
  });

  it('suspends a negative balance at once with the default grace of zero', () => {
    expect(state({ balanceMicros: -1n, negativeSince: now })).toBe('SUSPENDED');
  });

  it('holds a negative balance at CRITICAL during a grace period, then suspends', () => {
    const grace = { ...defaults, graceMs: 2 * HOUR };
    expect(
      state({ balanceMicros: -1n, negativeSince: new Date(now.getTime() - HOUR) }, grace),
    ).toBe('CRITICAL');
    expect(
      state({ balanceMicros: -1n, negativeSince: new Date(now.getTime() - 2 * HOUR) }, grace),
    ).toBe('SUSPENDED');
  });

  it('never reclaims unless enabled, and then only after the reclaim period suspended', () => {
    const suspendedLong = { balanceMicros: -1n, current: 'SUSPENDED' as const, negativeSince: now };
    expect(state({ ...suspendedLong, since: new Date(0) })).toBe('SUSPENDED');
    const reclaim = { ...defaults, reclaimAfterMs: 7 * 24 * HOUR };
    expect(
      state({ ...suspendedLong, since: new Date(now.getTime() - 6 * 24 * HOUR) }, reclaim),
    ).toBe('SUSPENDED');
    expect(
      state({ ...suspendedLong, since: new Date(now.getTime() - 7 * 24 * HOUR) }, reclaim),
    ).toBe('RECLAIMED');
  });

  it('returns a suspended wallet to NORMAL when money lifts it above the thresholds', () => {
    expect(
      state({ balanceMicros: 1_000_000n, hourlySpendMicros: 1_000n, current: 'SUSPENDED' }),
    ).toBe('NORMAL');
    expect(state({ balanceMicros: 10n, hourlySpendMicros: 1_000n, current: 'SUSPENDED' })).toBe(
      'CRITICAL',
    );
  });
});
