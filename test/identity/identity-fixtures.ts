import { createHmac, createSign, type KeyObject, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppCluster, GraphQLErrorBody } from '../support/app-processes';

export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';
export type PlatformRole = 'FINANCE' | 'PLATFORM_ADMIN';

export interface TestUser {
  readonly id: string;
  readonly externalId: string;
}

/**
 * Rows for the identity suites, written with plain SQL (createTenant belongs to another
 * module). Every name is random, so suites can share the run's database.
 */
export class IdentityFixtures {
  private constructor(private readonly db: Client) {}

  static async connect(databaseUrl = process.env.DATABASE_URL): Promise<IdentityFixtures> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    return new IdentityFixtures(db);
  }

  async close(): Promise<void> {
    await this.db.end();
  }

  async newTenant(): Promise<string> {
    const id = randomUUID();
    await this.db.query(`INSERT INTO account.tenants (id, name, currency) VALUES ($1, $2, 'USD')`, [
      id,
      `tenant-${id.slice(0, 8)}`,
    ]);
    return id;
  }

  async newUser(platformRole: PlatformRole | null = null): Promise<TestUser> {
    const user = { id: randomUUID(), externalId: `ext-${randomUUID()}` };
    await this.db.query(
      `INSERT INTO account.users (id, external_id, email, platform_role)
       VALUES ($1, $2, $3, $4::account."PlatformRole")`,
      [user.id, user.externalId, `${user.externalId}@example.test`, platformRole],
    );
    return user;
  }

  async addMember(tenantId: string, userId: string, role: MemberRole): Promise<void> {
    await this.db.query(
      `INSERT INTO account.memberships (tenant_id, user_id, role)
       VALUES ($1, $2, $3::account."MemberRole")`,
      [tenantId, userId, role],
    );
  }

  /** A user holding `role` in the tenant. */
  async newMember(tenantId: string, role: MemberRole): Promise<TestUser> {
    const user = await this.newUser();
    await this.addMember(tenantId, user.id, role);
    return user;
  }

  /**
   * A workspace row the API would refuse today (a reserved namespace, say): what a database
   * from before a rule existed may still hold.
   */
  async legacyWorkspace(namespace: string, walletId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO account.workspaces (id, namespace, tenant_id, sub_account_id, wallet_id)
       SELECT gen_random_uuid(), $1, w.tenant_id, w.sub_account_id, w.id
         FROM account.wallets w WHERE w.id = $2`,
      [namespace, walletId],
    );
  }

  async roleOf(tenantId: string, externalId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ role: string }>(
      `SELECT m.role FROM account.memberships m JOIN account.users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND u.external_id = $2`,
      [tenantId, externalId],
    );
    return rows[0]?.role ?? null;
  }

  async apiKeyRow(
    id: string,
  ): Promise<{ secret_hash: string; prefix: string; last_used_at: Date | null } | undefined> {
    const { rows } = await this.db.query<{
      secret_hash: string;
      prefix: string;
      last_used_at: Date | null;
    }>(`SELECT secret_hash, prefix, last_used_at FROM account.api_keys WHERE id = $1`, [id]);
    return rows[0];
  }
}

type JwtKey =
  | { readonly alg: 'HS256'; readonly secret: string }
  | { readonly alg: 'RS256' | 'ES256'; readonly privateKey: KeyObject; readonly kid?: string };

/** A compact JWS, signed the way an identity provider would. */
export function signJwt(claims: Record<string, unknown>, key: JwtKey): string {
  const header = { alg: key.alg, typ: 'JWT', ...('kid' in key && key.kid ? { kid: key.kid } : {}) };
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  let signature: Buffer;
  if (key.alg === 'HS256') {
    signature = createHmac('sha256', key.secret).update(input).digest();
  } else {
    const signer = createSign('sha256').update(input);
    signature =
      key.alg === 'ES256'
        ? signer.sign({ key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : signer.sign(key.privateKey);
  }
  return `${input}.${signature.toString('base64url')}`;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64url');
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface GraphQLReply<T> {
  readonly data?: T | null;
  readonly errors?: GraphQLErrorBody[];
}

/** A GraphQL call with `Authorization: Bearer <token>` when a token is given. */
export async function gql<T = Record<string, unknown>>(
  cluster: AppCluster,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLReply<T>> {
  const headers: Record<string, string> =
    token === undefined ? {} : { authorization: `Bearer ${token}` };
  const { body } = await cluster.graphql<T>(query, variables, headers);
  return body;
}

/** The code of the first error, or 'OK' when there is none. */
export function outcome(reply: GraphQLReply<unknown>): string {
  return reply.errors?.[0]?.extensions?.code ?? 'OK';
}
