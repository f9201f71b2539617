// Suspension throughput (issue 5): suspend, then resume, BENCH_SUSPENSION_NAMESPACES (1,000)
// namespaces of 5 workloads each (3 Deployments, a StatefulSet, a CronJob) on a real
// kube-apiserver 1.20 + etcd of the bench's own, through the suspender's batch path
// (forEachNamespace at TALLY_SUSPEND_CONCURRENCY's default) as the metering service account.
//  - suspension.suspend_total / resume_total: wall time per direction, target <= 60 s for 1,000.
//  - *_p50 / *_p99: one namespace's suspend or resume, start to end, under that concurrency.
// The API server, etcd and this process share the machine's 2 cores.
import { KubeCluster } from '@tally/test/support/kube-cluster';
import { NamespaceFixtures } from '@tally/test/suspension/namespace-fixtures';
import { createNamespaceSuspender } from '@tally/metering/suspension/create-namespace-suspender';
import { forEachNamespace } from '@tally/metering/suspension/for-each-namespace';
import { quantile } from '../lib/quantile';
import { report } from '../lib/report';

const NAMESPACES = Number(process.env.BENCH_SUSPENSION_NAMESPACES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_SUSPENSION_CONCURRENCY ?? 16);
const TARGET_SECONDS_PER_1000 = 60;
const SAMPLED = 20;

async function main(): Promise<void> {
  const cluster = await KubeCluster.start();
  try {
    const fixtures = new NamespaceFixtures(cluster.adminKubeConfig());
    const started = Date.now();
    const namespaces = await createTenants(fixtures, NAMESPACES);
    process.stdout.write(
      `set-up: ${NAMESPACES} namespaces x 5 workloads in ${seconds(Date.now() - started)} s\n`,
    );
    const sample = namespaces.filter((_, i) => i % Math.ceil(NAMESPACES / SAMPLED) === 0);
    const before = await Promise.all(sample.map((ns) => fixtures.snapshot(ns)));

    const suspender = await createNamespaceSuspender(cluster.meteringKubeConfig(), {
      requestTimeoutMs: 10_000,
      concurrency: CONCURRENCY,
      reclaim: { enabled: false, deletePersistentVolumeClaims: false },
    });
    await measure('suspend', namespaces, (ns) => suspender.suspend(ns, 'bench'));
    for (const ns of sample) {
      const state = (await fixtures.namespaceAnnotations(ns))['tally.dev/state'];
      if (state !== 'suspended') throw new Error(`${ns} is ${state} after suspend`);
    }
    await measure('resume', namespaces, (ns) => suspender.resume(ns));
    const after = await Promise.all(sample.map((ns) => fixtures.snapshot(ns)));
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error('resume did not restore the sampled namespaces exactly');
    }
  } finally {
    await cluster.stop();
  }
}

async function createTenants(fixtures: NamespaceFixtures, count: number): Promise<string[]> {
  const namespaces: string[] = new Array<string>(count);
  const outcomes = await forEachNamespace(
    Array.from({ length: count }, (_, i) => String(i)),
    CONCURRENCY,
    async (i) => {
      const ns = await fixtures.newNamespace(`bench-${i}`);
      await Promise.all([
        fixtures.deployment(ns, 'web', 3),
        fixtures.deployment(ns, 'api', 2),
        fixtures.deployment(ns, 'worker', 1),
        fixtures.statefulSet(ns, 'db', 1),
        fixtures.cronJob(ns, 'report', false),
      ]);
      namespaces[Number(i)] = ns;
    },
  );
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw failed.error;
  return namespaces;
}

async function measure(
  direction: 'suspend' | 'resume',
  namespaces: string[],
  operation: (ns: string) => Promise<void>,
): Promise<void> {
  const latencies: number[] = [];
  const started = performance.now();
  const outcomes = await forEachNamespace(namespaces, CONCURRENCY, async (ns) => {
    const t0 = performance.now();
    await operation(ns);
    latencies.push(performance.now() - t0);
  });
  const totalMs = performance.now() - started;
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    throw new Error(
      `${direction}: ${failed.length} namespaces failed, e.g. ${failed[0].namespace}`,
    );
  }
  const at = (q: number) => quantile(latencies, q);
  report({
    name: `suspension.${direction}_total`,
    value: totalMs / 1000,
    unit: 's',
    max: (TARGET_SECONDS_PER_1000 * namespaces.length) / 1000,
  });
  report({ name: `suspension.${direction}_p50`, value: at(0.5), unit: 'ms' });
  report({ name: `suspension.${direction}_p99`, value: at(0.99), unit: 'ms' });
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
