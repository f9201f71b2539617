import { DomainError } from '@tally/errors';
import { MAX_RANGE_DAYS, wholeDays } from './daily-spend';
import { SpendErrorReason } from './spend.errors';

function reasonOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.details?.reason : error;
  }
  return 'accepted';
}

describe('wholeDays', () => {
  it('takes UTC midnights, from before to', () => {
    expect(wholeDays('2026-12-01T00:00:00Z', '2026-12-08T00:00:00.000Z')).toEqual({
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2026-12-08T00:00:00Z'),
    });
  });

  it.each([
    ['backwards', '2026-12-08T00:00:00Z', '2026-12-01T00:00:00Z', SpendErrorReason.BAD_RANGE],
    ['empty', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', SpendErrorReason.BAD_RANGE],
    ['not a time', 'yesterday', '2026-12-01T00:00:00Z', SpendErrorReason.BAD_RANGE],
    ['mid-day', '2026-12-01T12:00:00Z', '2026-12-02T00:00:00Z', SpendErrorReason.NOT_WHOLE_DAYS],
    [
      'a midnight elsewhere',
      '2026-12-01T00:00:00+01:00',
      '2026-12-02T00:00:00Z',
      SpendErrorReason.NOT_WHOLE_DAYS,
    ],
  ])('refuses a range %s', (_, from, to, reason) => {
    expect(reasonOf(() => wholeDays(from, to))).toBe(reason);
  });

  it(`spans at most ${MAX_RANGE_DAYS} days`, () => {
    const from = Date.UTC(2026, 0, 1);
    const day = 86_400_000;
    const at = (days: number) => new Date(from + days * day).toISOString();
    expect(reasonOf(() => wholeDays(at(0), at(MAX_RANGE_DAYS)))).toBe('accepted');
    expect(reasonOf(() => wholeDays(at(0), at(MAX_RANGE_DAYS + 1)))).toBe(
      SpendErrorReason.RANGE_TOO_LONG,
    );
  });
});
