import { randomUUID } from 'node:crypto';
import { defaultTransportPrefix } from '@tally/config';
import { METERING } from '@tally/metering/peers/metering-principal';
import { parseWireMicros, toWireMicros } from '@tally/money';
import { Metrics } from '@tally/observability';
import { RpcClient, type LiveWalletView } from '@tally/transport';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { everyMinute, MeteringContext, newNamespace } from '../support/metering-context';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const GIB = 2n ** 30n;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status charged } }`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const LIVE = `query ($id: ID!, $ns: String!) {
  wallet(id: $id) { balance pendingCharges availableBalance spendRate runsOutAt pendingThrough }
  workspace(namespace: $ns) { pendingCharges }
}`;

/**
 * A recent hour of each test's own, two hours apart so no test's accrual (an hour and the one
 * before) reaches another's, and well inside settlement's catch-up window.
 */
let hoursTaken = 0;
function recentHour(): Date {
  hoursTaken += 1;
  return new Date((Math.floor(Date.now() / HOUR_MS) - 1 - 2 * hoursTaken) * HOUR_MS);
}

const after = (hour: Date, minutes: number) => new Date(hour.getTime() + minutes * MINUTE_MS);

/**
 * Pending usage, live to the minute: accrued from the minute samples, priced with the book in
 * force, and handed over to the hour's charge exactly when the hour is settled, crash or not.
 * Runs on a database of its own with a posted hour in the far future, so the workers' own
 * schedule settles none of the test's hours: each test settles its own when it says so.
 */
describe('pending usage', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let rpc: RpcClient;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    await metering.parkSettlementSchedule();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      // No Prometheus: an hour nobody delivered samples for cannot be read.
      PROMETHEUS_URL: 'http://127.0.0.1:9',
    });
    rpc = new RpcClient(
      { redisUrl: suite.redisUrl, prefix: defaultTransportPrefix(database.url), timeoutMs: 10_000 },
      new Metrics(),
    );
  });
  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await metering?.close();
    await suite.stop();
    await database?.drop();
  });

  /** A tenant of the test's own with one workspace: its wallet's figures are the test's alone. */
  async function payer(): Promise<{ walletId: string; ns: string }> {
    const tenant = await suite.newTenant('Live');
    const ns = await suite.newWorkspace(tenant.id, newNamespace('live'));
    return { walletId: tenant.walletId, ns };
  }

  /** What the minute job does, as of `at`. */
  async function accrue(at: Date) {
    return rpc.send('metering.pending.accrue', {
      principal: METERING,
      input: { at: at.toISOString() },
    });
  }

  async function live(walletId: string): Promise<LiveWalletView> {
    const [view] = await rpc.send('account.wallets.live', {
      principal: METERING,
      input: { ids: [walletId] },
    });
    return view;
  }

  const micros = (view: LiveWalletView) => ({
    balance: parseWireMicros(view.wallet.balanceMicros),
    pending: parseWireMicros(view.pendingMicros),
    available: parseWireMicros(view.availableMicros),
  });

  async function settle(hour: Date) {
    const reply = await suite.admin<{ settleHour: { status: string; charged: string } }>(SETTLE, {
      hour: hour.toISOString(),
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.settleHour;
  }

  it("prices an hour's usage so far and hands it over to the charge exactly, late samples included", async () => {
    const hour = recentHour();
    const { walletId, ns } = await payer();
    const start = micros(await live(walletId));

    // One core for the first half hour: 0.5 core-hour at 0.03 = 0.015.
    await metering.record(everyMinute(ns, 'CPU', hour, CORE_MINUTE, 30));
    // The hour before has no delivered samples, so it would be read from Prometheus, which is
    // down: it keeps its figures (none) and says why, and this hour is accrued all the same.
    expect(await accrue(after(hour, 30))).toEqual({
      hours: [hour.toISOString()],
      unavailable: [
        {
          hour: new Date(hour.getTime() - HOUR_MS).toISOString(),
          reason: expect.stringContaining('Prometheus query failed') as unknown,
        },
      ],
      namespaces: 1,
    });
    const halfway = await live(walletId);
    expect(micros(halfway)).toEqual({
      balance: start.balance,
      pending: 15_000n,
      available: start.balance - 15_000n,
    });
    expect(halfway.pendingThrough).toBe(after(hour, 30).toISOString());

    // The second half hour and a GiB all hour arrive late, after the hour has ended: the next
    // minute's accrual (the hour before is still open) counts them, and once more changes nothing.
    await metering.record([
      ...everyMinute(ns, 'CPU', after(hour, 30), CORE_MINUTE, 30),
      ...everyMinute(ns, 'MEMORY', hour, GIB * 60n),
    ]);
    await accrue(after(hour, 61));
    await accrue(after(hour, 62));
    const beforeSettlement = micros(await live(walletId));
    expect(beforeSettlement.pending).toBe(34_000n);

    // Settled: the pending part becomes the charge, to the micro-unit; available does not move.
    expect(await settle(hour)).toEqual({ status: 'SUCCEEDED', charged: '0.034000' });
    expect(micros(await live(walletId))).toEqual({
      balance: start.balance - 34_000n,
      pending: 0n,
      available: beforeSettlement.available,
    });

    // A sample of a settled hour is reconciliation's: pending usage never counts it again.
    await metering.record(everyMinute(ns, 'GPU', hour, 60n, 1));
    await accrue(after(hour, 63));
    expect(micros(await live(walletId)).pending).toBe(0n);

    // Nor does an estimate a minute job computed before the hour was frozen and published
    // after: neither for this wallet (its hour is posted) nor for one the hour charged nothing.
    const idle = await payer();
    await rpc.send('account.pending.replaceOpenHour', {
      principal: METERING,
      input: {
        hour: hour.toISOString(),
        wallets: [walletId, idle.walletId].map((id) => ({
          walletId: id,
          amountMicros: toWireMicros(34_000n),
          throughMinute: after(hour, 60).toISOString(),
        })),
        dropOpenBefore: new Date(hour.getTime() - 72 * HOUR_MS).toISOString(),
      },
    });
    expect(micros(await live(walletId)).pending).toBe(0n);
    expect(micros(await live(idle.walletId)).pending).toBe(0n);
  });

  it('stops growing when samples stop (never extrapolated), and says how far it goes', async () => {
    const hour = recentHour();
    const { walletId, ns } = await payer();
    // Ten minutes of one core, then nothing: 10/60 core-hour = 0.005.
    await metering.record(everyMinute(ns, 'CPU', hour, CORE_MINUTE, 10));
    await accrue(after(hour, 20));
    await accrue(after(hour, 45));
    const view = await live(walletId);
    expect(micros(view).pending).toBe(5_000n);
    expect(view.pendingThrough).toBe(after(hour, 10).toISOString());
  });

  it.each([
    ['after the charges are frozen, before any is posted', 'settlement.after-freeze', false],
    ['after the charge is posted, before the hour is marked posted', 'settlement.after-post', true],
  ])(
    'killed %s: the charge counts once, as pending or in the balance, never both',
    async (_when, failpoint, posted) => {
      const hour = recentHour();
      const { walletId, ns } = await payer();
      // One core all hour: 0.03.
      await metering.record(everyMinute(ns, 'CPU', hour, CORE_MINUTE));
      await accrue(after(hour, 61));
      const before = micros(await live(walletId));
      expect(before.pending).toBe(30_000n);

      await suite.cluster.restart('metering', { TALLY_FAILPOINTS: failpoint });
      const worker = suite.cluster.apps.get('metering')!.child;
      const died = new Promise((resolve) =>
        worker.once('exit', (_code, signal) => resolve(signal)),
      );
      void suite.admin(SETTLE, { hour: hour.toISOString() }).catch(() => undefined);
      expect(await died).toBe('SIGKILL');

      // The worker is dead mid-settlement; the account service answers the figures as ever.
      expect(micros(await live(walletId))).toEqual({
        balance: posted ? before.balance - 30_000n : before.balance,
        pending: posted ? 0n : 30_000n,
        available: before.available,
      });

      // Started again, it finishes the hour by itself: the charge is in the balance, once.
      await suite.cluster.restart('metering');
      const settled = await settle(hour);
      expect(settled.status).toBe('SUCCEEDED');
      expect(micros(await live(walletId))).toEqual({
        balance: before.balance - before.pending,
        pending: 0n,
        available: before.available,
      });
    },
  );

  it("killed with some of a wallet's charges posted and some not: each counts once, as pending or in the balance", async () => {
    const hour = recentHour();
    const tenant = await suite.newTenant('Live');
    // Three workspaces of one wallet, one core each for 20, 40 and 60 minutes.
    const namespaces = [];
    for (const minutes of [20, 40, 60]) {
      const ns = await suite.newWorkspace(tenant.id, newNamespace('live'));
      await metering.record(everyMinute(ns, 'CPU', hour, CORE_MINUTE, minutes));
      namespaces.push(ns);
    }
    await accrue(after(hour, 61));
    const before = micros(await live(tenant.walletId));
    expect(before.pending).toBe(60_000n);

    // A charge a batch, two batches in flight: killed once the first has been posted, at
    // most two of the three are in the ledger.
    await suite.cluster.restart('metering', {
      TALLY_FAILPOINTS: 'settlement.after-post',
      TALLY_SETTLEMENT_BATCH_SIZE: '1',
    });
    const worker = suite.cluster.apps.get('metering')!.child;
    const died = new Promise((resolve) => worker.once('exit', (_code, signal) => resolve(signal)));
    void suite.admin(SETTLE, { hour: hour.toISOString() }).catch(() => undefined);
    expect(await died).toBe('SIGKILL');

    const inTheCrash = micros(await live(tenant.walletId));
    const charged = before.balance - inTheCrash.balance;
    expect([10_000n, 20_000n, 30_000n, 40_000n, 50_000n]).toContain(charged);
    expect(inTheCrash).toEqual({
      balance: before.balance - charged,
      pending: before.pending - charged,
      available: before.available,
    });

    await suite.cluster.restart('metering');
    expect((await settle(hour)).status).toBe('SUCCEEDED');
    expect(micros(await live(tenant.walletId))).toEqual({
      balance: before.balance - before.pending,
      pending: 0n,
      available: before.available,
    });
  });

  it("answers a wallet's and a workspace's figures through GraphQL to whoever may read the balance", async () => {
    const hour = recentHour();
    const tenant = await suite.newTenant('Live');
    const ns = await suite.newWorkspace(tenant.id, newNamespace('live'));
    await suite.admin(ADJUST, {
      input: {
        walletId: tenant.walletId,
        amount: '1',
        reason: 'prepaid',
        idempotencyKey: randomUUID(),
      },
    });
    await metering.record(everyMinute(ns, 'CPU', hour, CORE_MINUTE, 30));
    await accrue(after(hour, 30));

    const seen = await suite.gql(tenant.owner, LIVE, { id: tenant.walletId, ns });
    expect(seen.errors).toBeUndefined();
    // The hour is hours old: nothing was spent in the last hour of minutes, so no run-out time.
    expect(seen.data).toEqual({
      wallet: {
        balance: '1.000000',
        pendingCharges: '0.015000',
        availableBalance: '0.985000',
        spendRate: '0.000000',
        runsOutAt: null,
        pendingThrough: after(hour, 30).toISOString(),
      },
      workspace: { pendingCharges: '0.015000' },
    });

    const stranger = suite.jwt(`stranger-${randomUUID()}`);
    const hidden = await suite.gql(stranger, LIVE, { id: tenant.walletId, ns });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ wallet: null, workspace: null });
  });
});
