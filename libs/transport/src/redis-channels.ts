import { ClientRedis, ServerRedis } from '@nestjs/microservices';
import { rpcRedisOptions } from './redis-options';

/**
 * Redis pub/sub ignores the database number: every client of a Redis server hears every
 * channel. So each deployment's service messages travel on channels of its own,
 * `<prefix>:<pattern>` and `<prefix>:<pattern>.reply`, and message patterns stay as they are.
 */
export function requestChannel(prefix: string, pattern: string): string {
  return `${prefix}:${pattern}`;
}

export function replyChannel(prefix: string, pattern: string): string {
  return `${prefix}:${pattern}.reply`;
}

/** Nest's Redis client, on the deployment's channels. */
export class PrefixedClientRedis extends ClientRedis {
  constructor(
    private readonly prefix: string,
    redisUrl: string,
  ) {
    super(rpcRedisOptions(redisUrl));
  }

  override getRequestPattern(pattern: string): string {
    return requestChannel(this.prefix, pattern);
  }

  override getReplyPattern(pattern: string): string {
    return replyChannel(this.prefix, pattern);
  }
}

/**
 * Nest's Redis server, on the deployment's channels. A message arrives on `<prefix>:<pattern>`;
 * its handler, its context (what interceptors and metrics see) and its reply channel are
 * found from the bare pattern, as if there were no prefix.
 */
export class PrefixedServerRedis extends ServerRedis {
  constructor(
    private readonly prefix: string,
    redisUrl: string,
  ) {
    super(rpcRedisOptions(redisUrl));
  }

  override getRequestPattern(pattern: string): string {
    return requestChannel(this.prefix, pattern);
  }

  override getReplyPattern(pattern: string): string {
    return replyChannel(this.prefix, pattern);
  }

  override handleMessage(
    channel: string,
    buffer: string,
    pub: Parameters<ServerRedis['handleMessage']>[2],
    pattern: string,
  ): Promise<unknown> {
    return super.handleMessage(this.unprefixed(channel), buffer, pub, this.unprefixed(pattern));
  }

  private unprefixed(channel: string): string {
    const start = `${this.prefix}:`;
    return channel.startsWith(start) ? channel.slice(start.length) : channel;
  }
}
