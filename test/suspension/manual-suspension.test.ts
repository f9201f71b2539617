import { randomUUID } from 'node:crypto';
import { QueueName } from '@tally/queue';
import { Queue } from 'bullmq';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { everyMinute, MeteringContext } from '../support/metering-context';
import { KubeCluster } from '../support/kube-cluster';
import { waitFor } from '../support/ports';
import { NamespaceFixtures } from './namespace-fixtures';
import { suspensionJobDone, workspaceWaits } from './workspace-waits';

const MINUTE_MS = 60_000;
const GIB = 2n ** 30n;
const WAIT_MS = 120_000;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const SUSPEND = `mutation ($ns: String!, $r: String!) {
  suspendNamespace(namespace: $ns, reason: $r) { namespace } }`;
const RESUME = `mutation ($ns: String!, $r: String!) {
  resumeNamespace(namespace: $ns, reason: $r) { namespace } }`;
const AUDIT_LOG = `query ($t: ID) {
  auditLog(tenantId: $t) { edges { node { kind actorId targetType targetId reason } } } }`;

interface AuditNode {
  kind: string;
  actorId: string | null;
  targetType: string;
  targetId: string;
  reason: string;
}

/**
 * Suspending and resuming a namespace by hand (MANUAL) end to end with real processes, a
 * database of their own and a real kube-apiserver: finance stops a namespace whatever its
 * wallet holds, each action is audited once, and MANUAL coexists with DEBT: resuming by hand
 * lifts only MANUAL, and money arriving lifts only DEBT.
 */
describe('suspendNamespace and resumeNamespace', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let kube: KubeCluster;
  let fixtures: NamespaceFixtures;
  let suspensionQueue: Queue;
  let finance: { id: string; token: string };

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    await metering.parkSettlementSchedule();
    kube = await KubeCluster.start();
    fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
      TALLY_DEBT_SWEEP_SECONDS: '2',
      TALLY_PENDING_ACCRUAL_SECONDS: '2',
    });
    const { hostname, port } = new URL(suite.redisUrl);
    suspensionQueue = new Queue(QueueName.Suspension, {
      connection: { host: hostname, port: Number(port) },
    });
    const user = await suite.fixtures.newUser('FINANCE');
    finance = { id: user.id, token: suite.jwt(user.externalId) };
  }, 90_000);
  afterAll(async () => {
    await suspensionQueue?.close();
    await metering?.close();
    await suite.stop();
    await kube?.stop();
    await database?.drop();
  });

  const waits = workspaceWaits(suite, () => fixtures, WAIT_MS);
  const suspendedBy = (ns: string, reasons: string[]) =>
    waits.suspendedBy(finance.token, ns, reasons);
  const runningAgain = (ns: string) => waits.runningAgain(finance.token, ns);
  const manualResumeDone = (ns: string) =>
    suspensionJobDone(
      metering.prisma.pool,
      suspensionQueue,
      { topic: 'manualHold.resume', field: 'namespace', value: ns },
      WAIT_MS,
    );

  const adjust = (walletId: string, amount: string) =>
    suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'manual suspension test', idempotencyKey: randomUUID() },
    });
  const byHand = async (mutation: string, ns: string, reason: string) => {
    const reply = await suite.gql(finance.token, mutation, { ns, r: reason });
    expect(reply.errors).toBeUndefined();
  };

  async function runningWorkspace(tenantId: string, prefix: string) {
    const ns = await fixtures.newNamespace(prefix, tenantId);
    await fixtures.populate(ns);
    await suite.newWorkspace(tenantId, ns);
    return { ns, before: await fixtures.snapshot(ns) };
  }

  /** The tenant's audit trail once it holds `count` records (metering's reach it by outbox). */
  async function audited(tenantId: string, count: number): Promise<AuditNode[]> {
    return waitFor(
      `${count} audit records`,
      async () => {
        const reply = await suite.admin<{ auditLog: { edges: { node: AuditNode }[] } }>(AUDIT_LOG, {
          t: tenantId,
        });
        const nodes = reply.data?.auditLog.edges.map((e) => e.node) ?? [];
        return nodes.length >= count ? nodes : undefined;
      },
      WAIT_MS,
    );
  }

  /** The audit events metering queued for the namespace: one per action carried out. */
  async function auditEventsOf(ns: string): Promise<string[]> {
    const { rows } = await metering.prisma.pool.query<{ kind: string }>(
      `SELECT payload->>'kind' AS kind FROM metering.outbox
        WHERE topic = 'audit.record' AND payload->>'targetId' = $1 ORDER BY id`,
      [ns],
    );
    return rows.map((row) => row.kind);
  }

  /** The namespace.resumed webhook events metering queued for a namespace. */
  async function resumedAnnouncements(ns: string): Promise<number> {
    const { rows } = await metering.prisma.pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM metering.outbox
        WHERE topic = 'outbound.event' AND payload->>'type' = 'namespace.resumed'
          AND payload->'data'->>'namespace' = $1`,
      [ns],
    );
    return Number(rows[0].n);
  }

  /** `gib` GiB out to the world in the last minute (0.08 a GiB, pending). */
  async function egress(ns: string, minutesAgo: number, gib: bigint): Promise<void> {
    const minute = new Date((Math.floor(Date.now() / MINUTE_MS) - minutesAgo) * MINUTE_MS);
    await metering.record(everyMinute(ns, 'NETWORK_EGRESS', minute, gib * GIB, 1));
  }

  it(
    'suspends a namespace with money by hand, audits it once, and resumes it exactly as it was',
    async () => {
      const tenant = await suite.newTenant('By hand');
      await adjust(tenant.walletId, '100');
      const { ns, before } = await runningWorkspace(tenant.id, 'byhand');

      await byHand(SUSPEND, ns, 'Abuse report 4711: crypto mining');
      await suspendedBy(ns, ['MANUAL']);
      const annotations = await fixtures.namespaceAnnotations(ns);
      expect(annotations['tally.dev/reason']).toBe('MANUAL: Abuse report 4711: crypto mining');
      // Asked again: nothing more is done, nor audited.
      await byHand(SUSPEND, ns, 'Abuse report 4711: crypto mining');
      expect(await auditEventsOf(ns)).toEqual(['NAMESPACE_SUSPENDED']);

      await byHand(RESUME, ns, 'Tenant removed the miner');
      await runningAgain(ns);
      expect(await fixtures.snapshot(ns)).toEqual(before);
      // Resuming a namespace no hand holds changes nothing and is not audited.
      await byHand(RESUME, ns, 'Again');
      expect(await auditEventsOf(ns)).toEqual(['NAMESPACE_SUSPENDED', 'NAMESPACE_RESUMED']);

      const trail = await audited(tenant.id, 3);
      expect(trail.slice(0, 2)).toEqual([
        {
          kind: 'NAMESPACE_RESUMED',
          actorId: finance.id,
          targetType: 'namespace',
          targetId: ns,
          reason: 'Tenant removed the miner',
        },
        {
          kind: 'NAMESPACE_SUSPENDED',
          actorId: finance.id,
          targetType: 'namespace',
          targetId: ns,
          reason: 'Abuse report 4711: crypto mining',
        },
      ]);
      expect(trail[2].kind).toBe('BALANCE_ADJUSTED');
    },
    4 * WAIT_MS,
  );

  it(
    'keeps MANUAL and DEBT apart: resuming by hand leaves a debt suspension, money leaves a manual one',
    async () => {
      const tenant = await suite.newTenant('Manual and debt');
      await adjust(tenant.walletId, '0.5');
      const { ns, before } = await runningWorkspace(tenant.id, 'both');
      const plain = await runningWorkspace(tenant.id, 'plain');

      await byHand(SUSPEND, ns, 'Chargeback under review');
      await suspendedBy(ns, ['MANUAL']);
      // Ten GiB out (0.8 pending) takes the available balance below zero: debt too.
      await egress(ns, 1, 10n);
      await suspendedBy(ns, ['DEBT', 'MANUAL']);
      await suspendedBy(plain.ns, ['DEBT']);

      // Resumed by hand: the debt still holds it.
      await byHand(RESUME, ns, 'Chargeback withdrawn');
      await manualResumeDone(ns);
      await suspendedBy(ns, ['DEBT']);

      // Held by hand again, then the debt clears: the wallet's resumption leaves it alone.
      await byHand(SUSPEND, ns, 'Second report');
      await suspendedBy(ns, ['DEBT', 'MANUAL']);
      await adjust(tenant.walletId, '200');
      // The wallet's resumption ran (the other namespace is back) and passed this one by.
      await runningAgain(plain.ns);
      await suspendedBy(ns, ['MANUAL']);
      expect(await resumedAnnouncements(ns)).toBe(0);

      await byHand(RESUME, ns, 'Cleared');
      await runningAgain(ns);
      expect(await fixtures.snapshot(ns)).toEqual(before);
    },
    6 * WAIT_MS,
  );

  it.each([
    ['a blank reason', { r: '  ' }, ['BAD_USER_INPUT', 'BAD_REASON']],
    ['a namespace no tenant has', { ns: 'nobody-has-this' }, ['NOT_FOUND', undefined]],
  ])('refuses %s', async (_, variables, expected) => {
    for (const mutation of [SUSPEND, RESUME]) {
      const reply = await suite.gql(finance.token, mutation, { ns: 'x', r: 'why', ...variables });
      expect(reply.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
        expected,
      ]);
    }
  });
});
