import { EVENT_TYPES, lastAttemptOf } from './event-types';

describe('webhook words', () => {
  it('names every event type the API takes, once', () => {
    const values = EVENT_TYPES.map((t) => t.value);
    expect(new Set(values).size).toBe(8);
    expect(values).toContain('invoice.issued');
  });

  it("says what a delivery's last attempt got", () => {
    expect(lastAttemptOf([])).toBe('Not tried yet');
    expect(
      lastAttemptOf([
        { statusCode: null, error: 'timeout' },
        { statusCode: 200, error: null },
      ]),
    ).toBe('HTTP 200');
    expect(lastAttemptOf([{ statusCode: null, error: 'ECONNREFUSED' }])).toBe('ECONNREFUSED');
  });
});
