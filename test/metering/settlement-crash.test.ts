import { randomUUID } from 'node:crypto';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { everyMinute, MeteringContext, pastHour } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { BackfillSeries, PrometheusServer } from '../support/prometheus-server';

// 240 namespaces × 60 minutes: a resource's samples of an hour take two 10,000-sample chunks.
const NAMESPACES = 240;
const BATCH = '40'; // six posting batches per hour
const GIB = 2n ** 30n;
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status namespaces charged } }`;

/** Namespace i uses (i+1)/60 of a core and 1 GiB all hour: charged 500·(i+1) + 4,000 µ. */
const expectedCharge = (i: number) => 500n * BigInt(i + 1) + 4_000n;
const expectedTotal = Array.from({ length: NAMESPACES }, (_, i) => expectedCharge(i)).reduce(
  (a, b) => a + b,
);

const HOUR_MS = 3_600_000;
// Hours the test Prometheus holds, one per test that samples: backfilled hours must lie a few
// hours back (clear of its head block) and within its retention, so not pastHour()'s.
const SAMPLED_HOURS = Array.from(
  { length: 4 },
  (_, k) => new Date((Math.floor(Date.now() / HOUR_MS) - 5 - k) * HOUR_MS),
);

/**
 * What `usageFor` delivers, as cAdvisor series over every sampled hour: namespace i's CPU
 * counter climbs (i+1) core-seconds a minute, and its working set stays at 1 GiB.
 */
function usageSeries(namespaces: readonly string[]): BackfillSeries[] {
  const first = SAMPLED_HOURS[SAMPLED_HOURS.length - 1].getTime() / 1000 - 600;
  const last = SAMPLED_HOURS[0].getTime() / 1000 + 4200;
  const minutes = Array.from({ length: (last - first) / 60 + 1 }, (_, m) => m);
  return namespaces.flatMap((namespace, i) => {
    const labels = { namespace, pod: `${namespace}-0`, container: 'app' };
    return [
      {
        name: 'container_cpu_usage_seconds_total',
        type: 'counter' as const,
        labels,
        samples: minutes.map((m) => [first + m * 60, (i + 1) * m] as const),
      },
      {
        name: 'container_memory_working_set_bytes',
        type: 'gauge' as const,
        labels,
        samples: minutes.map((m) => [first + m * 60, Number(GIB)] as const),
      },
    ];
  });
}

/**
 * Exactly once under SIGKILL: the metering worker dies at a named point of settlement (or at
 * a random moment), is started again, and every namespace-hour ends up charged exactly once.
 * Runs on a database of its own so no other suite's worker helps settle its hours.
 */
describe('settlement survives SIGKILL at any point', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let prometheus: PrometheusServer;
  let walletId: string;
  const namespaces = Array.from(
    { length: NAMESPACES },
    (_, i) => `crash-${i}-${randomUUID().slice(0, 6)}`,
  );

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    prometheus = await PrometheusServer.start(usageSeries(namespaces));
    metering = MeteringContext.create(database.url);
    // The workers' own schedule finds no hour due, so a failpoint fires only in the
    // settlement a test asks for (or resumes after a crash).
    await metering.parkSettlementSchedule();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      TALLY_SETTLEMENT_BATCH_SIZE: BATCH,
      // Hours with delivered samples are not sampled; the others are sampled from here.
      PROMETHEUS_URL: prometheus.url,
    });
    const tenant = await suite.newTenant('Crashy');
    walletId = tenant.walletId;
    await metering.prisma.pool.query(
      `INSERT INTO account.workspaces (id, namespace, tenant_id, wallet_id)
       SELECT gen_random_uuid(), ns, $2, $3 FROM unnest($1::text[]) ns`,
      [namespaces, tenant.id, walletId],
    );
  });
  afterAll(async () => {
    await metering.close();
    await suite.stop();
    await prometheus?.stop();
    await database.drop();
  });

  async function usageFor(hour: Date): Promise<void> {
    await metering.record(
      namespaces.flatMap((ns, i) => [
        ...everyMinute(ns, 'CPU', hour, 1_000_000n * BigInt(i + 1)),
        ...everyMinute(ns, 'MEMORY', hour, GIB * 60n),
      ]),
    );
  }

  /** Asks for settlement and returns once the worker is dead (the reply never comes). */
  async function settleUntilKilled(hour: Date, killAfterMs?: number): Promise<void> {
    const worker = suite.cluster.apps.get('metering')!.child;
    const died = new Promise<NodeJS.Signals | null>((resolve) =>
      worker.once('exit', (_code, signal) => resolve(signal)),
    );
    const request = fetch(`${suite.cluster.url('gateway')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${suite.adminKey}` },
      body: JSON.stringify({ query: SETTLE, variables: { hour: hour.toISOString() } }),
      signal: AbortSignal.timeout(30_000),
    }).catch(() => undefined);
    if (killAfterMs !== undefined) setTimeout(() => worker.kill('SIGKILL'), killAfterMs);
    expect(await died).toBe('SIGKILL');
    void request;
  }

  async function postedAt(hour: Date): Promise<Date | null> {
    const { rows } = await metering.prisma.pool.query<{ posted_at: Date | null }>(
      'SELECT posted_at FROM metering.settled_hours WHERE hour = $1',
      [hour],
    );
    return rows[0]?.posted_at ?? null;
  }

  async function chargesOf(hour: Date): Promise<Map<string, bigint[]>> {
    const { rows } = await metering.prisma.pool.query<{ key: string; amount: string }>(
      `SELECT t.idempotency_key AS key, e.amount_micros::text AS amount
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.idempotency_key LIKE 'charge:%:' || $1 AND e.wallet_id IS NOT NULL`,
      [hour.toISOString()],
    );
    const charges = new Map<string, bigint[]>();
    for (const row of rows)
      charges.set(row.key, [...(charges.get(row.key) ?? []), -BigInt(row.amount)]);
    return charges;
  }

  async function balance(): Promise<bigint> {
    const { rows } = await metering.prisma.pool.query<{ balance: string }>(
      'SELECT balance_micros::text AS balance FROM account.wallets WHERE id = $1',
      [walletId],
    );
    return BigInt(rows[0].balance);
  }

  it.each([
    ['after the charges are frozen, before any is posted', 'settlement.after-freeze'],
    ['after the first batch is posted, before it is marked', 'settlement.after-post'],
    ['after the fourth batch is posted, before it is marked', 'settlement.after-post@4'],
    ['after the sixth and last batch is posted, before the hour is', 'settlement.after-post@6'],
  ])('killed %s: resumed at start-up, charged once', async (_when, failpoint) => {
    const hour = pastHour();
    await usageFor(hour);
    const before = await balance();
    await suite.cluster.restart('metering', { TALLY_FAILPOINTS: failpoint });
    await settleUntilKilled(hour);
    expect(await postedAt(hour)).toBeNull();

    // Started again, the worker finishes the half-posted hour by itself.
    await suite.cluster.restart('metering');
    await waitFor(
      'the hour posted after restart',
      async () => (await postedAt(hour)) ?? undefined,
      30_000,
    );
    const rerun = await suite.admin<{ settleHour: { status: string; namespaces: number } }>(
      SETTLE,
      {
        hour: hour.toISOString(),
      },
    );
    expect(rerun.data!.settleHour).toMatchObject({ status: 'SUCCEEDED', namespaces: 0 });

    const charges = await chargesOf(hour);
    expect(charges.size).toBe(NAMESPACES);
    namespaces.forEach((ns, i) =>
      expect(charges.get(`charge:${ns}:${hour.toISOString()}`)).toEqual([expectedCharge(i)]),
    );
    expect(before - (await balance())).toBe(expectedTotal);
  });

  it.each([30, 120, 250, 400])(
    'killed at a random moment (%i ms in): a rerun charges once',
    async (killAfterMs) => {
      const hour = pastHour();
      await usageFor(hour);
      const before = await balance();
      await suite.cluster.restart('metering');
      await settleUntilKilled(hour, killAfterMs);
      await suite.cluster.restart('metering');
      const rerun = await suite.admin<{ settleHour: { status: string } }>(SETTLE, {
        hour: hour.toISOString(),
      });
      expect(rerun.data!.settleHour.status).toBe('SUCCEEDED');
      const charges = await chargesOf(hour);
      expect([...charges.values()].every((amounts) => amounts.length === 1)).toBe(true);
      expect(charges.size).toBe(NAMESPACES);
      expect(before - (await balance())).toBe(expectedTotal);
      const { rows } = await metering.prisma.pool.query<{ status: string }>(
        'SELECT status FROM metering.settlement_runs WHERE hour = $1',
        [hour],
      );
      expect(rows.filter((run) => run.status === 'RUNNING')).toEqual([]);
    },
  );

  /** Per resource, how many namespaces hold how many minute samples of the hour. */
  async function storedUsage(hour: Date): Promise<Record<string, string>> {
    const { rows } = await metering.prisma.pool.query<{ resource: string; shape: string }>(
      `SELECT resource, count(*) || ' namespaces × ' || string_agg(DISTINCT sample_count::text, '/')
                        || ' minutes' AS shape
         FROM metering.usage_hourly WHERE source = 'prometheus' AND hour = $1
        GROUP BY resource`,
      [hour],
    );
    return Object.fromEntries(rows.map((row) => [row.resource, row.shape]));
  }

  async function settle(hour: Date) {
    const reply = await suite.admin<{ settleHour: { status: string; namespaces: number } }>(
      SETTLE,
      { hour: hour.toISOString() },
    );
    return reply.data!.settleHour;
  }

  async function expectChargedOnce(hour: Date): Promise<void> {
    const charges = await chargesOf(hour);
    expect(charges.size).toBe(NAMESPACES);
    namespaces.forEach((ns, i) =>
      expect(charges.get(`charge:${ns}:${hour.toISOString()}`)).toEqual([expectedCharge(i)]),
    );
  }

  const wholeHour = { CPU: `${NAMESPACES} namespaces × 60 minutes` };
  const wholeHourOfBoth = { ...wholeHour, MEMORY: `${NAMESPACES} namespaces × 60 minutes` };

  it('sampled from Prometheus without a crash: the total the killed runs must reach', async () => {
    const hour = SAMPLED_HOURS[0];
    const before = await balance();
    await suite.cluster.restart('metering');
    expect(await settle(hour)).toMatchObject({ status: 'SUCCEEDED', namespaces: NAMESPACES });
    expect(await storedUsage(hour)).toEqual(wholeHourOfBoth);
    await expectChargedOnce(hour);
    expect(before - (await balance())).toBe(expectedTotal);
  });

  // CPU is sampled first, then MEMORY, then the four resources the fixture has no series of.
  it.each([
    ['after the first chunk of the first resource', 'sampling.after-chunk', 1, {}],
    ['mid second resource, after its first chunk', 'sampling.after-chunk@3', 2, wholeHour],
    ['after the whole first resource', 'sampling.after-resource', 3, wholeHour],
  ])(
    'killed while sampling %s: each resource is all or nothing, a rerun charges in full',
    async (_when, failpoint, hourIndex, storedWhenKilled) => {
      const hour = SAMPLED_HOURS[hourIndex];
      const before = await balance();
      await suite.cluster.restart('metering', { TALLY_FAILPOINTS: failpoint });
      await settleUntilKilled(hour);
      const killedWith = await storedUsage(hour);

      await suite.cluster.restart('metering');
      expect(await settle(hour)).toMatchObject({ status: 'SUCCEEDED', namespaces: NAMESPACES });
      await expectChargedOnce(hour);
      const charged = before - (await balance());
      expect(charged).toBe(expectedTotal);

      // A third settlement finds everything charged and changes nothing.
      expect(await settle(hour)).toMatchObject({ status: 'SUCCEEDED', namespaces: 0 });
      expect(before - (await balance())).toBe(charged);
      await expectChargedOnce(hour);
      expect(await storedUsage(hour)).toEqual(wholeHourOfBoth);
      // What the kill left: whole resources only (checked last, so a loss shows as money first).
      expect(killedWith).toEqual(storedWhenKilled);
    },
  );
});
