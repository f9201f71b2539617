import { randomUUID } from 'node:crypto';
import { AppCluster } from '../support/app-processes';
import { waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';
import {
  gql,
  IdentityFixtures,
  type MemberRole,
  nowSeconds,
  outcome,
  signJwt,
  type TestUser,
} from './identity-fixtures';

const JWT_SECRET = 'test-jwt-secret-0123456789abcdef';
const ADMIN_KEY = `tly_admin_${randomUUID().replace(/-/g, '')}`;

const ME = '{ me { id externalId email memberships { role } } }';
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
const CREATE_KEY = `mutation ($tenantId: ID!, $name: String!) {
  createApiKey(tenantId: $tenantId, name: $name) {
    secret apiKey { id name prefix createdAt revokedAt }
  }
}`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

interface CreatedKey {
  createApiKey: {
    secret: string;
    apiKey: {
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      revokedAt: string | null;
    };
  };
}

describe('identity and auth through the gateway', () => {
  let redis: RedisServer;
  let cluster: AppCluster;
  let fixtures: IdentityFixtures;

  const tokenOf = (user: Pick<TestUser, 'externalId'>, claims: Record<string, unknown> = {}) =>
    signJwt(
      { sub: user.externalId, exp: nowSeconds() + 300, ...claims },
      { alg: 'HS256', secret: JWT_SECRET },
    );

  async function createKey(token: string, tenantId: string, name = 'ci') {
    return gql<CreatedKey>(cluster, token, CREATE_KEY, { tenantId, name });
  }

  async function ownedKey(): Promise<{ tenantId: string; secret: string; id: string }> {
    const tenantId = await fixtures.newTenant();
    const owner = await fixtures.newMember(tenantId, 'OWNER');
    const reply = await createKey(tokenOf(owner), tenantId);
    expect(reply.errors).toBeUndefined();
    const { secret, apiKey } = reply.data!.createApiKey;
    return { tenantId, secret, id: apiKey.id };
  }

  beforeAll(async () => {
    redis = await RedisServer.start();
    fixtures = await IdentityFixtures.connect();
    // billing and metering too: the public health query round-trips through all of them.
    cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
      TALLY_JWT_SECRET: JWT_SECRET,
      TALLY_ADMIN_API_KEY: ADMIN_KEY,
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await redis?.stop();
    await fixtures?.close();
  });

  describe('authentication', () => {
    it('refuses an operation without a token with UNAUTHENTICATED', async () => {
      const reply = await gql(cluster, undefined, ME);
      expect(outcome(reply)).toBe('UNAUTHENTICATED');
      expect(reply.data ?? null).toBeNull();
    });

    it('still answers the public health query without a token', async () => {
      const reply = await gql<{ health: unknown[] }>(cluster, undefined, '{ health { service } }');
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.health.length).toBeGreaterThan(0);
    });

    it.each([
      [
        'a bad signature',
        () =>
          signJwt(
            { sub: 'x', exp: nowSeconds() + 60 },
            { alg: 'HS256', secret: 'another-secret-0123456789abcdef' },
          ),
      ],
      [
        'an expired JWT',
        () => signJwt({ sub: 'x', exp: nowSeconds() - 600 }, { alg: 'HS256', secret: JWT_SECRET }),
      ],
      [
        'a JWT not valid yet',
        () => signJwt({ sub: 'x', nbf: nowSeconds() + 600 }, { alg: 'HS256', secret: JWT_SECRET }),
      ],
      [
        'a JWT without sub',
        () => signJwt({ exp: nowSeconds() + 60 }, { alg: 'HS256', secret: JWT_SECRET }),
      ],
      [
        'an unsigned JWT (alg none)',
        () =>
          `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`,
      ],
      ['garbage', () => 'not-a-token'],
      ['an unknown API key', () => `tly_${'A'.repeat(43)}`],
    ])('refuses %s with UNAUTHENTICATED', async (_, token) => {
      expect(outcome(await gql(cluster, token(), ME))).toBe('UNAUTHENTICATED');
    });

    it('reads the token from the Authorization header only', async () => {
      const user = await fixtures.newUser();
      const response = await fetch(
        `${cluster.url('gateway')}/graphql?access_token=${tokenOf(user)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: ME }),
        },
      );
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it("creates the user on first sight of a JWT's sub and answers me", async () => {
      const externalId = `new-${randomUUID()}`;
      const first = await gql<{
        me: { id: string; externalId: string; email: string | null; memberships: unknown[] };
      }>(cluster, tokenOf({ externalId }, { email: 'first@example.test' }), ME);
      expect(first.errors).toBeUndefined();
      expect(first.data!.me).toMatchObject({
        externalId,
        email: 'first@example.test',
        memberships: [],
      });
      // The same person again: the same user, with the e-mail the identity provider now has.
      const again = await gql<{ me: { id: string; email: string } }>(
        cluster,
        tokenOf({ externalId }, { email: 'second@example.test' }),
        ME,
      );
      expect(again.data!.me).toMatchObject({ id: first.data!.me.id, email: 'second@example.test' });
    });

    it("lists a person's memberships under me", async () => {
      const [a, b] = [await fixtures.newTenant(), await fixtures.newTenant()];
      const user = await fixtures.newMember(a, 'ADMIN');
      await fixtures.addMember(b, user.id, 'MEMBER');
      const reply = await gql<{ me: { id: string; memberships: { role: string }[] } }>(
        cluster,
        tokenOf(user),
        ME,
      );
      expect(reply.data!.me.id).toBe(user.id);
      expect(reply.data!.me.memberships.map((m) => m.role).sort()).toEqual(['ADMIN', 'MEMBER']);
    });

    it('accepts TALLY_ADMIN_API_KEY as the platform admin', async () => {
      const tenantId = await fixtures.newTenant();
      const reply = await gql<CreatedKey>(cluster, ADMIN_KEY, CREATE_KEY, {
        tenantId,
        name: 'bootstrap',
      });
      expect(reply.errors).toBeUndefined();
      // It is a key, not a person: it has no profile.
      expect(outcome(await gql(cluster, ADMIN_KEY, ME))).toBe('FORBIDDEN');
      // One character off is just an unknown key.
      expect(outcome(await gql(cluster, `${ADMIN_KEY.slice(0, -1)}x`, ME))).toBe('UNAUTHENTICATED');
    });
  });

  describe('API keys', () => {
    it('shows a new key once, stores only its hash, and the key authenticates', async () => {
      const tenantId = await fixtures.newTenant();
      const owner = await fixtures.newMember(tenantId, 'OWNER');
      const reply = await createKey(tokenOf(owner), tenantId, 'deploy bot');
      expect(reply.errors).toBeUndefined();
      const { secret, apiKey } = reply.data!.createApiKey;
      expect(secret).toMatch(/^tly_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toMatchObject({
        name: 'deploy bot',
        prefix: secret.slice(0, 12),
        revokedAt: null,
      });
      const row = await fixtures.apiKeyRow(apiKey.id);
      expect(row?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(secret);

      // The key acts as an ADMIN of its tenant.
      const added = await gql(cluster, secret, ADD_MEMBER, {
        input: { tenantId, externalId: `by-key-${randomUUID()}`, role: 'MEMBER' },
      });
      expect(outcome(added)).toBe('OK');
      // And its use is recorded (asynchronously, at most once a minute).
      await waitFor('last_used_at', async () =>
        (await fixtures.apiKeyRow(apiKey.id))?.last_used_at ? true : undefined,
      );
    });

    it('refuses a revoked key from the next request on; revoking again changes nothing', async () => {
      const key = await ownedKey();
      const input = () => ({
        input: { tenantId: key.tenantId, externalId: `x-${randomUUID()}`, role: 'MEMBER' },
      });
      expect(outcome(await gql(cluster, key.secret, ADD_MEMBER, input()))).toBe('OK');

      const revoked = await gql<{ revokeApiKey: { id: string; revokedAt: string } }>(
        cluster,
        ADMIN_KEY,
        REVOKE_KEY,
        { id: key.id },
      );
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
      expect(outcome(await gql(cluster, key.secret, ADD_MEMBER, input()))).toBe('UNAUTHENTICATED');

      const again = await gql<{ revokeApiKey: { revokedAt: string } }>(
        cluster,
        ADMIN_KEY,
        REVOKE_KEY,
        {
          id: key.id,
        },
      );
      expect(again.data!.revokeApiKey.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
    });

    it('lets an OWNER revoke a key of the tenant', async () => {
      const key = await ownedKey();
      const owner = await fixtures.newMember(key.tenantId, 'OWNER');
      expect(outcome(await gql(cluster, tokenOf(owner), REVOKE_KEY, { id: key.id }))).toBe('OK');
    });

    it('forbids API keys to create or revoke keys', async () => {
      const key = await ownedKey();
      expect(outcome(await createKey(key.secret, key.tenantId))).toBe('FORBIDDEN');
      expect(outcome(await gql(cluster, key.secret, REVOKE_KEY, { id: key.id }))).toBe('FORBIDDEN');
    });

    it.each<[string, MemberRole | 'OUTSIDER' | 'FINANCE', string]>([
      ['an ADMIN', 'ADMIN', 'OK'],
      ['a MEMBER', 'MEMBER', 'FORBIDDEN'],
      ['finance staff', 'FINANCE', 'FORBIDDEN'],
      ["another tenant's user", 'OUTSIDER', 'NOT_FOUND'],
    ])('answers createApiKey and revokeApiKey by %s (%s) with %s', async (_, who, expected) => {
      const key = await ownedKey();
      const caller =
        who === 'FINANCE'
          ? await fixtures.newUser('FINANCE')
          : who === 'OUTSIDER'
            ? await fixtures.newMember(await fixtures.newTenant(), 'OWNER')
            : await fixtures.newMember(key.tenantId, who);
      expect(outcome(await createKey(tokenOf(caller), key.tenantId))).toBe(expected);
      expect(outcome(await gql(cluster, tokenOf(caller), REVOKE_KEY, { id: key.id }))).toBe(
        expected,
      );
    });

    it('answers NOT_FOUND for a key or tenant that does not exist', async () => {
      expect(outcome(await gql(cluster, ADMIN_KEY, REVOKE_KEY, { id: randomUUID() }))).toBe(
        'NOT_FOUND',
      );
      expect(outcome(await gql(cluster, ADMIN_KEY, REVOKE_KEY, { id: 'nope' }))).toBe('NOT_FOUND');
      expect(outcome(await createKey(ADMIN_KEY, randomUUID()))).toBe('NOT_FOUND');
      expect(outcome(await createKey(ADMIN_KEY, 'not-a-uuid'))).toBe('NOT_FOUND');
    });

    it('refuses an empty key name with BAD_USER_INPUT', async () => {
      const tenantId = await fixtures.newTenant();
      expect(outcome(await createKey(ADMIN_KEY, tenantId, '   '))).toBe('BAD_USER_INPUT');
    });
  });

  describe('addMember, cell by cell', () => {
    type Caller = MemberRole | 'API_KEY' | 'PLATFORM_ADMIN' | 'FINANCE' | 'ADMIN_KEY' | 'OUTSIDER';

    async function tokenFor(caller: Caller, tenantId: string): Promise<string> {
      switch (caller) {
        case 'API_KEY': {
          const owner = await fixtures.newMember(tenantId, 'OWNER');
          return (await createKey(tokenOf(owner), tenantId)).data!.createApiKey.secret;
        }
        case 'ADMIN_KEY':
          return ADMIN_KEY;
        case 'PLATFORM_ADMIN':
        case 'FINANCE':
          return tokenOf(await fixtures.newUser(caller));
        case 'OUTSIDER':
          return tokenOf(await fixtures.newMember(await fixtures.newTenant(), 'OWNER'));
        case 'OWNER':
        case 'ADMIN':
        case 'MEMBER':
          return tokenOf(await fixtures.newMember(tenantId, caller));
      }
    }

    it.each<[Caller, MemberRole, string]>([
      ['OWNER', 'OWNER', 'OK'],
      ['OWNER', 'MEMBER', 'OK'],
      ['ADMIN', 'ADMIN', 'OK'],
      ['ADMIN', 'MEMBER', 'OK'],
      ['ADMIN', 'OWNER', 'FORBIDDEN'],
      ['MEMBER', 'MEMBER', 'FORBIDDEN'],
      ['API_KEY', 'MEMBER', 'OK'],
      ['API_KEY', 'OWNER', 'FORBIDDEN'],
      ['PLATFORM_ADMIN', 'OWNER', 'OK'],
      ['ADMIN_KEY', 'OWNER', 'OK'],
      ['FINANCE', 'MEMBER', 'FORBIDDEN'],
      ['OUTSIDER', 'MEMBER', 'NOT_FOUND'],
    ])('%s granting %s → %s', async (caller, role, expected) => {
      const tenantId = await fixtures.newTenant();
      const externalId = `added-${randomUUID()}`;
      const reply = await gql<{ addMember: { role: string } }>(
        cluster,
        await tokenFor(caller, tenantId),
        ADD_MEMBER,
        { input: { tenantId, externalId, email: `${externalId}@example.test`, role } },
      );
      expect(outcome(reply)).toBe(expected);
      if (expected === 'OK') expect(reply.data!.addMember.role).toBe(role);
      expect(await fixtures.roleOf(tenantId, externalId)).toBe(expected === 'OK' ? role : null);
    });

    it('answers CONFLICT for someone who is already a member', async () => {
      const tenantId = await fixtures.newTenant();
      const owner = await fixtures.newMember(tenantId, 'OWNER');
      const member = await fixtures.newMember(tenantId, 'MEMBER');
      const reply = await gql(cluster, tokenOf(owner), ADD_MEMBER, {
        input: { tenantId, externalId: member.externalId, role: 'ADMIN' },
      });
      expect(outcome(reply)).toBe('CONFLICT');
      expect(await fixtures.roleOf(tenantId, member.externalId)).toBe('MEMBER');
    });

    it('adds a person before their first sign-in; they then see the tenant under me', async () => {
      const tenantId = await fixtures.newTenant();
      const owner = await fixtures.newMember(tenantId, 'OWNER');
      const externalId = `future-${randomUUID()}`;
      const added = await gql(cluster, tokenOf(owner), ADD_MEMBER, {
        input: { tenantId, externalId, role: 'ADMIN' },
      });
      expect(outcome(added)).toBe('OK');
      const me = await gql<{ me: { memberships: { role: string }[] } }>(
        cluster,
        tokenOf({ externalId }),
        ME,
      );
      expect(me.data!.me.memberships).toEqual([{ role: 'ADMIN' }]);
    });

    it('answers NOT_FOUND for a tenant that does not exist, whoever asks', async () => {
      const input = { tenantId: randomUUID(), externalId: `x-${randomUUID()}`, role: 'MEMBER' };
      const owner = await fixtures.newMember(await fixtures.newTenant(), 'OWNER');
      expect(outcome(await gql(cluster, ADMIN_KEY, ADD_MEMBER, { input }))).toBe('NOT_FOUND');
      expect(outcome(await gql(cluster, tokenOf(owner), ADD_MEMBER, { input }))).toBe('NOT_FOUND');
    });
  });
});
