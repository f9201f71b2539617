import { movesAvailableBalance } from './debt-evaluation.processor';

const walletId = '0190c1d2-0000-7000-8000-000000000001';

describe('movesAvailableBalance', () => {
  it('is false for a settlement’s usage charges alone: they replace pending usage', () => {
    expect(movesAvailableBalance({ walletId, kinds: ['usage'] })).toBe(false);
  });

  it('is true as soon as any other kind moved the wallet', () => {
    expect(movesAvailableBalance({ walletId, kinds: ['recharge'] })).toBe(true);
    expect(movesAvailableBalance({ walletId, kinds: ['usage', 'transfer'] })).toBe(true);
    // Reconciliation's corrections were never pending usage.
    expect(movesAvailableBalance({ walletId, kinds: ['usage_adjustment'] })).toBe(true);
  });

  it('is true for an event that does not name its kinds (queued before the ledger named them)', () => {
    expect(movesAvailableBalance({ walletId })).toBe(true);
  });
});
