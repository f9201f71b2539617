import { formatDay, lastDays } from './period';

describe('lastDays', () => {
  it('ends at the next UTC midnight and starts `days` before it', () => {
    expect(lastDays(3, new Date('2026-12-06T20:15:00Z'))).toEqual({
      from: '2026-12-04T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(lastDays(1, new Date('2026-12-06T00:00:00Z'))).toEqual({
      from: '2026-12-06T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
  });

  it('writes a day as a person reads it, in UTC', () => {
    expect(formatDay('2026-12-06T00:00:00.000Z')).toBe('6 Dec 2026');
  });
});
