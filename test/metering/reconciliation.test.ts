import { randomUUID } from 'node:crypto';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';
import { everyMinute, MeteringContext, newNamespace, pastHour } from '../support/metering-context';
import { PrometheusServer } from '../support/prometheus-server';

const HOUR_MS = 3_600_000;
// An hour the test Prometheus holds (recent enough for its backfill; see the harness).
const RECENT = new Date((Math.floor(Date.now() / HOUR_MS) - 6) * HOUR_MS);
const REFILLED = newNamespace('refill');
// Hours whose reads (±10 min) overlap no other fixture's series.
// A counter with a scrape gap, charged at first on the worker's half hour.
const COUNTER_HOUR = new Date(RECENT.getTime() - 2 * HOUR_MS);
const COUNTED = newNamespace('counted');
// A gauge with a scrape gap, settled from Prometheus itself.
const GAUGE_HOUR = new Date(RECENT.getTime() - 4 * HOUR_MS);
const GAUGED = newNamespace('gauged');
const GIB = 2 ** 30;
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status namespaces charged } }`;
const RECONCILE = `mutation ($from: DateTime!, $to: DateTime!) {
  reconcile(from: $from, to: $to) {
    id trigger status hoursChecked flaggedHours refilledSamples adjustments adjusted
    sourceMismatches ledgerMismatches findings { kind action namespace hour detail }
  }
}`;
const REPORTS = `query ($first: Int) { reconciliationReports(first: $first) { id status adjustments } }`;

interface Report {
  id: string;
  status: string;
  flaggedHours: number;
  adjustments: number;
  adjusted: string;
  sourceMismatches: number;
  ledgerMismatches: number;
  findings: { kind: string; action: string | null; namespace: string | null; detail: string }[];
}

describe('reconciliation through the gateway', () => {
  const suite = new GatewaySuite();
  const metering = MeteringContext.create();
  let finance: string;
  let tenantId: string;
  let walletId: string;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    prometheus = await PrometheusServer.start([
      // One core all hour long in REFILLED, as cAdvisor reports it.
      cpuCounter(REFILLED, RECENT),
      // One core in COUNTED, with no scrape from minute 35 to 45: the counter shows the use.
      cpuCounter(COUNTED, COUNTER_HOUR, (m) => m < 35 || m > 45),
      // 1 GiB in GAUGED, with no scrape from minute 20 to 34: nothing shows what it held.
      {
        name: 'container_memory_working_set_bytes',
        type: 'gauge',
        labels: { namespace: GAUGED, pod: `${GAUGED}-0`, container: 'app' },
        samples: minutesAround(GAUGE_HOUR, (m) => m < 20 || m > 34).map(([t]) => [t, GIB]),
      },
    ]);
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      PROMETHEUS_URL: prometheus.url,
      TALLY_SETTLEMENT_CATCH_UP_HOURS: '1',
      // A counter's gap is proven under the usage basis (under max it may hide minutes above
      // the request).
      TALLY_PROMETHEUS_QUERIES: '{"CPU":{"basis":"usage"}}',
    });
    finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
    ({ id: tenantId, walletId } = await suite.newTenant('Reconciled'));
  });
  afterAll(async () => {
    await metering.close();
    await suite.stop();
    await prometheus?.stop();
  });

  const workspace = (namespace = newNamespace('recon')) => suite.newWorkspace(tenantId, namespace);

  async function reconcile(hour: Date, token = finance) {
    return suite.gql<{ reconcile: Report }>(token, RECONCILE, {
      from: hour.toISOString(),
      to: new Date(hour.getTime() + HOUR_MS).toISOString(),
    });
  }

  async function walletEntries(key: string): Promise<string[]> {
    const { rows } = await metering.prisma.pool.query<{ amount: string }>(
      `SELECT e.amount_micros::text AS amount
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.idempotency_key = $1 AND e.wallet_id = $2`,
      [key, walletId],
    );
    return rows.map((row) => row.amount);
  }

  it('refills a short hour from Prometheus and posts the difference once', async () => {
    const ns = await workspace(REFILLED);
    // The worker saw only the first half hour (the scrape pipeline stalled, say).
    await metering.record(everyMinute(ns, 'CPU', RECENT, 60_000_000n, 30));
    await suite.admin(SETTLE, { hour: RECENT.toISOString() });
    expect(await walletEntries(`charge:${ns}:${RECENT.toISOString()}`)).toEqual(['-15000']);

    const report = (await reconcile(RECENT)).data!.reconcile;
    expect(report).toMatchObject({
      status: 'SUCCEEDED',
      flaggedHours: 1,
      refilledSamples: 30,
      adjustments: 1,
      adjusted: '0.015000',
    });
    expect(await walletEntries(`recon:${ns}:${RECENT.toISOString()}:1`)).toEqual(['-15000']);
  });

  it("charges a counter's scrape gap from the counter and clears the flag", async () => {
    const ns = await workspace(COUNTED);
    await metering.record(everyMinute(ns, 'CPU', COUNTER_HOUR, 60_000_000n, 30));
    await suite.admin(SETTLE, { hour: COUNTER_HOUR.toISOString() });
    expect(await walletEntries(`charge:${ns}:${COUNTER_HOUR.toISOString()}`)).toEqual(['-15000']);

    // The refill has the other half hour, the gap's minutes spread from the counter's increase.
    const report = (await reconcile(COUNTER_HOUR)).data!.reconcile;
    expect(report).toMatchObject({ flaggedHours: 1, adjustments: 1, adjusted: '0.015000' });
    expect(report.findings).toEqual([
      expect.objectContaining({ kind: 'adjustment', action: 'adjusted', namespace: ns }),
    ]);
    const again = (await reconcile(COUNTER_HOUR)).data!.reconcile;
    expect(again).toMatchObject({ flaggedHours: 0, adjustments: 0, findings: [] });
  });

  it("keeps a gauge's scrape gap flagged, charged on what was seen, run after run", async () => {
    const ns = await workspace(GAUGED);
    await suite.admin(SETTLE, { hour: GAUGE_HOUR.toISOString() });
    const charged = await walletEntries(`charge:${ns}:${GAUGE_HOUR.toISOString()}`);
    expect(charged).toHaveLength(1);

    for (let run = 0; run < 2; run++) {
      const result = await reconcile(GAUGE_HOUR);
      expect(result.errors).toBeUndefined();
      const report = result.data!.reconcile;
      expect(report).toMatchObject({ flaggedHours: 1, adjustments: 0, adjusted: '0.000000' });
      expect(report.findings).toEqual([
        expect.objectContaining({ kind: 'flagged_hour', action: 'kept_flagged', namespace: ns }),
      ]);
      expect(report.findings[0].detail).toMatch(/still flagged/);
    }
    expect(await walletEntries(`recon:${ns}:${GAUGE_HOUR.toISOString()}:1`)).toEqual([]);
  });

  it('charges the minutes that arrived late as one audited adjustment, once', async () => {
    const hour = pastHour();
    const ns = await workspace();
    // Half an hour of one core seen at settlement time: a short hour, charged 0.015.
    await metering.record(everyMinute(ns, 'CPU', hour, 60_000_000n, 30));
    await suite.admin(SETTLE, { hour: hour.toISOString() });
    expect(await walletEntries(`charge:${ns}:${hour.toISOString()}`)).toEqual(['-15000']);

    // The other half turns up later.
    const secondHalf = new Date(hour.getTime() + 30 * 60_000);
    await metering.record(everyMinute(ns, 'CPU', secondHalf, 60_000_000n, 30));
    const report = (await reconcile(hour)).data!.reconcile;
    expect(report).toMatchObject({
      status: 'SUCCEEDED',
      flaggedHours: 1,
      adjustments: 1,
      adjusted: '0.015000',
      ledgerMismatches: 0,
    });
    expect(report.findings.map((f) => [f.kind, f.action, f.namespace])).toEqual([
      ['adjustment', 'adjusted', ns],
    ]);
    expect(report.findings[0].detail).toMatch(/CPU \+0\.015/);
    const key = `recon:${ns}:${hour.toISOString()}:1`;
    expect(await walletEntries(key)).toEqual(['-15000']);
    const { rows } = await metering.prisma.pool.query<{
      kind: string;
      reason: string;
      usage_hour: Date;
    }>(
      'SELECT kind, reason, usage_hour FROM account.ledger_transactions WHERE idempotency_key = $1',
      [key],
    );
    expect(rows[0].kind).toBe('usage_adjustment');
    expect(rows[0].reason).toMatch(/^reconciliation: /);
    // For the hour it corrects: a statement charges it there, or as a prior-period line.
    expect(rows[0].usage_hour).toEqual(hour);

    // Reconciled once: a second run finds nothing to correct.
    const again = (await reconcile(hour)).data!.reconcile;
    expect(again).toMatchObject({ flaggedHours: 0, adjustments: 0, adjusted: '0.000000' });
  });

  it('reports where the cgroup agent and Prometheus disagree beyond the threshold', async () => {
    const hour = pastHour();
    const [close, apart] = [await workspace(), await workspace()];
    await metering.record([
      ...everyMinute(close, 'MEMORY', hour, 1_000_000n),
      ...everyMinute(apart, 'MEMORY', hour, 1_000_000n),
    ]);
    await metering.record(
      [
        ...everyMinute(close, 'MEMORY', hour, 1_020_000n), // 2 %: within the default 5 %
        ...everyMinute(apart, 'MEMORY', hour, 1_200_000n), // 20 %
      ],
      'agent',
    );
    await suite.admin(SETTLE, { hour: hour.toISOString() });
    const report = (await reconcile(hour)).data!.reconcile;
    expect(report.sourceMismatches).toBe(1);
    const mismatches = report.findings.filter((f) => f.kind === 'source_mismatch');
    expect(mismatches.map((f) => f.namespace)).toEqual([apart]);
    expect(mismatches[0].detail).toMatch(/^MEMORY: prometheus measured 60000000, agent 72000000/);
  });

  it('finds usage in a settled hour that has no charge', async () => {
    const hour = pastHour();
    const late = newNamespace('late');
    await metering.record(everyMinute(late, 'CPU', hour, 1_000_000n));
    await suite.admin(SETTLE, { hour: hour.toISOString() }); // no workspace yet: not charged
    await workspace(late);
    const report = (await reconcile(hour)).data!.reconcile;
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'missing_charge', namespace: late }),
    );
  });

  it('is for finance staff and platform admins, over whole hours, and keeps its reports', async () => {
    const hour = pastHour();
    const tenantOwner = suite.jwt(`someone-${randomUUID()}`);
    expect(outcome(await reconcile(hour, tenantOwner))).toBe('FORBIDDEN');
    const half = await suite.gql(finance, RECONCILE, {
      from: new Date(hour.getTime() + 60_000).toISOString(),
      to: new Date(hour.getTime() + HOUR_MS).toISOString(),
    });
    expect(outcome(half)).toBe('BAD_USER_INPUT');
    const ran = (await reconcile(hour)).data!.reconcile;
    const listed = await suite.gql<{ reconciliationReports: { id: string }[] }>(finance, REPORTS, {
      first: 50,
    });
    expect(listed.data!.reconciliationReports.map((r) => r.id)).toContain(ran.id);
    expect(outcome(await suite.gql(tenantOwner, REPORTS, { first: 5 }))).toBe('FORBIDDEN');
  });
});

/** `[unix seconds, minute]` of every whole minute from 10 before `hour` to 10 after it ends. */
function minutesAround(hour: Date, scraped: (minute: number) => boolean = () => true) {
  const points: [number, number][] = [];
  for (let m = -10; m <= 70; m++) if (scraped(m)) points.push([hour.getTime() / 1000 + m * 60, m]);
  return points;
}

/** One core used all along by `namespace`, as cAdvisor's counter reports it when scraped. */
function cpuCounter(namespace: string, hour: Date, scraped?: (minute: number) => boolean) {
  return {
    name: 'container_cpu_usage_seconds_total',
    type: 'counter' as const,
    labels: { namespace, pod: `${namespace}-0`, container: 'app' },
    samples: minutesAround(hour, scraped).map(([t, m]): [number, number] => [t, 500 + 60 * m]),
  };
}
