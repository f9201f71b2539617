import { randomUUID } from 'node:crypto';
import { GatewaySuite } from '../support/gateway-suite';
import { KubeCluster } from '../support/kube-cluster';
import { everyMinute, MeteringContext, pastHour } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { NamespaceFixtures } from './namespace-fixtures';

const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status namespaces } }`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const WORKSPACE = `query ($ns: String!) { workspace(namespace: $ns) { state wallet { debtState balance } } }`;

/**
 * The whole loop on a real kube-apiserver, with the metering app running as the metering
 * service account of k8s/metering-rbac.yaml: usage charges push a sub-account's wallet below
 * zero → its namespace (and only its) is suspended within 5 s → money lifts the wallet → the
 * namespace is resumed within 5 s, exactly as it was.
 */
describe('debt suspends and resumes namespaces through the Kubernetes API', () => {
  const suite = new GatewaySuite();
  const metering = MeteringContext.create();
  let kube: KubeCluster;
  let fixtures: NamespaceFixtures;
  let owner: string;

  beforeAll(async () => {
    kube = await KubeCluster.start();
    fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
      TALLY_DEBT_SWEEP_SECONDS: '1',
    });
  }, 90_000);
  afterAll(async () => {
    await metering.close();
    await suite.stop();
    await kube?.stop();
  });

  async function tenantWithSubAccount() {
    const tenant = await suite.newTenant('Loop');
    owner = tenant.owner;
    const sub = await suite.newSubAccount(tenant.id, 'lab');
    return { tenantId: tenant.id, tenantWallet: tenant.walletId, sub };
  }

  async function workspaceIn(tenantId: string, subAccountId: string | null): Promise<string> {
    // Created before its workspace, so labelled for the tenant as an operator would.
    const namespace = await fixtures.newNamespace(subAccountId ? 'lab' : 'main', tenantId);
    await fixtures.populate(namespace);
    return suite.newWorkspace(tenantId, namespace, subAccountId);
  }

  const workspaceState = async (namespace: string) =>
    (await suite.gql<{ workspace: { state: string } }>(owner, WORKSPACE, { ns: namespace })).data!
      .workspace.state;

  async function within5s(
    what: string,
    namespace: string,
    state: string,
    annotation: string | undefined,
  ) {
    await waitFor(
      what,
      async () =>
        (await workspaceState(namespace)) === state &&
        (await fixtures.namespaceAnnotations(namespace))['tally.dev/state'] === annotation
          ? true
          : undefined,
      5_000,
    );
  }

  it('suspends only the exhausted sub-account namespaces, and resumes them exactly', async () => {
    const { tenantId, tenantWallet, sub } = await tenantWithSubAccount();
    await suite.admin(ADJUST, {
      input: {
        walletId: tenantWallet,
        amount: '100',
        reason: 'prepaid',
        idempotencyKey: randomUUID(),
      },
    });
    const main = await workspaceIn(tenantId, null);
    const lab = await workspaceIn(tenantId, sub.id);
    const [mainBefore, labBefore] = [await fixtures.snapshot(main), await fixtures.snapshot(lab)];
    // A workspace row naming kube-system in the exhausted wallet, as a database from before
    // reserved namespaces were refused may hold: the suspender must leave it alone.
    const coreDns = `coredns-${randomUUID().slice(0, 8)}`;
    await fixtures.deployment('kube-system', coreDns, 2);
    await suite.fixtures.legacyWorkspace('kube-system', sub.walletId);
    const kubeSystemBefore = await fixtures.snapshot('kube-system');

    // An hour of two cores in each namespace: 0.06 each. The tenant wallet can pay; the
    // sub-account wallet (empty) goes to -0.06.
    const hour = pastHour();
    await metering.record([
      ...everyMinute(main, 'CPU', hour, 120_000_000n),
      ...everyMinute(lab, 'CPU', hour, 120_000_000n),
    ]);
    const started = Date.now();
    const settled = await suite.admin<{ settleHour: { namespaces: number } }>(SETTLE, {
      hour: hour.toISOString(),
    });
    expect(settled.data!.settleHour.namespaces).toBe(2);

    await within5s('lab suspended', lab, 'SUSPENDED', 'suspended');
    expect(Date.now() - started).toBeLessThan(5_000 + 1_000);
    const suspended = await fixtures.snapshot(lab);
    expect(Object.values(suspended.deployments).map((d) => d.replicas)).toEqual([0, 0, 0, 0]);
    expect(suspended.hpas).toEqual({});
    expect(suspended.quotas.map((q) => q.name)).toEqual(['tally-suspended']);
    // The tenant's own namespace keeps running: its wallet has money.
    expect(await fixtures.snapshot(main)).toEqual(mainBefore);
    // kube-system was in the same job as lab, refused before any Kubernetes call.
    expect(await fixtures.snapshot('kube-system')).toEqual(kubeSystemBefore);
    expect((await fixtures.get('deployments', 'kube-system', coreDns)).spec.replicas).toBe(2);
    expect(await workspaceState('kube-system')).toBe('ACTIVE');
    expect(await workspaceState(main)).toBe('ACTIVE');

    const lifted = Date.now();
    await suite.admin(ADJUST, {
      input: {
        walletId: sub.walletId,
        amount: '50',
        reason: 'budget',
        idempotencyKey: randomUUID(),
      },
    });
    await within5s('lab resumed', lab, 'ACTIVE', undefined);
    expect(Date.now() - lifted).toBeLessThan(5_000 + 1_000);
    expect(await fixtures.snapshot(lab)).toEqual(labBefore);
  });
});
