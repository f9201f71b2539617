import { randomUUID } from 'node:crypto';
import { formatMicros, parseMicros } from '@tally/money';
import { demoCluster, NamespaceSpec } from '@tally/simulator/cluster/demo-cluster';
import { DemoCredentials } from '@tally/simulator/tenants/demo-credentials';
import { DemoTenants } from '@tally/simulator/tenants/demo-tenants';
import { GatewayClient } from '@tally/simulator/tenants/gateway-client';
import { GatewaySuite } from '../support/gateway-suite';

const suite = new GatewaySuite();
const JWT_SECRET = `sim-test-jwt-${randomUUID()}`;
const demo = demoCluster('5.000000');

interface MeReply {
  me: {
    memberships: {
      role: string;
      tenant: {
        id: string;
        name: string;
        wallet: { balance: string };
        subAccounts: { name: string; monthlyBudget: string | null; wallet: { balance: string } }[];
        workspaces: { namespace: string; subAccount: { name: string } | null }[];
      };
    }[];
  };
}
const ME = `query { me { memberships { role tenant {
  id name wallet { balance } subAccounts { name monthlyBudget wallet { balance } }
  workspaces { namespace subAccount { name } }
} } } }`;

describe('demo tenants, opened through the public GraphQL API', () => {
  let gateway: GatewayClient;
  let first: DemoCredentials;
  let second: DemoCredentials;
  const namespacesEnsured: string[] = [];

  const open = (previous?: DemoCredentials) =>
    new DemoTenants({
      gateway,
      gatewayUrl: suite.cluster.url('gateway'),
      adminKey: suite.adminKey,
      jwtSecret: JWT_SECRET,
      ensureNamespace: async (namespace: NamespaceSpec, tenantId: string) => {
        namespacesEnsured.push(`${namespace.name}=${tenantId}`);
      },
      previous,
    }).ensure(demo.tenants);
  const me = (jwt: string) => gateway.request<MeReply>('me', jwt, ME).then((r) => r.me.memberships);

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing'], { TALLY_JWT_SECRET: JWT_SECRET });
    gateway = new GatewayClient(suite.cluster.url('gateway'));
    first = await open();
    second = await open(first);
  });

  afterAll(() => suite.stop());

  it('opens each tenant with its sub-accounts, budgets, workspaces and opening balance', async () => {
    const acme = first.tenants.find((t) => t.key === 'acme')!;
    const [membership] = await me(acme.members[0].jwt);
    expect(membership.role).toBe('OWNER');
    expect(membership.tenant).toEqual({
      id: acme.tenantId,
      name: 'Acme Robotics',
      // 2000.000000 opened with, this month's budgets moved to the sub-accounts.
      wallet: { balance: '1000.000000' },
      subAccounts: expect.arrayContaining([
        { name: 'Platform', monthlyBudget: '400.000000', wallet: { balance: '400.000000' } },
        { name: 'Research', monthlyBudget: '600.000000', wallet: { balance: '600.000000' } },
      ]) as unknown,
      workspaces: expect.arrayContaining([
        { namespace: 'acme-shop', subAccount: { name: 'Platform' } },
        { namespace: 'acme-ml', subAccount: { name: 'Research' } },
      ]) as unknown,
    });
    const balances = await Promise.all(
      first.tenants.map(async (t) => [
        t.key,
        (await me(t.members[0].jwt))[0].tenant.wallet.balance,
      ]),
    );
    expect(Object.fromEntries(balances)).toEqual({
      acme: '1000.000000',
      globex: '150.000000',
      initech: '5.000000',
    });
    expect(namespacesEnsured.slice(0, 5)).toEqual(
      first.tenants.flatMap((t) => t.namespaces.map((n) => `${n}=${t.tenantId}`)),
    );
  });

  it('gives every member a working JWT and each tenant a working API key', async () => {
    const acme = first.tenants.find((t) => t.key === 'acme')!;
    const roles = await Promise.all(acme.members.map(async (m) => (await me(m.jwt))[0].role));
    expect(roles).toEqual(['OWNER', 'ADMIN', 'MEMBER']);
    for (const tenant of first.tenants) {
      const { tenant: read } = await gateway.request<{ tenant: { name: string } }>(
        'tenant',
        tenant.apiKey,
        'query ($id: ID!) { tenant(id: $id) { name } }',
        { id: tenant.tenantId },
      );
      expect(read.name).toBe(tenant.name);
    }
  });

  it('changes nothing when run again: same tenants, keys and balances, nothing doubled', async () => {
    expect(second).toEqual({
      ...first,
      tenants: first.tenants.map((t, i) => ({
        ...t,
        members: t.members.map((m, j) => ({ ...m, jwt: second.tenants[i].members[j].jwt })),
      })),
    });
    for (const tenant of second.tenants) {
      const memberships = await me(tenant.members[0].jwt);
      expect(memberships).toHaveLength(1);
      const spec = demo.tenants.find((t) => t.key === tenant.key)!;
      const budgets = spec.subAccounts.reduce((sum, s) => sum + parseMicros(s.monthlyBudget), 0n);
      expect(memberships[0].tenant.wallet.balance).toBe(
        formatMicros(parseMicros(spec.openingBalance) - budgets),
      );
      for (const { name, monthlyBudget } of spec.subAccounts) {
        expect(memberships[0].tenant.subAccounts.find((s) => s.name === name)?.wallet.balance).toBe(
          monthlyBudget,
        );
      }
      expect(memberships[0].tenant.workspaces).toHaveLength(spec.namespaces.length);
      expect(memberships[0].tenant.subAccounts).toHaveLength(spec.subAccounts.length);
    }
  });
});
