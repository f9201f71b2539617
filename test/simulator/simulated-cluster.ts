import { KubeClient } from '@tally/metering/kube/kube-client';
import {
  DemoCluster,
  demoCluster,
  demoNamespaces,
  findWorkload,
} from '@tally/simulator/cluster/demo-cluster';
import { MetricsServer } from '@tally/simulator/exporters/metrics-server';
import {
  applyWorkloads,
  cronJobApiVersion,
  ensureNamespace,
} from '@tally/simulator/kube/apply-workloads';
import { PodController } from '@tally/simulator/kube/pod-controller';
import { KubeCluster } from '../support/kube-cluster';
import { waitFor } from '../support/ports';

/**
 * The demo's namespaces and workloads in a real kube-apiserver, the pod controller keeping
 * their pods, and the simulator's /metrics on a free port: what `simulator run` starts, minus
 * the tenants (whose ids the namespaces' labels would carry).
 */
export class SimulatedCluster {
  private constructor(
    readonly demo: DemoCluster,
    readonly kube: KubeCluster,
    readonly client: KubeClient,
    readonly controller: PodController,
    readonly metrics: MetricsServer,
    readonly metricsPort: number,
  ) {}

  static async start(now: () => Date = () => new Date()): Promise<SimulatedCluster> {
    const demo = demoCluster();
    const kube = await KubeCluster.start();
    const client = await KubeClient.create(kube.adminKubeConfig(), { requestTimeoutMs: 10_000 });
    const version = await cronJobApiVersion(client);
    for (const { tenant, namespace } of demoNamespaces(demo)) {
      await ensureNamespace(client, namespace.name, `tenant-${tenant.key}`);
      await applyWorkloads(client, namespace, version);
    }
    const controller = new PodController({
      kube: client,
      namespaces: new Set(demoNamespaces(demo).map(({ namespace }) => namespace.name)),
      nodeName: demo.nodeName,
      cronJobApiVersion: version,
      runMinutes: ({ namespace, name }) =>
        findWorkload(demo, namespace, name)?.schedule?.runMinutes ?? 1,
      resyncMs: 200,
      now,
    });
    controller.start();
    const metrics = new MetricsServer(demo, () => controller.snapshot, now);
    const port = await metrics.listen(0);
    const cluster = new SimulatedCluster(demo, kube, client, controller, metrics, port);
    await cluster.waitForPods(cluster.expectedRunningPods());
    return cluster;
  }

  /** Pods of every Deployment and StatefulSet at its demo replicas (CronJobs not running). */
  expectedRunningPods(): number {
    return demoNamespaces(this.demo)
      .flatMap(({ namespace }) => namespace.workloads)
      .filter((workload) => workload.kind !== 'CronJob')
      .reduce((sum, workload) => sum + (workload.replicas ?? 1), 0);
  }

  waitForPods(count: number) {
    return waitFor(`${count} running pods in the snapshot`, async () =>
      this.controller.snapshot.pods.filter((pod) => pod.phase === 'Running').length === count
        ? true
        : undefined,
    );
  }

  scale(namespace: string, name: string, replicas: number) {
    return this.client.objects.patchNamespacedCustomObject({
      group: 'apps',
      version: 'v1',
      namespace,
      plural: 'deployments',
      name,
      body: { spec: { replicas } },
    });
  }

  async stop(): Promise<void> {
    await this.metrics.close();
    await this.controller.stop();
    await this.kube.stop();
  }
}
