import { rateLimited } from '@tally/errors';
import { principalName, type Principal } from '@tally/transport';
import type { WindowCounter } from './redis-window-counter';

export interface RateLimitSettings {
  readonly perPrincipalPerMinute: number;
  readonly perIpPerMinute: number;
}

const WINDOW_MS = 60_000;
const KEY_PREFIX = 'tally:ratelimit';

/**
 * Requests per minute, per client IP (before authentication, so token guessing is limited
 * too) and per caller (an API key, a person, the admin key). Over the limit: RATE_LIMITED
 * with `retryAfterSeconds`.
 */
export class RateLimits {
  constructor(
    private readonly counter: WindowCounter,
    private readonly settings: RateLimitSettings,
  ) {}

  async admitIp(ip: string): Promise<void> {
    await this.admit(`${KEY_PREFIX}:ip:${ip}`, this.settings.perIpPerMinute, 'client IP');
  }

  async admitPrincipal(principal: Principal): Promise<void> {
    const key = `${KEY_PREFIX}:principal:${principalName(principal)}`;
    await this.admit(key, this.settings.perPrincipalPerMinute, principalLabel(principal));
  }

  private async admit(key: string, limit: number, scope: string): Promise<void> {
    const hit = await this.counter.hit(key, WINDOW_MS);
    if (hit === null || hit.count <= limit) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(hit.resetInMs / 1000));
    throw rateLimited(`More than ${limit} requests a minute from this ${scope}`, {
      retryAfterSeconds,
      limit,
    });
  }
}

function principalLabel(principal: Principal): string {
  return principal.kind === 'api_key' ? 'API key' : principal.kind === 'user' ? 'user' : 'key';
}
