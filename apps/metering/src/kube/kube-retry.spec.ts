import { isTransient, kubeStatus, withRetry, type RetryPolicy } from './kube-retry';

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });
const named = (name: string) => Object.assign(new Error(name), { name });
const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

describe('isTransient', () => {
  it.each([429, 500, 503, 504])('retries HTTP %i', (code) => {
    expect(isTransient(apiError(code))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422])('does not retry HTTP %i', (code) => {
    expect(isTransient(apiError(code))).toBe(false);
  });

  it('retries calls that got no answer: network errors and timeouts', () => {
    expect(isTransient(Object.assign(named('FetchError'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(named('AbortError'))).toBe(true);
  });

  it('does not retry programming errors', () => {
    expect(isTransient(new TypeError('x is undefined'))).toBe(false);
    expect(isTransient('boom')).toBe(false);
  });

  it('reads the status only from a numeric code', () => {
    expect(kubeStatus(apiError(404))).toBe(404);
    expect(kubeStatus(Object.assign(new Error(), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('retries transient failures with growing, capped delays, then succeeds', async () => {
    const delays: number[] = [];
    const call = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(apiError(503))
      .mockRejectedValueOnce(named('AbortError'))
      .mockRejectedValueOnce(apiError(429))
      .mockResolvedValue('ok');
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.999);

    await expect(withRetry(call, policy, async (ms) => void delays.push(ms))).resolves.toBe('ok');

    random.mockRestore();
    expect(call).toHaveBeenCalledTimes(4);
    expect(delays.map(Math.round)).toEqual([100, 200, 250]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const call = jest.fn<Promise<never>, []>().mockRejectedValue(apiError(500));
    await expect(withRetry(call, policy, async () => undefined)).rejects.toMatchObject({
      code: 500,
    });
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('never retries an answer the caller must handle (403, 404, 409)', async () => {
    for (const code of [403, 404, 409]) {
      const call = jest.fn<Promise<never>, []>().mockRejectedValue(apiError(code));
      await expect(withRetry(call, policy, async () => undefined)).rejects.toMatchObject({ code });
      expect(call).toHaveBeenCalledTimes(1);
    }
  });
});
