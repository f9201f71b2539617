import Redis from 'ioredis';
import { ReadinessCheck } from './health';

/**
 * Pings Redis on a connection of its own that never queues commands while disconnected, so
 * /readyz turns false at once when Redis goes away and true again when ioredis reconnects.
 */
export class RedisReadinessCheck implements ReadinessCheck {
  readonly name = 'redis';
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      connectionName: 'tally-readiness',
    });
    // Connection errors are reported through /readyz; without a listener ioredis logs each one.
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<void> {
    await this.redis.ping();
  }

  close(): void {
    this.redis.disconnect();
  }
}
