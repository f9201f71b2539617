import { SystemAccount, type Posting } from './ledger.types';
import { assertBalanced, contentHash } from './posting-rules';

const charge = (over: Partial<Posting>): Posting => ({
  kind: 'usage',
  idempotencyKey: 'charge:web:2026-03-31T23:00:00.000Z',
  usageHour: new Date('2026-03-31T23:00:00Z'),
  lines: [
    { account: { walletId: '00000000-0000-4000-8000-000000000001' }, amountMicros: -5n },
    { account: { system: SystemAccount.RevenueCpu }, amountMicros: 5n },
  ],
  ...over,
});
const reason = (posting: Posting) => {
  try {
    assertBalanced(posting);
    return 'OK';
  } catch (error) {
    return (error as { details?: { reason?: string } }).details?.reason;
  }
};

describe('usage hours', () => {
  it('are required on usage and its corrections, and only there', () => {
    expect(reason(charge({}))).toBe('OK');
    expect(reason(charge({ kind: 'usage_adjustment' }))).toBe('OK');
    expect(reason(charge({ usageHour: undefined }))).toBe('USAGE_HOUR_REQUIRED');
    expect(reason(charge({ kind: 'usage_adjustment', usageHour: undefined }))).toBe(
      'USAGE_HOUR_REQUIRED',
    );
    expect(reason(charge({ kind: 'adjustment' }))).toBe('USAGE_HOUR_NOT_USAGE');
    expect(reason(charge({ kind: 'adjustment', usageHour: undefined }))).toBe('OK');
  });

  it('are whole hours that have begun', () => {
    expect(reason(charge({ usageHour: new Date('2026-03-31T23:30:00Z') }))).toBe('BAD_USAGE_HOUR');
    expect(reason(charge({ usageHour: new Date(Number.NaN) }))).toBe('BAD_USAGE_HOUR');
    const next = new Date((Math.floor(Date.now() / 3_600_000) + 1) * 3_600_000);
    expect(reason(charge({ usageHour: next }))).toBe('BAD_USAGE_HOUR');
  });

  it('leave the content hash alone, so postings from before the column still replay', () => {
    expect(contentHash(charge({}))).toBe(contentHash(charge({ usageHour: undefined })));
  });
});
