import { randomUUID } from 'node:crypto';
import {
  gql,
  GraphQLReply,
  IdentityFixtures,
  nowSeconds,
  signJwt,
} from '../identity/identity-fixtures';
import { AppCluster, AppName } from './app-processes';
import { RedisServer } from './redis-server';

/**
 * The apps behind the gateway as real processes, with a Redis of their own, a JWT secret
 * and an admin key of the suite's, and SQL fixtures for users and memberships.
 */
export class GatewaySuite {
  readonly adminKey = `tly_admin_${randomUUID().replace(/-/g, '')}`;
  private readonly jwtSecret = `test-jwt-secret-${randomUUID()}`;
  private redis?: RedisServer;
  private started?: AppCluster;
  private db?: IdentityFixtures;

  /** `extraEnv` is added to every app's environment (e.g. STRIPE_API_URL of a stand-in). */
  async start(
    // Billing too: createTenant asks it for a price book in the tenant's currency.
    apps: readonly AppName[] = ['gateway', 'account', 'billing'],
    extraEnv: Readonly<Record<string, string>> = {},
  ): Promise<void> {
    this.redis = await RedisServer.start();
    this.started = await AppCluster.start(apps, {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: this.redis.url,
      TALLY_JWT_SECRET: this.jwtSecret,
      TALLY_ADMIN_API_KEY: this.adminKey,
      // Production's 5 s deadline is for a service that is gone; on a two-core machine running
      // a kube-apiserver and four apps that have just started, a live one can take longer.
      TALLY_RPC_TIMEOUT_MS: '15000',
      ...extraEnv,
    });
    // The apps' database: a suite may run them on one of its own.
    this.db = await IdentityFixtures.connect(extraEnv.DATABASE_URL ?? process.env.DATABASE_URL);
  }

  async stop(): Promise<void> {
    await this.db?.close();
    await this.started?.stop();
    await this.redis?.stop();
  }

  get cluster(): AppCluster {
    if (!this.started) throw new Error('GatewaySuite.start() first');
    return this.started;
  }

  /** The Redis the apps exchange their messages over, for tests that speak to a service. */
  get redisUrl(): string {
    if (!this.redis) throw new Error('GatewaySuite.start() first');
    return this.redis.url;
  }

  get fixtures(): IdentityFixtures {
    if (!this.db) throw new Error('GatewaySuite.start() first');
    return this.db;
  }

  /** A JWT for the user with this external id, valid for ten minutes. */
  jwt(externalId: string): string {
    return signJwt(
      { sub: externalId, exp: nowSeconds() + 600 },
      { alg: 'HS256', secret: this.jwtSecret },
    );
  }

  /** GraphQL as the given bearer token (none: unauthenticated). */
  gql<T = Record<string, unknown>>(
    token: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLReply<T>> {
    return gql<T>(this.cluster, token, query, variables);
  }

  /** A tenant opened by the platform admin (USD unless said), with its owner's JWT. */
  async newTenant(
    name = 'Tenant',
    ownerEmail?: string,
    currency = 'USD',
  ): Promise<{ id: string; walletId: string; owner: string; ownerExternalId: string }> {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await this.admin<{ createTenant: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id wallet { id } } }`,
      { input: { name, currency, ownerExternalId, ownerEmail } },
    );
    if (reply.errors) throw new Error(`createTenant: ${JSON.stringify(reply.errors)}`);
    const { id, wallet } = reply.data!.createTenant;
    return { id, walletId: wallet.id, owner: this.jwt(ownerExternalId), ownerExternalId };
  }

  async newSubAccount(tenantId: string, name = 'dept'): Promise<{ id: string; walletId: string }> {
    const reply = await this.admin<{ createSubAccount: { id: string; wallet: { id: string } } }>(
      `mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id wallet { id } } }`,
      { input: { tenantId, name } },
    );
    if (reply.errors) throw new Error(`createSubAccount: ${JSON.stringify(reply.errors)}`);
    return {
      id: reply.data!.createSubAccount.id,
      walletId: reply.data!.createSubAccount.wallet.id,
    };
  }

  /** A workspace for `namespace`, paid by the sub-account's wallet or else the tenant's. */
  async newWorkspace(tenantId: string, namespace: string, subAccountId: string | null = null) {
    const reply = await this.admin(
      `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }`,
      { input: { tenantId, subAccountId, namespace } },
    );
    if (reply.errors) throw new Error(`createWorkspace: ${JSON.stringify(reply.errors)}`);
    return namespace;
  }

  /** GraphQL as the platform admin key. */
  admin<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) {
    return this.gql<T>(this.adminKey, query, variables);
  }
}
