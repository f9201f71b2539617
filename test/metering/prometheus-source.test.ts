import { Resource } from '@prisma/client';
import { PrometheusClient } from '@tally/metering/sources/prometheus/prometheus-client';
import {
  BillingBasis,
  resolvePrometheusQueries,
} from '@tally/metering/sources/prometheus/prometheus-queries';
import { PrometheusSource } from '@tally/metering/sources/prometheus/prometheus-source';
import { MinuteSample } from '@tally/metering/usage/usage-sample';
import { BackfillSeries, PrometheusServer } from '../support/prometheus-server';

const HOUR_MS = 3_600_000;
const GiB = 2 ** 30;
// A whole hour far enough in the past that its backfilled block sits clear of the head block,
// and well inside retention.
const HOUR = new Date((Math.floor(Date.now() / HOUR_MS) - 4) * HOUR_MS);
const H = HOUR.getTime() / 1000;

/** Samples on whole minutes from H - 10 min to H + 70 min; `value(i)` at H + i min, or skip. */
function series(
  name: string,
  type: BackfillSeries['type'],
  labels: Record<string, string>,
  value: (minute: number) => number | undefined,
): BackfillSeries {
  const samples: [number, number][] = [];
  for (let minute = -10; minute <= 70; minute++) {
    const v = value(minute);
    if (v !== undefined) samples.push([H + minute * 60, v]);
  }
  return { name, type, labels, samples };
}

const cpu = (namespace: string, container: string, value: (m: number) => number | undefined) =>
  series(
    'container_cpu_usage_seconds_total',
    'counter',
    { namespace, pod: `${namespace}-0`, container },
    value,
  );
const memory = (namespace: string, value: (m: number) => number | undefined) =>
  series(
    'container_memory_working_set_bytes',
    'gauge',
    { namespace, pod: `${namespace}-0`, container: 'app' },
    value,
  );
const requests = (namespace: string, container: string, resource: string, value: number) =>
  series(
    'kube_pod_container_resource_requests',
    'gauge',
    { namespace, pod: `${namespace}-0`, container, resource, unit: 'core' },
    () => value,
  );

const phase = (namespace: string, pod: string, current: string) =>
  ['Pending', 'Running', 'Succeeded'].map((name) =>
    series('kube_pod_status_phase', 'gauge', { namespace, pod, phase: name }, () =>
      name === current ? 1 : 0,
    ),
  );

const FIXTURE: BackfillSeries[] = [
  ...phase('steady', 'steady-0', 'Running'),
  ...phase('gpu', 'gpu-0', 'Running'),
  // A Job's pod that completed: kube-state-metrics still exports its requests.
  ...phase('steady', 'job-1', 'Succeeded'),
  series(
    'kube_pod_container_resource_requests',
    'gauge',
    { namespace: 'steady', pod: 'job-1', container: 'job', resource: 'cpu', unit: 'core' },
    () => 4,
  ),
  // steady: 0.5 core used (30 core-s a minute) against a 0.25 core request; a sidecar uses
  // 0.1 core against a 1 core request.
  cpu('steady', 'app', (m) => 1000 + 30 * m),
  cpu('steady', 'sidecar', (m) => 50 + 6 * m),
  requests('steady', 'app', 'cpu', 0.25),
  requests('steady', 'sidecar', 'cpu', 1),
  // restarted: 0.5 core; the container restarts between H+29 and H+30 and has counted 12 s
  // by H+30.
  cpu('restarted', 'app', (m) => (m < 30 ? 5000 + 30 * m : 12 + 30 * (m - 30))),
  // overlap: a restart where the old container's series (id a) runs until H+30 and the new
  // one's (id b) starts at H+29, as cAdvisor reports them: two series of one container.
  series(
    'container_cpu_usage_seconds_total',
    'counter',
    { namespace: 'overlap', pod: 'overlap-0', container: 'app', id: 'a' },
    (m) => (m <= 30 ? 5000 + 30 * m : undefined),
  ),
  series(
    'container_cpu_usage_seconds_total',
    'counter',
    { namespace: 'overlap', pod: 'overlap-0', container: 'app', id: 'b' },
    (m) => (m >= 29 ? 6 + 30 * (m - 29) : undefined),
  ),
  // gappy: no samples at H+10..H+19 (CPU and memory).
  cpu('gappy', 'app', (m) => (m >= 10 && m < 20 ? undefined : 60 * m + 600)),
  memory('gappy', (m) => (m >= 10 && m < 20 ? undefined : GiB)),
  // step: 1 GiB, 2 GiB from H+30 (mid-hour).
  memory('step', (m) => (m < 30 ? GiB : 2 * GiB)),
  // boundary: 10 GiB before H, 20 GiB from exactly H, 50 GiB from exactly H+60.
  memory('boundary', (m) => (m < 0 ? 10 * GiB : m < 60 ? 20 * GiB : 50 * GiB)),
  series(
    'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    'gauge',
    { namespace: 'boundary', persistentvolumeclaim: 'data' },
    (m) => (m < 0 ? 10 * GiB : m < 60 ? 20 * GiB : 50 * GiB),
  ),
  requests('gpu', 'trainer', 'nvidia_com_gpu', 2),
  ...['web', 'admin'].map((service) =>
    series(
      'kube_service_spec_type',
      'gauge',
      { namespace: 'ports', service, type: 'NodePort' },
      () => 1,
    ),
  ),
  // egress: 1 MiB a minute; the counter resets between H+44 and H+45 and reads 4096 at H+45.
  series(
    'container_network_transmit_bytes_total',
    'counter',
    { namespace: 'egress', pod: 'egress-0', interface: 'eth0' },
    (m) => (m < 45 ? 2 ** 20 * (m + 100) : 4096 + 2 ** 20 * (m - 45)),
  ),
];

function sourceWith(server: PrometheusServer, cpuBasis: BillingBasis = 'max') {
  const queries = resolvePrometheusQueries('nvidia.com/gpu', {
    CPU: { basis: cpuBasis },
    MEMORY: { basis: 'usage' },
  });
  return new PrometheusSource(new PrometheusClient(server.url), queries);
}

function pick(samples: MinuteSample[], namespace: string, resource: Resource) {
  const mine = samples.filter((s) => s.namespace === namespace && s.resource === resource);
  return {
    count: mine.length,
    total: mine.reduce((sum, s) => sum + s.quantity, 0n),
    at: (minute: number) =>
      mine.find((s) => s.minute.getTime() === HOUR.getTime() + minute * 60_000)?.quantity,
  };
}

describe('PrometheusSource against a real Prometheus', () => {
  let server: PrometheusServer;
  let samples: MinuteSample[];

  beforeAll(async () => {
    server = await PrometheusServer.start(FIXTURE);
    samples = (await sourceWith(server).readHour(HOUR)).samples;
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('gives every sample a whole minute inside the hour', () => {
    for (const sample of samples) {
      expect(sample.minute.getTime() % 60_000).toBe(0);
      expect(sample.minute.getTime()).toBeGreaterThanOrEqual(HOUR.getTime());
      expect(sample.minute.getTime()).toBeLessThan(HOUR.getTime() + HOUR_MS);
    }
  });

  it('charges a steady counter by its increase per minute, max(request, usage) per container', () => {
    const steady = pick(samples, 'steady', 'CPU');
    expect(steady.count).toBe(60);
    // app: usage 30 core-s > request 15 core-s; sidecar: request 60 core-s > usage 6 core-s.
    expect(steady.at(0)).toBe(90_000_000n);
    expect(steady.total).toBe(60n * 90_000_000n);
  });

  // The completed job-1's 4-core request is never charged (its pod is not Running).
  it.each<[BillingBasis, bigint]>([
    ['usage', 60n * 36_000_000n],
    ['request', 60n * 75_000_000n],
    ['max', 60n * 90_000_000n],
  ])('bills CPU on basis %s', async (basis, total) => {
    const result = (await sourceWith(server, basis).readHour(HOUR)).samples;
    expect(pick(result, 'steady', 'CPU').total).toBe(total);
  });

  it('takes the value after a counter reset as the increase since the restart', () => {
    const restarted = pick(samples, 'restarted', 'CPU');
    expect(restarted.count).toBe(60);
    expect(restarted.at(29)).toBe(12_000_000n);
    expect(restarted.total).toBe((29n * 30n + 12n + 30n * 30n) * 1_000_000n);
  });

  it('charges each instance of a restarted container on its own, the overlap once', () => {
    const overlap = pick(samples, 'overlap', 'CPU');
    expect(overlap.count).toBe(60);
    expect(overlap.at(29)).toBe(60_000_000n); // both instances ran in minute 29
    expect(overlap.at(30)).toBe(30_000_000n);
    expect(overlap.total).toBe((30n * 30n + 31n * 30n) * 1_000_000n);
  });

  it('charges a counter across a gap by its increase, and reads nothing into a gauge gap', async () => {
    const reading = await sourceWith(server, 'usage').readHour(HOUR);
    const gappyCpu = pick(reading.samples, 'gappy', 'CPU');
    // The point at H+9 holds for one scrape interval (the 90 s lookback) and makes the point at
    // H+10; from there to H+20 the counter rose 660 core-s: 66 core-s a minute, all 60 charged.
    expect(gappyCpu.count).toBe(60);
    expect(gappyCpu.at(9)).toBe(0n);
    expect(gappyCpu.at(15)).toBe(66_000_000n);
    expect(gappyCpu.total).toBe(60n * 60_000_000n);
    const gappyMemory = pick(reading.samples, 'gappy', 'MEMORY');
    expect(gappyMemory.count).toBe(51); // H+10 holds H+9's point; H+11..H+19 are unread
    expect(gappyMemory.total).toBe(51n * 60n * BigInt(GiB));
    const at = (minute: number) => new Date(HOUR.getTime() + minute * 60_000);
    expect(reading.gaps.filter((gap) => gap.namespace === 'gappy')).toEqual(
      expect.arrayContaining([
        { namespace: 'gappy', resource: 'CPU', from: at(10), to: at(20), proven: true },
        { namespace: 'gappy', resource: 'MEMORY', from: at(11), to: at(20), proven: false },
      ]),
    );
    expect(reading.gaps.filter((gap) => gap.namespace !== 'gappy')).toEqual([]);
  });

  it('never proves a usage gap under max(request, usage): the spread may hide minutes above the request', async () => {
    const { gaps } = await sourceWith(server, 'max').readHour(HOUR);
    expect(gaps.filter((gap) => gap.resource === 'CPU')).toEqual([
      expect.objectContaining({ namespace: 'gappy', proven: false }),
    ]);
  });

  it('integrates a gauge with a step at mid-hour', () => {
    const step = pick(samples, 'step', 'MEMORY');
    expect(step.count).toBe(60);
    expect(step.total).toBe(30n * 60n * BigInt(GiB) + 30n * 60n * 2n * BigInt(GiB));
  });

  it('counts a step at H fully and keeps a step at H+60 out of the hour', () => {
    for (const resource of ['MEMORY', 'STORAGE'] as const) {
      const boundary = pick(samples, 'boundary', resource);
      expect(boundary.count).toBe(60);
      expect(boundary.total).toBe(3600n * 20n * BigInt(GiB));
    }
  });

  it('charges GPU requests, NodePort services and egress bytes', () => {
    expect(pick(samples, 'gpu', 'GPU').total).toBe(2n * 3600n);
    expect(pick(samples, 'ports', 'NODEPORT').total).toBe(2n * 3600n);
    const egress = pick(samples, 'egress', 'NETWORK_EGRESS');
    expect(egress.count).toBe(60);
    expect(egress.at(44)).toBe(4096n);
    expect(egress.total).toBe(59n * 2n ** 20n + 4096n);
  });

  it('refuses max over usage and request queries grouped differently (it would bill both)', async () => {
    const queries = resolvePrometheusQueries('nvidia.com/gpu', {
      CPU: {
        basis: 'max',
        request: 'sum by (namespace, pod) (kube_pod_container_resource_requests{resource="cpu"})',
      },
    });
    const source = new PrometheusSource(new PrometheusClient(server.url), queries);
    await expect(source.readHour(HOUR)).rejects.toThrow(/grouped by the same labels/);
  });

  it('refuses an hour that is not whole', async () => {
    await expect(sourceWith(server).readHour(new Date(HOUR.getTime() + 1000))).rejects.toThrow(
      RangeError,
    );
  });
});
