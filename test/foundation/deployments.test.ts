import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AppCluster, exitOf, spawnApp } from '../support/app-processes';
import { freePort, waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }`;

/** The documented default of TALLY_TRANSPORT_PREFIX: the database name of DATABASE_URL. */
const prefixOf = (databaseUrl: string) => new URL(databaseUrl).pathname.slice(1);

interface Stack {
  readonly env: Record<string, string>;
  readonly adminKey: string;
  readonly cluster: AppCluster;
}

/**
 * Two deployments on one Redis server, each with its own Postgres database and Redis
 * database: Redis pub/sub ignores the database number, so only the channel prefix keeps their
 * service messages apart, and a deployment whose prefix or Redis database is already taken by
 * another one must not start at all.
 */
describe('deployments sharing one Redis server', () => {
  let redis: RedisServer;
  let spy: Redis;
  const heard: { channel: string; message: string }[] = [];
  let otherDatabase: TestDatabase;
  let first: Stack;
  let second: Stack;

  async function startStack(databaseUrl: string, redisDb: number): Promise<Stack> {
    const adminKey = `tly_admin_${randomUUID().replace(/-/g, '')}`;
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: `${redis.url}/${redisDb}`,
      TALLY_ADMIN_API_KEY: adminKey,
    };
    return {
      env,
      adminKey,
      cluster: await AppCluster.start(['gateway', 'account', 'billing'], env),
    };
  }

  /** An account process of its own; resolves once it is ready (started) or has exited. */
  async function launchAccount(env: Record<string, string>) {
    const port = await freePort();
    const child = spawnApp('account', { ...env, TALLY_ACCOUNT_PORT: String(port) });
    const exit = exitOf(child);
    const started = await waitFor(
      'the account process to be ready or to exit',
      async () => {
        if (child.exitCode !== null) return false;
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      45_000,
    );
    return { started, child, exit };
  }

  /** A tenant created through the stack's gateway, named so its messages can be recognised. */
  async function createTenant(stack: Stack, name: string): Promise<void> {
    const { body } = await stack.cluster.graphql(
      CREATE_TENANT,
      { input: { name, currency: 'USD', ownerExternalId: `owner-${randomUUID()}` } },
      { authorization: `Bearer ${stack.adminKey}` },
    );
    expect(body.errors).toBeUndefined();
  }

  beforeAll(async () => {
    redis = await RedisServer.start();
    spy = new Redis(redis.url);
    // A client of its own on the server, as in the incident: it hears every channel.
    await spy.psubscribe('*');
    spy.on('pmessage', (_pattern, channel, message) => heard.push({ channel, message }));
    otherDatabase = await createScratchDatabase({ migrated: true });
    first = await startStack(process.env.DATABASE_URL!, 1);
    second = await startStack(otherDatabase.url, 2);
  }, 120_000);

  afterAll(async () => {
    await first?.cluster.stop();
    await second?.cluster.stop();
    spy?.disconnect();
    await redis?.stop();
    await otherDatabase?.drop();
  });

  it("keeps each deployment's requests and replies on channels of its own prefix", async () => {
    const firstPrefix = prefixOf(first.env.DATABASE_URL);
    const secondPrefix = prefixOf(second.env.DATABASE_URL);
    expect(firstPrefix).not.toBe(secondPrefix);
    const firstMarker = `first-${randomUUID()}`;
    const secondMarker = `second-${randomUUID()}`;
    await createTenant(first, firstMarker);
    await createTenant(second, secondMarker);

    const carrying = (marker: string) =>
      heard.filter((m) => m.message.includes(marker)).map((m) => m.channel);
    // Both requests and their replies went through this Redis server...
    expect(new Set(carrying(firstMarker))).toEqual(
      new Set([
        `${firstPrefix}:account.tenants.create`,
        `${firstPrefix}:account.tenants.create.reply`,
      ]),
    );
    expect(new Set(carrying(secondMarker))).toEqual(
      new Set([
        `${secondPrefix}:account.tenants.create`,
        `${secondPrefix}:account.tenants.create.reply`,
      ]),
    );
    // ...and nothing at all travelled on a channel without a deployment's prefix, where a
    // stand-in on any database could listen and answer.
    const unprefixed = heard.filter(
      (m) => !m.channel.startsWith(`${firstPrefix}:`) && !m.channel.startsWith(`${secondPrefix}:`),
    );
    expect(unprefixed).toEqual([]);
  });

  it('refuses to start a service of another deployment configured with the same prefix', async () => {
    const sameEnough = await createScratchDatabase({ migrated: true });
    const firstPrefix = prefixOf(first.env.DATABASE_URL);
    try {
      const account = await launchAccount({
        DATABASE_URL: sameEnough.url,
        REDIS_URL: `${redis.url}/3`,
        TALLY_TRANSPORT_PREFIX: firstPrefix,
      });
      if (account.started) account.child.kill('SIGKILL'); // it must not have: fail, not hang
      const { code, output } = await account.exit;
      expect(account.started).toBe(false);
      expect(code).toBe(1);
      expect(output).toContain(
        `[account] Refusing to start: Another Tally deployment (database "${firstPrefix}"`,
      );
      expect(output).toContain(
        `already answers the account service's messages on the Redis channels "${firstPrefix}:account.*"`,
      );
      expect(output).toContain('TALLY_TRANSPORT_PREFIX');
      // Refused, it left the Redis database it had claimed on the way free again.
      const db3 = new Redis(`${redis.url}/3`);
      expect(await db3.get('tally:deployment')).toBeNull();
      db3.disconnect();
      // The deployment already there heard about it.
      await waitFor('the warning of the running deployment', async () =>
        first.cluster.output('account').includes('a account process of another Tally deployment')
          ? true
          : undefined,
      );
    } finally {
      await sameEnough.drop();
    }
  });

  it('refuses to start a service of another deployment on the same Redis database', async () => {
    const account = await launchAccount({
      DATABASE_URL: otherDatabase.url,
      REDIS_URL: first.env.REDIS_URL,
      TALLY_TRANSPORT_PREFIX: `elsewhere-${randomUUID().slice(0, 8)}`,
    });
    if (account.started) account.child.kill('SIGKILL'); // it must not have: fail, not hang
    const { code, output } = await account.exit;
    expect(account.started).toBe(false);
    expect(code).toBe(1);
    expect(output).toContain(
      `[account] Refusing to start: Redis database 1 on 127.0.0.1:${redis.port} is in use by another Tally deployment`,
    );
  });

  it('starts a replica of the same deployment beside the running one', async () => {
    const replica = await launchAccount(first.env);
    try {
      expect(replica.started).toBe(true);
      // The deployment still answers (every replica hears every request on Redis pub/sub).
      const { body } = await first.cluster.graphql(
        `query ($id: ID!) { tenant(id: $id) { id } }`,
        { id: randomUUID() },
        { authorization: `Bearer ${first.adminKey}` },
      );
      expect(body).toEqual({ data: { tenant: null } });
    } finally {
      replica.child.kill('SIGTERM');
      expect((await replica.exit).code).toBe(0);
    }
  });
});
