import { inOfficeHours, integrate, levelAt, officeHours } from './usage-profile';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('daily usage patterns', () => {
  const pattern = officeHours(1, 10);

  it('peaks Monday to Friday from 09:00 to 18:00 UTC only', () => {
    expect(inOfficeHours(at('2026-12-01T08:59:59Z'))).toBe(false); // a Tuesday
    expect(inOfficeHours(at('2026-12-01T09:00:00Z'))).toBe(true);
    expect(inOfficeHours(at('2026-12-01T17:59:59Z'))).toBe(true);
    expect(inOfficeHours(at('2026-12-01T18:00:00Z'))).toBe(false);
    expect(inOfficeHours(at('2026-12-05T12:00:00Z'))).toBe(false); // a Saturday
    expect(levelAt(pattern, at('2026-12-01T12:00:00Z'))).toBe(11);
    expect(levelAt(pattern, at('2026-12-01T20:00:00Z'))).toBe(1);
  });

  it('integrates the rate exactly across office-hour edges, nights and weekends', () => {
    // 08:00–10:00 Tuesday: 2 h of base, 1 h of peak.
    expect(integrate(pattern, at('2026-12-01T08:00:00Z'), at('2026-12-01T10:00:00Z'))).toBe(
      7200 + 36_000,
    );
    // Friday 17:00 to Monday 10:00: 65 h of base, 2 h of peak.
    expect(integrate(pattern, at('2026-12-04T17:00:00Z'), at('2026-12-07T10:00:00Z'))).toBe(
      65 * 3600 + 2 * 36_000,
    );
    expect(integrate(pattern, at('2026-12-01T10:00:00Z'), at('2026-12-01T10:00:00Z'))).toBe(0);
  });

  it('is additive, so a counter read at any two times increases by the integral between', () => {
    const [a, b, c] = [
      at('2026-11-30T03:17:00Z'),
      at('2026-12-01T11:42:13Z'),
      at('2026-12-02T19:00:00Z'),
    ];
    expect(integrate(pattern, a, b) + integrate(pattern, b, c)).toBeCloseTo(
      integrate(pattern, a, c),
      6,
    );
  });
});
