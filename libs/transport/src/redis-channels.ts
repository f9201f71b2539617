import { Logger } from '@nestjs/common';
import { ClientRedis, ServerRedis, type WritePacket } from '@nestjs/microservices';
import type Redis from 'ioredis';
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

/**
 * Nest's Redis client, on the deployment's channels, that stays subscribed to a pattern's
 * reply channel once it has sent that pattern a request. Nest's subscribes before a request
 * when none of the pattern is in flight and unsubscribes after its reply, so one caller
 * sending one request at a time waited for a SUBSCRIBE round trip on every request. The
 * channels kept are one per pattern the process calls, a few dozen; ioredis subscribes them
 * again after a reconnect.
 */
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

  /** Counts the request done but keeps the channel: its count never drops below one. */
  protected override unsubscribeFromChannel(channel: string): void {
    const inFlightAndKept = this.subscriptionsCount.get(channel) ?? 1;
    this.subscriptionsCount.set(channel, Math.max(1, inFlightAndKept - 1));
  }
}

type Publisher = (reply: WritePacket) => Promise<unknown>;

/**
 * Nest's Redis server, on the deployment's channels. A message arrives on `<prefix>:<pattern>`;
 * its handler, its context (what interceptors and metrics see) and its reply channel are
 * found from the bare pattern, as if there were no prefix.
 *
 * It also closes in order, which Nest's does not (it quits the publishing connection first,
 * while requests still arrive): stop hearing requests, let the replies in flight go out, then
 * quit. A reply that still cannot be sent is logged, never an unhandled rejection that would
 * end the process with exit code 1; its caller times out and may retry.
 */
export class PrefixedServerRedis extends ServerRedis {
  private readonly log = new Logger('Rpc');
  private repliesInFlight = 0;
  private allReplied: (() => void) | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly prefix: string,
    redisUrl: string,
  ) {
    super(rpcRedisOptions(redisUrl));
  }

  override close(): Promise<void> {
    this.closing ??= this.closeInOrder();
    return this.closing;
  }

  override getPublisher(...args: Parameters<ServerRedis['getPublisher']>): Publisher {
    const publish = super.getPublisher(...args);
    this.repliesInFlight += 1;
    let replied = false;
    return (reply) => {
      const sent = Promise.resolve(publish(reply) as unknown).catch((error: unknown) =>
        this.log.warn(
          { err: error, pattern: String(args[1]) },
          'reply not sent: the caller will time out',
        ),
      );
      if (!replied && (reply.isDisposed === true || reply.err !== undefined)) {
        replied = true;
        void sent.finally(() => this.replyDone());
      }
      return sent;
    };
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

  private async closeInOrder(): Promise<void> {
    this.isManuallyClosed = true;
    // Nest types its Redis connections as `any`.
    await (this.subClient as Redis | undefined)?.quit();
    if (this.repliesInFlight > 0) {
      await new Promise<void>((resolve) => (this.allReplied = resolve));
    }
    await (this.pubClient as Redis | undefined)?.quit();
    this.pendingEventListeners = [];
  }

  private replyDone(): void {
    this.repliesInFlight -= 1;
    if (this.repliesInFlight === 0) this.allReplied?.();
  }

  private unprefixed(channel: string): string {
    const start = `${this.prefix}:`;
    return channel.startsWith(start) ? channel.slice(start.length) : channel;
  }
}
