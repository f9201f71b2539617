import { randomUUID } from 'node:crypto';
import { GatewaySuite } from '../support/gateway-suite';
import { MeteringContext } from '../support/metering-context';
import { BackfillSeries, PrometheusServer } from '../support/prometheus-server';

const HOUR_MS = 3_600_000;
const GIB = 2 ** 30;
// Inside the test Prometheus's backfilled range and clear of its head block (see the harness).
const HOUR = new Date((Math.floor(Date.now() / HOUR_MS) - 5) * HOUR_MS);
const H = HOUR.getTime() / 1000;
const id = randomUUID().slice(0, 6);
const [web, batch, store, gappy] = [`web-${id}`, `batch-${id}`, `store-${id}`, `gappy-${id}`];

/** A series with a point on every whole minute from H - 10 min to H + 70 min (or `undefined`). */
function series(
  name: string,
  type: BackfillSeries['type'],
  labels: Record<string, string>,
  value: (minute: number) => number | undefined,
): BackfillSeries {
  const samples: [number, number][] = [];
  for (let m = -10; m <= 70; m++) {
    const v = value(m);
    if (v !== undefined) samples.push([H + m * 60, v]);
  }
  return { name, type, labels, samples };
}
const container = (namespace: string) => ({ namespace, pod: `${namespace}-0`, container: 'app' });
const request = (namespace: string, resource: string, unit: string, value: number) =>
  series(
    'kube_pod_container_resource_requests',
    'gauge',
    { ...container(namespace), resource, unit },
    () => value,
  );

// An exact, known hour of cAdvisor and kube-state-metrics series for three namespaces.
const FIXTURE: BackfillSeries[] = [
  // web: uses half a core against a one-core request (billed: the request), 1 GiB against a
  // 512 MiB request (billed: the usage), and sends 1 GiB a minute.
  series('container_cpu_usage_seconds_total', 'counter', container(web), (m) => 900 + 30 * m),
  request(web, 'cpu', 'core', 1),
  // Requests count while the pod runs (kube-state-metrics keeps finished pods' requests).
  series(
    'kube_pod_status_phase',
    'gauge',
    { namespace: web, pod: `${web}-0`, phase: 'Running' },
    () => 1,
  ),
  series(
    'kube_pod_status_phase',
    'gauge',
    { namespace: store, pod: `${store}-0`, phase: 'Running' },
    () => 1,
  ),
  series('container_memory_working_set_bytes', 'gauge', container(web), () => GIB),
  request(web, 'memory', 'byte', GIB / 2),
  series(
    'container_network_transmit_bytes_total',
    'counter',
    { namespace: web, pod: `${web}-0`, interface: 'eth0' },
    (m) => 10 * GIB + GIB * m,
  ),
  // batch: two cores, and its container restarts between H+29 and H+30 (12 s counted by H+30).
  series('container_cpu_usage_seconds_total', 'counter', container(batch), (m) =>
    m < 30 ? 8000 + 120 * m : 12 + 120 * (m - 30),
  ),
  // store: a 10 GiB claim, one NodePort service, one GPU requested.
  series(
    'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    'gauge',
    { namespace: store, persistentvolumeclaim: 'data' },
    () => 10 * GIB,
  ),
  series(
    'kube_service_spec_type',
    'gauge',
    { namespace: store, service: 'ingress', type: 'NodePort' },
    () => 1,
  ),
  request(store, 'nvidia_com_gpu', 'integer', 1),
  // gappy: the kubelet was not scraped at H+20..H+29. One core used against a quarter-core
  // request, 1 GiB against 512 MiB; kube-state-metrics (the requests) kept being scraped.
  series('container_cpu_usage_seconds_total', 'counter', container(gappy), (m) =>
    m >= 20 && m < 30 ? undefined : 60 * m + 6000,
  ),
  series('container_memory_working_set_bytes', 'gauge', container(gappy), (m) =>
    m >= 20 && m < 30 ? undefined : GIB,
  ),
  request(gappy, 'cpu', 'core', 0.25),
  request(gappy, 'memory', 'byte', GIB / 2),
  series(
    'kube_pod_status_phase',
    'gauge',
    { namespace: gappy, pod: `${gappy}-0`, phase: 'Running' },
    () => 1,
  ),
];

/**
 * Settlement from a real Prometheus: settleHour samples the hour by range queries (no minute
 * samples were delivered for it), and the exact micro-unit charges land in the ledger.
 */
describe('settling an hour sampled from Prometheus', () => {
  const suite = new GatewaySuite();
  const metering = MeteringContext.create();
  let prometheus: PrometheusServer;
  let owner: string;

  beforeAll(async () => {
    prometheus = await PrometheusServer.start(FIXTURE);
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      PROMETHEUS_URL: prometheus.url,
      // Only this test settles its hour: the worker's own catch-up stays on the last hour.
      TALLY_SETTLEMENT_CATCH_UP_HOURS: '1',
    });
    const tenant = await suite.newTenant('Sampled');
    owner = tenant.owner;
    for (const namespace of [web, batch, store, gappy])
      await suite.newWorkspace(tenant.id, namespace);
  }, 60_000);
  afterAll(async () => {
    await metering.close();
    await suite.stop();
    await prometheus?.stop();
  });

  async function entries(namespace: string): Promise<Record<string, string>> {
    const { rows } = await metering.prisma.pool.query<{ account: string; amount: string }>(
      `SELECT CASE WHEN e.wallet_id IS NULL THEN e.account ELSE 'wallet' END AS account,
              e.amount_micros::text AS amount
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.idempotency_key = $1`,
      [`charge:${namespace}:${HOUR.toISOString()}`],
    );
    return Object.fromEntries(rows.map((row) => [row.account, row.amount]));
  }

  it('posts exactly the charges the hour of series comes to', async () => {
    const reply = await suite.admin<{ settleHour: { status: string } }>(
      `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }`,
      { hour: HOUR.toISOString() },
    );
    expect(reply.data!.settleHour.status).toBe('SUCCEEDED');

    // web: 1 core-hour × 0.03, 1 GiB-hour × 0.004, 60 GiB × 0.08.
    expect(await entries(web)).toEqual({
      wallet: '-4834000',
      'system:revenue:cpu': '30000',
      'system:revenue:memory': '4000',
      'system:revenue:network_egress': '4800000',
    });
    // batch: 59 minutes of 120 core-s and 12 core-s in the minute of the restart = 7,092 core-s.
    expect(await entries(batch)).toEqual({ wallet: '-59100', 'system:revenue:cpu': '59100' });
    // store: 10 GiB-hours × 0.0001, one port-hour × 0.001, one GPU-hour × 0.90.
    expect(await entries(store)).toEqual({
      wallet: '-902000',
      'system:revenue:storage': '1000',
      'system:revenue:nodeport': '1000',
      'system:revenue:gpu': '900000',
    });

    const usage = await suite.gql<{
      workspace: { usage: { resource: string; quantity: string }[] };
    }>(
      owner,
      `query ($ns: String!, $from: DateTime!, $to: DateTime!) {
        workspace(namespace: $ns) { usage(from: $from, to: $to) { resource quantity } } }`,
      { ns: web, from: HOUR.toISOString(), to: new Date(HOUR.getTime() + HOUR_MS).toISOString() },
    );
    expect(usage.data!.workspace.usage).toEqual(
      expect.arrayContaining([
        { resource: 'CPU', quantity: '1.000000' },
        { resource: 'MEMORY', quantity: '1.000000' },
        { resource: 'NETWORK_EGRESS', quantity: '60.000000' },
      ]),
    );
  });

  // Runs after the test above has settled the hour.
  it('flags a scrape gap under max(request, usage) and charges the usage the counter proves', async () => {
    // CPU: H+19's point holds one scrape interval (the 90 s lookback) and makes the point at
    // H+20, so minute 19 used nothing and is billed its request (15 core-s); over H+20..H+30
    // the counter rose 660 core-s: 66 core-s a minute, above the request. 49 minutes × 60 +
    // 15 + 660 = 3,615 core-s × 0.03 / 3,600 = 0.030125. Memory: 51 minutes of 1 GiB (H+20
    // holds H+19's point) and 9 unread minutes billed their 512 MiB request = 0.925 GiB-hours.
    expect(await entries(gappy)).toEqual({
      wallet: '-33825',
      'system:revenue:cpu': '30125',
      'system:revenue:memory': '3700',
    });
    const { rows: flags } = await metering.prisma.pool.query<{
      namespace: string;
      short_hour: boolean;
    }>(
      `SELECT namespace, short_hour FROM metering.usage_charges WHERE hour = $1 AND namespace = ANY ($2)
        ORDER BY namespace`,
      [HOUR, [web, gappy]],
    );
    expect(flags).toEqual([
      { namespace: gappy, short_hour: true },
      { namespace: web, short_hour: false },
    ]);
    const { rows: gaps } = await metering.prisma.pool.query<{
      resource: string;
      from: string;
      to: string;
      proven: boolean;
    }>(
      `SELECT resource, extract(epoch FROM from_minute - hour) / 60 || '' AS from,
              extract(epoch FROM to_minute - hour) / 60 || '' AS to, proven
         FROM metering.usage_gaps WHERE hour = $1 AND namespace = $2 ORDER BY resource`,
      [HOUR, gappy],
    );
    expect(gaps.map((g) => [g.resource, Number(g.from), Number(g.to), g.proven])).toEqual([
      ['CPU', 20, 30, false],
      ['MEMORY', 21, 30, false],
    ]);
  });
});
