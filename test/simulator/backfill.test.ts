import { readFile, stat } from 'node:fs/promises';
import { Resource } from '@prisma/client';
import { PrometheusClient } from '@tally/metering/sources/prometheus/prometheus-client';
import { defaultPrometheusQueries } from '@tally/metering/sources/prometheus/prometheus-queries';
import { PrometheusSource } from '@tally/metering/sources/prometheus/prometheus-source';
import { History } from '@tally/simulator/backfill/history';
import { demoCluster, findWorkload } from '@tally/simulator/cluster/demo-cluster';
import { levelAt } from '@tally/simulator/cluster/usage-profile';
import { podScale } from '@tally/simulator/exporters/cluster-samples';
import { PrometheusServer } from '../support/prometheus-server';
import { BackfilledHistory } from './backfilled-history';

const demo = demoCluster();
const END = '2026-12-01T11:00:00Z'; // a Tuesday
const NIGHT_HOUR = new Date('2026-12-01T06:00:00Z');
const OFFICE_HOUR = new Date('2026-12-01T10:00:00Z');

/**
 * What Tally should charge each namespace for one whole hour of the demo's history, worked
 * out from the demo's own numbers: per container max(request, usage) (CPU, memory), requests
 * (GPU, storage), one port per NodePort service, and every byte sent. Within one hour the
 * patterns are constant, so the hour is 3600 × the level.
 */
function expectedHour(hour: Date): Record<string, Record<string, number>> {
  const mid = hour.getTime() / 1000 + 1800;
  const snapshot = new History(demo, hour.getTime() / 1000 - 3600, mid).at(mid);
  const totals: Record<string, Record<string, number>> = {};
  const add = (namespace: string, resource: Resource, perSecond: number) => {
    if (perSecond === 0) return; // nothing to charge, no sample
    totals[namespace] ??= {};
    totals[namespace][resource] = (totals[namespace][resource] ?? 0) + perSecond * 3600;
  };
  // A finished pod (last night's report) reserves nothing: its requests are not charged.
  for (const pod of snapshot.pods.filter((p) => p.phase === 'Running')) {
    const workload = findWorkload(demo, pod.namespace, pod.app)!;
    const scale = podScale(pod);
    for (const container of workload.containers) {
      const level = (pattern: typeof container.cpu) => levelAt(pattern, mid) * scale;
      add(pod.namespace, 'CPU', Math.max(container.requests.cpu, level(container.cpu)) * 1e6);
      add(
        pod.namespace,
        'MEMORY',
        Math.max(container.requests.memoryBytes, level(container.memoryBytes)),
      );
      if (container.requests.gpus) add(pod.namespace, 'GPU', container.requests.gpus);
    }
    add(pod.namespace, 'NETWORK_EGRESS', levelAt(workload.egressBytesPerSecond, mid) * scale);
  }
  for (const claim of snapshot.claims) add(claim.namespace, 'STORAGE', claim.bytes);
  for (const service of snapshot.services) add(service.namespace, 'NODEPORT', 1);
  return totals;
}

describe('simulator backfill, imported with promtool and read by Tally’s Prometheus source', () => {
  let history: BackfilledHistory;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    history = await BackfilledHistory.start(['--days', '0.25', '--end', END, '--step', '60']);
    prometheus = history.prometheus;
  });

  afterAll(() => history?.stop());

  it('writes OpenMetrics that ends with # EOF and says what it wrote', async () => {
    const text = await readFile(history.file, 'utf8');
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).toContain('# TYPE container_cpu_usage_seconds counter\n');
    expect(history.stdout).toMatch(/wrote \d+ samples of 0.25 days/);
    expect((await stat(history.file)).size).toBeGreaterThan(0);
  });

  it.each([
    ['a night hour', NIGHT_HOUR],
    ['an office hour', OFFICE_HOUR],
  ])(
    "gives Tally's default queries exactly the usage the demo describes, in %s",
    async (_, hour) => {
      const source = new PrometheusSource(
        new PrometheusClient(prometheus.url),
        defaultPrometheusQueries('nvidia.com/gpu'),
      );
      const charged: Record<string, Record<string, number>> = {};
      for (const { namespace, resource, quantity } of (await source.readHour(hour)).samples) {
        charged[namespace] ??= {};
        charged[namespace][resource] = (charged[namespace][resource] ?? 0) + Number(quantity);
      }
      const expected = expectedHour(hour);
      expect(Object.keys(charged).sort()).toEqual(Object.keys(expected).sort());
      for (const [namespace, resources] of Object.entries(expected)) {
        for (const [resource, quantity] of Object.entries(resources)) {
          // Counters are written in whole bytes and core-µs; a minute's rounding is all that differs.
          expect({ namespace, resource, ratio: charged[namespace][resource] / quantity }).toEqual({
            namespace,
            resource,
            ratio: expect.closeTo(1, 5) as number,
          });
        }
      }
      // The idle namespace: charged for what it reserves, not for what it (barely) uses.
      expect(charged['globex-archive'].CPU).toBe(0.25 * 3600 * 1e6);
    },
  );

  it('bursts above a request show in office hours only (globex-web bills usage then)', () => {
    const site = (hour: Date) => expectedHour(hour)['globex-web'].CPU;
    expect(site(NIGHT_HOUR)).toBe(2 * 0.5 * 3600 * 1e6);
    expect(site(OFFICE_HOUR)).toBeGreaterThan(2 * 0.5 * 3600 * 1e6 * 1.5);
  });
});
