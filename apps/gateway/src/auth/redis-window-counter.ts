import { Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly count: number;
  /** Until the window ends and the count starts again from zero. */
  readonly resetInMs: number;
}

/** The counting part of rate limiting, so the policy can be tested without Redis. */
export interface WindowCounter {
  /** Counts one hit; null when the count could not be taken. */
  hit(key: string, windowMs: number): Promise<WindowCount | null>;
}

// Fixed window per key, started by the key's first hit: increment and read the expiry in one
// round trip. `ttl < 0` also repairs a key that somehow lost its expiry.
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

const WARN_EVERY_MS = 10_000;

/**
 * Counters in Redis, shared by every gateway replica. When Redis is down or slow the counter
 * answers null and the caller lets the request through (fail open): losing rate limiting for
 * a while is better than losing the API. A warning is logged, at most every 10 s.
 */
export class RedisWindowCounter implements WindowCounter, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(url: string, commandTimeoutMs = 500) {
    this.redis = new Redis(url, {
      // Fail at once while disconnected instead of queueing requests behind a dead server.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      connectionName: 'tally-rate-limits',
    });
    this.redis.on('error', (error: Error) => this.warn(error));
  }

  async hit(key: string, windowMs: number): Promise<WindowCount | null> {
    try {
      const reply = await this.redis.eval(HIT, 1, key, String(windowMs));
      if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
        throw new Error(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
      }
      return { count: reply[0], resetInMs: reply[1] };
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < WARN_EVERY_MS) return;
    this.lastWarnedAt = now;
    this.logger.warn({ err: error }, 'rate limiting is off while Redis does not answer');
  }
}
