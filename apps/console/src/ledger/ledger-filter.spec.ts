import { filterOf, NO_FILTER } from './ledger-filter';

describe('filterOf', () => {
  it('asks for no filter when the form is empty', () => {
    expect(filterOf(NO_FILTER)).toBeNull();
  });

  it('turns UTC days into a half-open range that includes the last day', () => {
    expect(filterOf({ kind: '', fromDay: '2026-12-01', toDay: '2026-12-01' })).toEqual({
      kind: null,
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
    });
    expect(filterOf({ kind: 'usage', fromDay: '', toDay: '2026-02-28' })).toEqual({
      kind: 'usage',
      from: null,
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it('refuses, in words, a range that ends before it starts and a day that is none', () => {
    expect(filterOf({ kind: '', fromDay: '2026-12-02', toDay: '2026-12-01' })).toBe(
      'The first day must not be after the last.',
    );
    expect(filterOf({ kind: '', fromDay: '2026-13-45', toDay: '' })).toBe(
      'Write the days as YYYY-MM-DD.',
    );
  });
});
