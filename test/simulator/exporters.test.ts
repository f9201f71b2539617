import { defaultPrometheusQueries } from '@tally/metering/sources/prometheus/prometheus-queries';
import { withLookback } from '@tally/metering/sources/prometheus/prometheus-source';
import { demoNamespaces } from '@tally/simulator/cluster/demo-cluster';
import { PrometheusServer } from '../support/prometheus-server';
import { waitFor } from '../support/ports';
import fixture from './fixtures/exporter-series.json';
import { SimulatedCluster } from './simulated-cluster';

type Fixture = Record<string, { type: string; labels: string[] }>;
const expected = fixture.series as Fixture;
const queries = defaultPrometheusQueries('nvidia.com/gpu');

interface Vector {
  metric: Record<string, string>;
  value: [number, string];
}

/** `name{a="x",b="y"} 1` → name and label names (values never hold `",` in our output). */
function parseSeries(text: string) {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
      if (!match) throw new Error(`not a series line: ${line}`);
      const labels = Object.fromEntries(
        [...match[2].matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

describe("the simulator's exporters, scraped by a real Prometheus", () => {
  let sim: SimulatedCluster;
  let prometheus: PrometheusServer;

  const query = async (promql: string): Promise<Vector[]> => {
    const url = `${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`;
    const body = (await (await fetch(url)).json()) as { data: { result: Vector[] } };
    return body.data.result;
  };
  // A query of Tally's as its source sends it, with a lookback of a few scrape intervals (this
  // Prometheus scrapes every second).
  const tallyQuery = (promql: string) => query(withLookback(promql, 3));
  /** namespace/pod/container (those present) → value. */
  const byWorkload = (vector: Vector[]) =>
    Object.fromEntries(
      vector.map(({ metric, value }) => [
        [
          metric.namespace,
          metric.pod,
          metric.container ?? metric.persistentvolumeclaim ?? metric.service,
        ]
          .filter(Boolean)
          .join('/'),
        Number(value[1]),
      ]),
    );

  beforeAll(async () => {
    sim = await SimulatedCluster.start();
    prometheus = await PrometheusServer.start([], {
      scrapeTargets: [`127.0.0.1:${sim.metricsPort}`],
    });
    await waitFor('a scrape with every pod', async () =>
      (await query('count(kube_pod_status_phase{phase="Running"} == 1)'))[0]?.value[1] ===
      String(sim.expectedRunningPods())
        ? true
        : undefined,
    );
  });

  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
  });

  it('exposes exactly the series names, types and label sets of cAdvisor and kube-state-metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${sim.metricsPort}/metrics`)).text();
    const types = Object.fromEntries(
      [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => [name, type]),
    );
    expect(types).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, { type }]) => [name, type])),
    );
    const labelSets = new Map<string, Set<string>>();
    for (const { name, labels } of parseSeries(text)) {
      const set = labelSets.get(name) ?? new Set<string>();
      set.add(Object.keys(labels).sort().join(','));
      labelSets.set(name, set);
    }
    for (const [name, { labels }] of Object.entries(expected)) {
      expect({ name, labelSets: [...(labelSets.get(name) ?? [])] }).toEqual({
        name,
        labelSets: [labels.join(',')],
      });
    }
  });

  it('uses the label values the real exporters use: request units, pod phases, cAdvisor cpu', async () => {
    const series = parseSeries(
      await (await fetch(`http://127.0.0.1:${sim.metricsPort}/metrics`)).text(),
    );
    const of = (name: string) => series.filter((s) => s.name === name);
    const units = Object.fromEntries(
      of('kube_pod_container_resource_requests').map(({ labels }) => [
        labels.resource,
        labels.unit,
      ]),
    );
    expect(units).toEqual(fixture.series.kube_pod_container_resource_requests.units);
    // kube-state-metrics writes one series per phase for every pod, 1 for its phase, 0 else.
    const phasesByPod = new Map<string, string[]>();
    for (const { labels, value } of of('kube_pod_status_phase')) {
      phasesByPod.set(labels.uid, [...(phasesByPod.get(labels.uid) ?? []), labels.phase]);
      expect([0, 1]).toContain(value);
    }
    for (const phases of phasesByPod.values())
      expect(phases.sort()).toEqual([...fixture.series.kube_pod_status_phase.phases].sort());
    expect(new Set(of('container_cpu_usage_seconds_total').map((s) => s.labels.cpu))).toEqual(
      new Set(['total']),
    );
  });

  it("answers Tally's default request queries with each running container's requests", async () => {
    const pods = sim.controller.snapshot.pods.filter((pod) => pod.phase === 'Running');
    const requestsOf = (field: 'cpu' | 'memoryBytes' | 'gpus') =>
      Object.fromEntries(
        pods.flatMap((pod) =>
          pod.containers
            .filter((c) => c.requests[field] > 0)
            .map((c) => [`${pod.namespace}/${pod.name}/${c.name}`, c.requests[field]]),
        ),
      );
    expect(byWorkload(await tallyQuery(queries.CPU.request!))).toEqual(requestsOf('cpu'));
    expect(byWorkload(await tallyQuery(queries.MEMORY.request!))).toEqual(
      requestsOf('memoryBytes'),
    );
    expect(byWorkload(await tallyQuery(queries.GPU.request!))).toEqual({
      [`acme-ml/${pods.find((p) => p.app === 'trainer')!.name}/trainer`]: 1,
    });
    expect(byWorkload(await tallyQuery(queries.STORAGE.request!))).toEqual({
      'acme-shop/data-postgres-0': 20 * 1024 ** 3,
    });
    expect(byWorkload(await tallyQuery(queries.NODEPORT.usage!))).toEqual({
      'acme-shop/web-public': 1,
    });
  });

  it("answers Tally's default usage queries with one series per container, egress one per pod", async () => {
    const containers = sim.controller.snapshot.pods
      .filter((pod) => pod.phase === 'Running')
      .flatMap((pod) => pod.containers.map((c) => `${pod.namespace}/${pod.name}/${c.name}`))
      .sort();
    const seriesOf = async (promql: string) =>
      Object.keys(byWorkload(await tallyQuery(promql))).sort();
    expect(await seriesOf(queries.CPU.usage!)).toEqual(containers);
    expect(await seriesOf(queries.MEMORY.usage!)).toEqual(containers);
    const egress = await tallyQuery(queries.NETWORK_EGRESS.usage!);
    expect(egress).toHaveLength(sim.expectedRunningPods());
    expect(
      // Prometheus stores an empty label as no label: the pod-level cgroup has no container.
      egress.every(({ metric }) => metric.container === undefined && metric.interface === 'eth0'),
    ).toBe(true);
    // Every demo namespace is visible to Tally's queries.
    const namespaces = new Set(egress.map(({ metric }) => metric.namespace));
    expect([...namespaces].sort()).toEqual(
      demoNamespaces(sim.demo)
        .map(({ namespace }) => namespace.name)
        .sort(),
    );
  });

  it('stops reporting a workload scaled to 0, and reports it again when scaled back', async () => {
    const transcoder = `${queries.CPU.request!.replace('resource="cpu"', 'resource="cpu",namespace="initech-stream"')}`;
    expect(await tallyQuery(transcoder)).toHaveLength(2);
    await sim.scale('initech-stream', 'transcoder', 0);
    await waitFor('no requests and no usage from initech-stream', async () =>
      (await tallyQuery(transcoder)).length === 0 &&
      (await query('container_cpu_usage_seconds_total{namespace="initech-stream"}')).length === 0
        ? true
        : undefined,
    );
    await sim.scale('initech-stream', 'transcoder', 2);
    await waitFor('both transcoders back', async () =>
      (await tallyQuery(transcoder)).length === 2 ? true : undefined,
    );
  });
});
