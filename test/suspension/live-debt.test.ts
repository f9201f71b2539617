import { randomUUID } from 'node:crypto';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { KubeCluster } from '../support/kube-cluster';
import { everyMinute, MeteringContext } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { NamespaceFixtures } from './namespace-fixtures';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const GIB = 2n ** 30n;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
/** The bound: from the minute the available balance crosses zero to SUSPENDED, and back. */
const BOUND_MS = 120_000;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const WALLET = `query ($id: ID!) {
  wallet(id: $id) { debtState availableBalance spendRate runsOutAt }
}`;
const WORKSPACE = `query ($ns: String!) { workspace(namespace: $ns) { state } }`;

interface LiveWallet {
  debtState: string;
  availableBalance: string;
  spendRate: string;
  runsOutAt: string | null;
}

/**
 * The debt ladder on the available balance, with the metering service's own minute accrual (at
 * its default interval) and a real kube-apiserver: a namespace spending against a small balance
 * goes LOW_BALANCE by its run-out time, is suspended within two minutes of the available
 * balance crossing zero — long before the hour is settled — and a top-up resumes it.
 */
describe('the debt ladder reads the available balance', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let kube: KubeCluster;
  let fixtures: NamespaceFixtures;

  beforeAll(async () => {
    // A database of its own whose worker's schedule settles nothing, so the last hour's usage
    // the test delivers stays pending, not frozen (as if it had arrived in time).
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    await metering.parkSettlementSchedule();
    kube = await KubeCluster.start();
    fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
    });
  }, 90_000);
  afterAll(async () => {
    await metering?.close();
    await suite.stop();
    await kube?.stop();
    await database?.drop();
  });

  const adjust = (walletId: string, amount: string) =>
    suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'live debt test', idempotencyKey: randomUUID() },
    });

  async function walletOf(owner: string, walletId: string): Promise<LiveWallet> {
    const reply = await suite.gql<{ wallet: LiveWallet }>(owner, WALLET, { id: walletId });
    expect(reply.errors).toBeUndefined();
    return reply.data!.wallet;
  }

  async function reaches(what: string, done: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    await waitFor(what, async () => ((await done()) ? true : undefined), BOUND_MS);
    return Date.now() - started;
  }

  it(
    'goes LOW_BALANCE by run-out time, SUSPENDED within two minutes of crossing zero, and back on a top-up',
    async () => {
      const tenant = await suite.newTenant('Live debt');
      const namespace = await fixtures.newNamespace('live', tenant.id);
      await fixtures.populate(namespace);
      await suite.newWorkspace(tenant.id, namespace);
      const before = await fixtures.snapshot(namespace);
      await adjust(tenant.walletId, '0.5');

      // One core, every minute of the last hour and of this one so far: 0.03 an hour, so 0.5
      // lasts about 16 hours, under the 24 of LOW_BALANCE.
      const now = Date.now();
      const thisHour = Math.floor(now / HOUR_MS) * HOUR_MS;
      const minutesSoFar = Math.floor((now - thisHour) / MINUTE_MS);
      await metering.record([
        ...everyMinute(namespace, 'CPU', new Date(thisHour - HOUR_MS), CORE_MINUTE),
        ...everyMinute(namespace, 'CPU', new Date(thisHour), CORE_MINUTE, minutesSoFar),
      ]);
      await reaches('LOW_BALANCE', async () => {
        return (await walletOf(tenant.owner, tenant.walletId)).debtState === 'LOW_BALANCE';
      });
      const low = await walletOf(tenant.owner, tenant.walletId);
      // The last 60 minutes, less those since the samples end: nothing is extrapolated into them.
      const unobserved = (Date.now() - (thisHour + minutesSoFar * MINUTE_MS)) / MINUTE_MS;
      expect(Number(low.spendRate)).toBeGreaterThanOrEqual((0.03 * (60 - unobserved)) / 60 - 1e-6);
      expect(Number(low.spendRate)).toBeLessThanOrEqual(0.03);
      const hoursLeft = (Date.parse(low.runsOutAt!) - Date.now()) / HOUR_MS;
      expect(hoursLeft).toBeGreaterThan(14);
      expect(hoursLeft).toBeLessThan(17);

      // Ten GiB out to the world in the last minute: 0.8, more than is left. No hour is settled
      // for this; the pending usage alone takes the available balance below zero.
      const lastMinute = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS);
      await metering.record(everyMinute(namespace, 'NETWORK_EGRESS', lastMinute, 10n * GIB, 1));
      const toSuspended = await reaches('namespace suspended', async () => {
        const wallet = await walletOf(tenant.owner, tenant.walletId);
        const workspace = await suite.gql<{ workspace: { state: string } }>(
          tenant.owner,
          WORKSPACE,
          {
            ns: namespace,
          },
        );
        const annotations = await fixtures.namespaceAnnotations(namespace);
        return (
          wallet.debtState === 'SUSPENDED' &&
          workspace.data!.workspace.state === 'SUSPENDED' &&
          annotations['tally.dev/state'] === 'suspended'
        );
      });
      expect(toSuspended).toBeLessThan(BOUND_MS);
      const suspended = await walletOf(tenant.owner, tenant.walletId);
      expect(Number(suspended.availableBalance)).toBeLessThan(0);
      expect(suspended.runsOutAt).not.toBeNull();
      expect(Date.parse(suspended.runsOutAt!)).toBeLessThanOrEqual(Date.now());

      // A top-up lifts the available balance above zero: the namespace runs again, exactly as it was.
      await adjust(tenant.walletId, '5');
      const toActive = await reaches('namespace resumed', async () => {
        const workspace = await suite.gql<{ workspace: { state: string } }>(
          tenant.owner,
          WORKSPACE,
          {
            ns: namespace,
          },
        );
        const annotations = await fixtures.namespaceAnnotations(namespace);
        return workspace.data!.workspace.state === 'ACTIVE' && !annotations['tally.dev/state'];
      });
      expect(toActive).toBeLessThan(BOUND_MS);
      expect(await fixtures.snapshot(namespace)).toEqual(before);
      expect((await walletOf(tenant.owner, tenant.walletId)).debtState).not.toBe('SUSPENDED');
    },
    4 * BOUND_MS,
  );
});
