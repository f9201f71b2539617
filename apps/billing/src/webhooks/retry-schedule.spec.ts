import { retryDelays } from './retry-schedule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('webhook retry schedule', () => {
  it('retries for close to three days with the defaults', () => {
    const delays = retryDelays({ baseMs: MINUTE, maxDelayMs: 6 * HOUR, windowMs: 72 * HOUR });
    const total = delays.reduce((a, b) => a + b, 0);
    expect(delays.slice(0, 3)).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE]);
    expect(delays).toHaveLength(19);
    expect(Math.max(...delays)).toBe(6 * HOUR);
    expect(total).toBe(68 * HOUR + 31 * MINUTE);
    expect(total + 6 * HOUR).toBeGreaterThan(72 * HOUR);
  });

  it('scales down for tests', () => {
    expect(retryDelays({ baseMs: 100, maxDelayMs: 400, windowMs: 1500 })).toEqual([
      100, 200, 400, 400, 400,
    ]);
  });
});
