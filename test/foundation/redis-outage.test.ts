import { AppCluster } from '../support/app-processes';
import { waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';

const RPC_TIMEOUT_MS = 1500;

describe('when Redis goes away and comes back', () => {
  let redis: RedisServer;
  let cluster: AppCluster;

  beforeAll(async () => {
    redis = await RedisServer.start();
    cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
      TALLY_RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
  });

  it('fails fast with a clean error, reports not ready, and recovers by itself', async () => {
    expect((await cluster.graphql('{ health { service } }')).body.errors).toBeUndefined();

    await redis.stop();

    const started = Date.now();
    const { status, body } = await cluster.graphql('{ health { service } }');
    expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS + 1000);
    expect(status).toBe(200);
    expect(body.errors![0].extensions).toMatchObject({ code: 'INTERNAL' });
    expect(body.errors![0].message).toMatch(
      /service (did not answer within 1500 ms|is unreachable)/,
    );

    for (const name of ['gateway', 'account'] as const) {
      const ready = await fetch(`${cluster.url(name)}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as {
        ready: boolean;
        checks: { name: string; ok: boolean }[];
      };
      expect(body.ready).toBe(false);
      expect(body.checks.find((c) => c.name === 'redis')?.ok).toBe(false);
      expect((await fetch(`${cluster.url(name)}/healthz`)).status).toBe(200);
    }

    await redis.restart();

    await waitFor(
      'health through the gateway after Redis restarted',
      async () => {
        const { body } = await cluster.graphql<{ health: unknown[] }>('{ health { service } }');
        return body.data?.health.length === 3 ? true : undefined;
      },
      20_000,
      250,
    );
    for (const name of ['gateway', 'account', 'billing', 'metering'] as const) {
      await cluster.waitReady(name, 10_000);
    }
  });
});
