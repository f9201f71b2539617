import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, MicroserviceOptions } from '@nestjs/microservices';
import { PrefixedClientRedis, PrefixedServerRedis, replyChannel } from '@tally/transport';
import Redis from 'ioredis';
import { firstValueFrom, timeout } from 'rxjs';
import { waitFor } from '../support/ports';

@Controller()
class EchoController {
  @MessagePattern('test.echo')
  echo(n: number): number {
    return n;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/**
 * A caller sending one request at a time subscribes to a pattern's reply channel once and keeps
 * it: Nest's client subscribed before, and unsubscribed after, every such request, a Redis
 * round trip in front of each one. Seen from Redis itself, through MONITOR.
 */
describe('the message client, one request at a time', () => {
  const prefix = `test-${randomUUID()}`;
  const redisUrl = process.env.REDIS_URL!;
  const server = new PrefixedServerRedis(prefix, redisUrl);
  const client = new PrefixedClientRedis(prefix, redisUrl);
  const channel = replyChannel(prefix, 'test.echo');
  const commands: string[] = [];
  const connection = new Redis(redisUrl);
  let monitor: Redis;
  let service: INestMicroservice;

  beforeAll(async () => {
    service = await NestFactory.createMicroservice<MicroserviceOptions>(EchoModule, {
      strategy: server,
      logger: false,
    });
    await service.listen();
    await client.connect();
    monitor = await connection.monitor();
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args[1] === channel) commands.push(args[0].toLowerCase());
    });
  });

  afterAll(async () => {
    monitor.disconnect();
    connection.disconnect();
    await client.close();
    await service.close();
  });

  it('subscribes to the reply channel once and stays subscribed', async () => {
    for (let n = 1; n <= 5; n++) {
      await expect(
        firstValueFrom(client.send<number>('test.echo', n).pipe(timeout(5000))),
      ).resolves.toBe(n);
    }
    // The fifth reply was published on the channel: MONITOR has seen everything before it.
    await waitFor('the fifth reply in MONITOR', async () =>
      commands.filter((command) => command === 'publish').length >= 5 ? true : undefined,
    );

    expect(commands.filter((command) => command === 'subscribe')).toHaveLength(1);
    expect(commands).not.toContain('unsubscribe');
  });
});
