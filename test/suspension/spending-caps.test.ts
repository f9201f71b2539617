import { randomUUID } from 'node:crypto';
import { QueueName } from '@tally/queue';
import { Queue } from 'bullmq';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { KubeCluster } from '../support/kube-cluster';
import { everyMinute, MeteringContext } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { SmtpSink } from '../support/smtp-sink';
import { NamespaceFixtures } from './namespace-fixtures';
import { suspensionJobDone, workspaceWaits } from './workspace-waits';

const MINUTE_MS = 60_000;
const GIB = 2n ** 30n;
/** From a cap's change to its scope running again: the same bound as a top-up's. */
const RESUME_BOUND_MS = 30_000;
const WAIT_MS = 120_000;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const SET_CAP = `mutation ($input: SetSpendingCapInput!) {
  setSpendingCap(input: $input) { workspace { spendingCap } } }`;
const REACHED = 'a spending cap was reached';
const LIFTED = 'a spending cap no longer holds them';

/**
 * Spending caps end to end with real processes, a database of their own, a real kube-apiserver
 * and a real SMTP server: a workspace's cap stops its namespace (reason SPENDING_CAP) once the
 * month's charges plus pending usage reach it, while another workspace on the same wallet runs
 * on; a higher cap brings it back within the bound. A namespace held for both debt and its cap
 * resumes only when both clear.
 */
describe('spending caps', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let kube: KubeCluster;
  let fixtures: NamespaceFixtures;
  let smtp: SmtpSink;
  let suspensionQueue: Queue;

  beforeAll(async () => {
    // Nothing settles on its own: the usage the tests record stays pending.
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    await metering.parkSettlementSchedule();
    kube = await KubeCluster.start();
    fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    smtp = await SmtpSink.start();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
      SMTP_URL: smtp.url,
      TALLY_DEBT_SWEEP_SECONDS: '2',
      TALLY_PENDING_ACCRUAL_SECONDS: '2',
    });
    const { hostname, port } = new URL(suite.redisUrl);
    suspensionQueue = new Queue(QueueName.Suspension, {
      connection: { host: hostname, port: Number(port) },
    });
  }, 90_000);
  afterAll(async () => {
    await suspensionQueue?.close();
    await metering?.close();
    await suite.stop();
    await smtp?.stop();
    await kube?.stop();
    await database?.drop();
  });

  const { workspace, suspendedBy, runningAgain } = workspaceWaits(suite, () => fixtures, WAIT_MS);
  const capResumptionDone = (scopeId: string) =>
    suspensionJobDone(
      metering.prisma.pool,
      suspensionQueue,
      { topic: 'spendingCap.resume', field: 'scopeId', value: scopeId },
      WAIT_MS,
    );

  const adjust = (walletId: string, amount: string) =>
    suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'spending cap test', idempotencyKey: randomUUID() },
    });

  async function setCap(owner: string, workspaceId: string, monthlyCap: string | null) {
    const reply = await suite.gql(owner, SET_CAP, { input: { workspaceId, monthlyCap } });
    expect(reply.errors).toBeUndefined();
  }

  /** A namespace with workloads, its workspace (on the tenant's wallet unless said), and how it was. */
  async function runningWorkspace(
    owner: string,
    tenantId: string,
    prefix: string,
    subAccountId: string | null = null,
  ) {
    const ns = await fixtures.newNamespace(prefix, tenantId);
    await fixtures.populate(ns);
    await suite.newWorkspace(tenantId, ns, subAccountId);
    return { ns, id: (await workspace(owner, ns)).id, before: await fixtures.snapshot(ns) };
  }

  /** The namespace.suspended or .resumed webhook events metering queued for a namespace. */
  async function announced(type: string, ns: string): Promise<number> {
    const { rows } = await metering.prisma.pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM metering.outbox
        WHERE topic = 'outbound.event' AND payload->>'type' = $1
          AND payload->'data'->>'namespace' = $2`,
      [type, ns],
    );
    return Number(rows[0].n);
  }

  const mails = (to: string, subject: string) =>
    smtp.messages.filter((m) => m.to.includes(to) && m.raw.includes(subject));

  async function mailed(to: string, subject: string): Promise<void> {
    await waitFor(
      `mail "${subject}"`,
      async () => mails(to, subject).length > 0 || undefined,
      WAIT_MS,
    );
  }

  /** `gib` GiB out to the world in the minute `minutesAgo` before this one (0.08 a GiB, pending). */
  /**
   * `gib` out in the minute `minutesAgo` before `now`. Two calls that must land in different
   * minutes pass the same `now`: a minute boundary passing between them would otherwise put
   * "one minute ago" and "two minutes ago" into the same minute, whose second sample changes
   * nothing.
   */
  async function egress(ns: string, minutesAgo: number, gib: bigint, now = Date.now()) {
    const minute = new Date((Math.floor(now / MINUTE_MS) - minutesAgo) * MINUTE_MS);
    await metering.record(everyMinute(ns, 'NETWORK_EGRESS', minute, gib * GIB, 1));
  }

  /** Usage this month: a charged hour (its first) and ten GiB out in the last minute (0.8, pending). */
  async function spend(ns: string, walletId: string, chargedMicros: bigint): Promise<void> {
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    await metering.prisma.pool.query(
      `INSERT INTO metering.usage_charges (hour, namespace, wallet_id, currency, lines, total_micros, short_hour)
       VALUES ($1, $2, $3, 'USD', '[]', $4, false)`,
      [monthStart, ns, walletId, chargedMicros.toString()],
    );
    await egress(ns, 1, 10n);
  }

  it(
    'suspends only the capped workspace, mails once, and a higher cap resumes it within the bound',
    async () => {
      const email = `owner-${randomUUID()}@example.test`;
      const tenant = await suite.newTenant('Capped', email);
      await adjust(tenant.walletId, '100'); // plenty: debt never comes into it
      const capped = await runningWorkspace(tenant.owner, tenant.id, 'capped');
      const free = await runningWorkspace(tenant.owner, tenant.id, 'free');

      // 0.5 charged + 0.8 pending = 1.3 reaches a cap of 1; the other workspace spends far
      // more with no cap.
      await setCap(tenant.owner, capped.id, '1');
      await spend(capped.ns, tenant.walletId, 500_000n);
      await spend(free.ns, tenant.walletId, 20_000_000n);

      await suspendedBy(tenant.owner, capped.ns, ['SPENDING_CAP']);
      const annotations = await fixtures.namespaceAnnotations(capped.ns);
      expect(annotations['tally.dev/reason']).toMatch(/^SPENDING_CAP: /);
      await mailed(email, REACHED);

      // The same evaluation left the other workspace of the wallet, and the wallet, alone.
      const other = await workspace(tenant.owner, free.ns);
      expect(other).toMatchObject({ state: 'ACTIVE', suspensionReasons: [] });
      expect(other.wallet.debtState).toBe('NORMAL');
      expect(await fixtures.snapshot(free.ns)).toEqual(free.before);
      expect(await announced('namespace.suspended', free.ns)).toBe(0);
      expect(await announced('namespace.suspended', capped.ns)).toBeGreaterThanOrEqual(1);

      // Raised above the spend: running again, exactly as it was, within the bound.
      await setCap(tenant.owner, capped.id, '5');
      expect(await runningAgain(tenant.owner, capped.ns)).toBeLessThan(RESUME_BOUND_MS);
      expect(await fixtures.snapshot(capped.ns)).toEqual(capped.before);
      await mailed(email, LIFTED);
      expect(mails(email, REACHED)).toHaveLength(1);
      expect(mails(email, LIFTED)).toHaveLength(1);
      expect(await fixtures.snapshot(free.ns)).toEqual(free.before);
      expect(await announced('namespace.suspended', free.ns)).toBe(0);
    },
    4 * WAIT_MS,
  );

  it(
    'keeps a namespace held for both debt and its cap suspended until both clear',
    async () => {
      const tenant = await suite.newTenant('Both');
      const start = Date.now();
      await adjust(tenant.walletId, '0.5');
      const capped = await runningWorkspace(tenant.owner, tenant.id, 'both');
      const plain = await runningWorkspace(tenant.owner, tenant.id, 'plain');

      // A cap of zero holds at once.
      await setCap(tenant.owner, capped.id, '0');
      await suspendedBy(tenant.owner, capped.ns, ['SPENDING_CAP']);
      // Ten GiB out (0.8 pending) takes the available balance below zero: debt too.
      await egress(plain.ns, 1, 10n, start);
      await suspendedBy(tenant.owner, plain.ns, ['DEBT']);
      await suspendedBy(tenant.owner, capped.ns, ['DEBT', 'SPENDING_CAP']);

      // Debt clears: the wallet's resumption brings back the other namespace, not the capped one
      // (never resumed, not even for a moment before a sweep suspends it again).
      const suspendedAt = (await fixtures.namespaceAnnotations(capped.ns))[
        'tally.dev/suspended-at'
      ];
      await adjust(tenant.walletId, '5');
      await runningAgain(tenant.owner, plain.ns);
      await suspendedBy(tenant.owner, capped.ns, ['SPENDING_CAP']);
      expect(await announced('namespace.resumed', capped.ns)).toBe(0);

      // In debt again (a hundred GiB more: 8 pending), then the cap goes: its resumption leaves
      // the namespace to the debt.
      await egress(plain.ns, 2, 100n, start);
      await suspendedBy(tenant.owner, plain.ns, ['DEBT']);
      await setCap(tenant.owner, capped.id, null);
      await capResumptionDone(capped.id);
      await suspendedBy(tenant.owner, capped.ns, ['DEBT']);
      expect(await announced('namespace.resumed', capped.ns)).toBe(0);
      expect((await fixtures.namespaceAnnotations(capped.ns))['tally.dev/suspended-at']).toBe(
        suspendedAt,
      );

      // Both clear: both run again, exactly as they were.
      await adjust(tenant.walletId, '200');
      await runningAgain(tenant.owner, capped.ns);
      await runningAgain(tenant.owner, plain.ns);
      expect(await fixtures.snapshot(capped.ns)).toEqual(capped.before);
      expect(await fixtures.snapshot(plain.ns)).toEqual(plain.before);
      expect(await announced('namespace.resumed', capped.ns)).toBe(1);
    },
    6 * WAIT_MS,
  );

  it(
    "holds all of a sub-account's namespaces on its cap, and no other wallet's",
    async () => {
      const tenant = await suite.newTenant('Departments');
      const lab = await suite.newSubAccount(tenant.id, 'lab');
      await adjust(tenant.walletId, '100');
      await adjust(lab.walletId, '100');
      const spender = await runningWorkspace(tenant.owner, tenant.id, 'lab-a', lab.id);
      const idle = await runningWorkspace(tenant.owner, tenant.id, 'lab-b', lab.id);
      const main = await runningWorkspace(tenant.owner, tenant.id, 'main');

      // 0.3 charged + 0.8 pending in one of the lab's namespaces reaches the lab's cap of 1.
      const reply = await suite.gql(tenant.owner, SET_CAP, {
        input: { subAccountId: lab.id, monthlyCap: '1' },
      });
      expect(reply.errors).toBeUndefined();
      await spend(spender.ns, lab.walletId, 300_000n);
      await spend(main.ns, tenant.walletId, 30_000_000n);
      await suspendedBy(tenant.owner, spender.ns, ['SPENDING_CAP']);
      await suspendedBy(tenant.owner, idle.ns, ['SPENDING_CAP']);
      expect(await workspace(tenant.owner, main.ns)).toMatchObject({
        state: 'ACTIVE',
        suspensionReasons: [],
      });
      expect(await announced('namespace.suspended', main.ns)).toBe(0);

      // The cap removed: the lab runs again, exactly as it was.
      await suite.gql(tenant.owner, SET_CAP, { input: { subAccountId: lab.id, monthlyCap: null } });
      await runningAgain(tenant.owner, spender.ns);
      await runningAgain(tenant.owner, idle.ns);
      expect(await fixtures.snapshot(spender.ns)).toEqual(spender.before);
      expect(await fixtures.snapshot(idle.ns)).toEqual(idle.before);
      expect(await fixtures.snapshot(main.ns)).toEqual(main.before);
    },
    4 * WAIT_MS,
  );

  /** Waits until the suspension worker has finished the cap's (latest) resumption job. */
});
