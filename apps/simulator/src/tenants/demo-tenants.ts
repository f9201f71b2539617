import { NamespaceSpec, TenantSpec } from '@tally/simulator/cluster/demo-cluster';
import { DemoCredentials, DemoTenantCredentials } from './demo-credentials';
import { devJwt } from './dev-jwt';
import { GatewayClient } from './gateway-client';

export interface DemoTenantsOptions {
  readonly gateway: GatewayClient;
  readonly gatewayUrl: string;
  readonly adminKey: string;
  readonly jwtSecret: string;
  /** Makes the namespace exist in the cluster, labelled as the tenant's, before its workspace. */
  readonly ensureNamespace: (namespace: NamespaceSpec, tenantId: string) => Promise<void>;
  /** The last start's credentials: their API keys are kept (a key's secret is shown once). */
  readonly previous?: DemoCredentials;
  readonly jwtTtlSeconds?: number;
}

interface TenantView {
  id: string;
  name: string;
  wallet: { id: string };
  subAccounts: { id: string; name: string; wallet: { id: string } }[];
  workspaces: { namespace: string }[];
}

const TENANT_FIELDS =
  'id name wallet { id } subAccounts { id name wallet { id } } workspaces { namespace }';

/**
 * Opens the demo tenants through the public GraphQL API, as a platform admin and the
 * tenants' own people would, and only what is missing: a second start finds the tenant by
 * its owner's membership, the sub-accounts and workspaces by name, and credits the opening
 * balance under the same idempotency key (a replay changes nothing). Never SQL.
 */
export class DemoTenants {
  private readonly ttl: number;

  constructor(private readonly options: DemoTenantsOptions) {
    this.ttl = options.jwtTtlSeconds ?? 30 * 86400;
  }

  async ensure(tenants: readonly TenantSpec[]): Promise<DemoCredentials> {
    const credentials: DemoTenantCredentials[] = [];
    for (const tenant of tenants) credentials.push(await this.ensureTenant(tenant));
    return { gatewayUrl: this.options.gatewayUrl, tenants: credentials };
  }

  private async ensureTenant(spec: TenantSpec): Promise<DemoTenantCredentials> {
    const members = spec.members.map((member) => ({
      ...member,
      jwt: devJwt(this.options.jwtSecret, member.externalId, member.email, this.ttl),
    }));
    const [owner] = members;
    let tenant = (await this.tenantsOf(owner.jwt)).find((t) => t.name === spec.name);
    if (!tenant) {
      const { createTenant } = await this.admin<{ createTenant: { id: string } }>(
        'createTenant',
        'mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
        {
          input: {
            name: spec.name,
            currency: spec.currency,
            ownerExternalId: owner.externalId,
            ownerEmail: owner.email,
          },
        },
      );
      tenant = await this.readTenant(createTenant.id);
    }
    const tenantId = tenant.id;
    for (const member of members.slice(1)) {
      if ((await this.tenantsOf(member.jwt)).some((t) => t.id === tenantId)) continue;
      await this.admin(
        'addMember',
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }',
        {
          input: {
            tenantId,
            externalId: member.externalId,
            email: member.email,
            role: member.role,
          },
        },
      );
    }
    for (const { name, monthlyBudget } of spec.subAccounts) {
      if (tenant.subAccounts.some((s) => s.name === name)) continue;
      await this.admin(
        'createSubAccount',
        'mutation ($input: CreateSubAccountInput!) { createSubAccount(input: $input) { id } }',
        {
          input: { tenantId, name, monthlyBudget },
        },
      );
    }
    await this.admin(
      'adjustBalance',
      'mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }',
      {
        input: {
          walletId: tenant.wallet.id,
          amount: spec.openingBalance,
          reason: 'demo tenant opening balance (simulator)',
          // Per tenant id: a fresh database's tenant of the same name is a new tenant.
          idempotencyKey: `simulator:${tenantId}:opening-balance`,
        },
      },
    );
    tenant = await this.readTenant(tenantId);
    await this.fundSubAccounts(tenant, spec, owner.jwt);
    for (const namespace of spec.namespaces) await this.ensureWorkspace(tenant, namespace);
    return {
      key: spec.key,
      name: spec.name,
      tenantId,
      walletId: tenant.wallet.id,
      apiKey: await this.apiKey(spec, tenantId),
      members: members.map(({ externalId, email, role, jwt }) => ({
        externalId,
        email,
        role,
        jwt,
      })),
      subAccounts: tenant.subAccounts.map((s) => ({
        name: s.name,
        id: s.id,
        walletId: s.wallet.id,
      })),
      namespaces: spec.namespaces.map((n) => n.name),
    };
  }

  /**
   * A monthly budget arrives on the 1st (and the account service's start-up run for the month
   * came before these sub-accounts existed), so the owner moves this month's budget over at
   * once, as a tenant opening mid-month would: otherwise the history's charges would leave
   * every budgeted sub-account in debt on the first start. One key per sub-account: once.
   */
  private async fundSubAccounts(tenant: TenantView, spec: TenantSpec, ownerJwt: string) {
    for (const { name, monthlyBudget } of spec.subAccounts) {
      const subAccount = tenant.subAccounts.find((s) => s.name === name);
      if (!subAccount) throw new Error(`${tenant.name} has no sub-account ${name}`);
      await this.options.gateway.request(
        'transfer',
        ownerJwt,
        'mutation ($input: TransferInput!) { transfer(input: $input) { id } }',
        {
          input: {
            fromWalletId: tenant.wallet.id,
            toWalletId: subAccount.wallet.id,
            amount: monthlyBudget,
            idempotencyKey: `simulator:${subAccount.id}:first-budget`,
          },
        },
      );
    }
  }

  private async ensureWorkspace(tenant: TenantView, namespace: NamespaceSpec): Promise<void> {
    await this.options.ensureNamespace(namespace, tenant.id);
    if (tenant.workspaces.some((w) => w.namespace === namespace.name)) return;
    const subAccount = tenant.subAccounts.find((s) => s.name === namespace.subAccount);
    if (namespace.subAccount && !subAccount)
      throw new Error(`${tenant.name} has no sub-account ${namespace.subAccount}`);
    await this.admin(
      'createWorkspace',
      'mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }',
      {
        input: {
          tenantId: tenant.id,
          subAccountId: subAccount?.id ?? null,
          namespace: namespace.name,
        },
      },
    );
  }

  /** The key the last start made for this tenant, or a new one. */
  private async apiKey(spec: TenantSpec, tenantId: string): Promise<string> {
    const kept = this.options.previous?.tenants.find((t) => t.tenantId === tenantId)?.apiKey;
    if (kept) return kept;
    const { createApiKey } = await this.admin<{ createApiKey: { secret: string } }>(
      'createApiKey',
      'mutation ($tenantId: ID!, $name: String!) { createApiKey(tenantId: $tenantId, name: $name) { secret } }',
      { tenantId, name: `demo key (${spec.key})` },
    );
    return createApiKey.secret;
  }

  private async tenantsOf(jwt: string): Promise<TenantView[]> {
    const { me } = await this.options.gateway.request<{
      me: { memberships: { tenant: TenantView }[] };
    }>('me', jwt, `query { me { memberships { tenant { ${TENANT_FIELDS} } } } }`);
    return me.memberships.map((m) => m.tenant);
  }

  private async readTenant(id: string): Promise<TenantView> {
    const { tenant } = await this.admin<{ tenant: TenantView | null }>(
      'tenant',
      `query ($id: ID!) { tenant(id: $id) { ${TENANT_FIELDS} } }`,
      { id },
    );
    if (!tenant) throw new Error(`tenant ${id} just opened cannot be read`);
    return tenant;
  }

  private admin<T = unknown>(
    operation: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    return this.options.gateway.request<T>(operation, this.options.adminKey, query, variables);
  }
}
