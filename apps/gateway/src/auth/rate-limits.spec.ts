import { DomainError, ErrorCode } from '@tally/errors';
import type { Principal } from '@tally/transport';
import { RateLimits } from './rate-limits';
import type { WindowCount, WindowCounter } from './redis-window-counter';

class FakeCounter implements WindowCounter {
  readonly counts = new Map<string, number>();
  available = true;

  async hit(key: string): Promise<WindowCount | null> {
    if (!this.available) return null;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return { count, resetInMs: 12_345 };
  }
}

async function failureOf(promise: Promise<void>): Promise<DomainError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error : undefined),
  );
}

describe('RateLimits', () => {
  const apiKey: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1' };
  let counter: FakeCounter;
  let limits: RateLimits;

  beforeEach(() => {
    counter = new FakeCounter();
    limits = new RateLimits(counter, { perPrincipalPerMinute: 2, perIpPerMinute: 3 });
  });

  it('lets the limit through and refuses the next with RATE_LIMITED and retryAfterSeconds', async () => {
    await limits.admitPrincipal(apiKey);
    await limits.admitPrincipal(apiKey);
    const refused = await failureOf(limits.admitPrincipal(apiKey));
    expect(refused?.code).toBe(ErrorCode.RATE_LIMITED);
    expect(refused?.details).toEqual({ retryAfterSeconds: 13, limit: 2 });
  });

  it('counts callers and IPs separately', async () => {
    const user: Principal = { kind: 'user', userId: 'u1', platformRole: null };
    await limits.admitPrincipal(apiKey);
    await limits.admitPrincipal(apiKey);
    await limits.admitPrincipal(user);
    for (let i = 0; i < 3; i++) await limits.admitIp('10.0.0.1');
    expect((await failureOf(limits.admitIp('10.0.0.1')))?.code).toBe(ErrorCode.RATE_LIMITED);
    await limits.admitIp('10.0.0.2');
    expect([...counter.counts.keys()].sort()).toEqual([
      'tally:ratelimit:ip:10.0.0.1',
      'tally:ratelimit:ip:10.0.0.2',
      'tally:ratelimit:principal:api_key:k1',
      'tally:ratelimit:principal:user:u1',
    ]);
  });

  it('lets everything through when nothing can be counted (fail open)', async () => {
    counter.available = false;
    for (let i = 0; i < 10; i++) {
      await limits.admitPrincipal(apiKey);
      await limits.admitIp('10.0.0.1');
    }
  });
});
