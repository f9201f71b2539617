import { waitFor } from '../support/ports';
import { AppCluster } from '../support/app-processes';
import { RedisServer } from '../support/redis-server';

describe('the four apps, started as npm start runs them', () => {
  let redis: RedisServer;
  let cluster: AppCluster;

  beforeAll(async () => {
    redis = await RedisServer.start();
    cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'debug',
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
  });

  it('answers the health query from all three services through the gateway', async () => {
    const { status, body } = await cluster.graphql<{
      health: { service: string; status: string }[];
    }>('{ health { service status latencyMs } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.health.map((h) => [h.service, h.status])).toEqual([
      ['account', 'ok'],
      ['billing', 'ok'],
      ['metering', 'ok'],
    ]);
  });

  it('carries the request id from the HTTP request into the service that answered', async () => {
    const requestId = `test-${Date.now()}`;
    const { headers } = await cluster.graphql('{ health { service } }', undefined, {
      'x-request-id': requestId,
    });
    expect(headers.get('x-request-id')).toBe(requestId);
    const account = cluster.apps.get('account')!;
    // The account's log line travels through its stdout pipe: it may land just after the reply.
    const line = await waitFor(`account's log line for ${requestId}`, async () =>
      account
        .output()
        .split('\n')
        .find((l) => l.includes(requestId)),
    );
    expect(JSON.parse(line)).toMatchObject({
      app: 'account',
      requestId,
      pattern: 'account.health',
    });
  });

  it.each(['gateway', 'account', 'billing', 'metering'] as const)(
    '%s serves /healthz, /readyz and /metrics',
    async (name) => {
      const base = cluster.url(name);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      const { checks } = (await ready.json()) as { checks: { name: string; ok: boolean }[] };
      expect(checks.every((c) => c.ok)).toBe(true);
      expect(checks.map((c) => c.name)).toContain('redis');
      if (name !== 'gateway') expect(checks.map((c) => c.name)).toContain('postgres');
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('process_cpu_user_seconds_total');
      expect(metrics).toContain('# TYPE tally_rpc_calls_total counter');
    },
  );

  it('counts handled messages per service', async () => {
    await cluster.graphql('{ health { service } }');
    const metrics = await (await fetch(`${cluster.url('billing')}/metrics`)).text();
    expect(metrics).toMatch(
      /tally_rpc_calls_total\{side="server",pattern="billing.health",outcome="ok"\} [1-9]/,
    );
  });

  it('refuses a query nested too deep with QUERY_TOO_COMPLEX', async () => {
    const ofType = (depth: number): string =>
      depth === 0 ? 'name' : `ofType { ${ofType(depth - 1)} }`;
    const { body } = await cluster.graphql(
      `{ __schema { types { fields { type { ${ofType(20)} } } } } }`,
    );
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors![0].message).toMatch(/depth \d+ exceeds the limit of 15/);
  });

  it('refuses a query that costs too much with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from(
      { length: 1300 },
      (_, i) => `a${i}: health { service status latencyMs }`,
    );
    const { body } = await cluster.graphql(`{ ${fields.join(' ')} }`);
    expect(body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors![0].message).toMatch(/cost \d+ exceeds the limit of 5000/);
  });

  it('still answers the standard introspection query', async () => {
    const { body } = await cluster.graphql(
      '{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
  });

  it('answers a request body over the limit with 413 and a stable code', async () => {
    const response = await fetch(`${cluster.url('gateway')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { service } } # ${'x'.repeat(200_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    ['malformed JSON', '{"query": '],
    ['a body that is not GraphQL', '{"nope": true}'],
    ['a syntax error', JSON.stringify({ query: '{ health { ' })],
    ['an unknown field', JSON.stringify({ query: '{ wallets { id } }' })],
  ])('answers %s with a clean error, not a crash', async (_, body) => {
    const response = await fetch(`${cluster.url('gateway')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as {
      errors?: { extensions: { code: string } }[];
      error?: { code: string };
    };
    const code = json.errors?.[0].extensions.code ?? json.error?.code;
    expect(code).toBe('BAD_USER_INPUT');
    // And the gateway is still there.
    expect((await cluster.graphql('{ health { service } }')).status).toBe(200);
  });

  it('shuts every app down cleanly on SIGTERM', async () => {
    const codes = await cluster.stop();
    const unclean = [...codes]
      .filter(([, code]) => code !== 0)
      .map(([name, code]) => `${name} exited with ${code}:\n${cluster.output(name).slice(-3000)}`);
    expect(unclean).toEqual([]);
    expect(codes.size).toBe(4);
    // Neither start nor stop leaves work running against a pool that closed.
    const leftovers = /Cannot use a pool after calling end|Unable to start a transaction/;
    expect([...codes.keys()].filter((name) => leftovers.test(cluster.output(name)))).toEqual([]);
  });
});
