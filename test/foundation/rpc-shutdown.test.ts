import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, MicroserviceOptions } from '@nestjs/microservices';
import { PrefixedClientRedis, PrefixedServerRedis } from '@tally/transport';
import { firstValueFrom, timeout } from 'rxjs';

/** A handler that holds its reply until the test lets it go. */
class Gate {
  entered!: () => void;
  readonly inside = new Promise<void>((resolve) => (this.entered = resolve));
  release!: () => void;
  readonly open = new Promise<void>((resolve) => (this.release = resolve));
}

const gate = new Gate();

@Controller()
class SlowController {
  @MessagePattern('test.slow')
  async slow(): Promise<string> {
    gate.entered();
    await gate.open;
    return 'answered';
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

/**
 * A service told to stop while it is answering a request still sends the reply: the message
 * server stops hearing requests, waits for the replies in flight, and only then quits. (Nest's
 * own Redis server quits its publishing connection first: the reply was lost, the caller timed
 * out, and the failed publish was an unhandled rejection that ended the process with exit 1.)
 */
describe('the message server, stopped mid-request', () => {
  const prefix = `test-${randomUUID()}`;
  const redisUrl = process.env.REDIS_URL!;
  const server = new PrefixedServerRedis(prefix, redisUrl);
  const client = new PrefixedClientRedis(prefix, redisUrl);
  let service: INestMicroservice;

  beforeAll(async () => {
    service = await NestFactory.createMicroservice<MicroserviceOptions>(SlowModule, {
      strategy: server,
      logger: false,
    });
    await service.listen();
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await service.close();
  });

  it('sends the reply it owes before it quits', async () => {
    const reply = firstValueFrom(client.send<string>('test.slow', {}).pipe(timeout(5000)));
    await gate.inside;

    const closed = server.close();
    gate.release();

    await expect(reply).resolves.toBe('answered');
    await expect(closed).resolves.toBeUndefined();
  });
});
