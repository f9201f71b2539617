import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { KubeClient } from '@tally/metering/kube/kube-client';
import { demoCluster, NamespaceSpec } from '@tally/simulator/cluster/demo-cluster';
import {
  applyWorkloads,
  cronJobApiVersion,
  ensureNamespace,
} from '@tally/simulator/kube/apply-workloads';
import { PodController } from '@tally/simulator/kube/pod-controller';
import { KubeCluster } from '../support/kube-cluster';
import { waitFor } from '../support/ports';

const acme = demoCluster().tenants.find((t) => t.key === 'acme')!;
const [shop, ml] = acme.namespaces as [NamespaceSpec, NamespaceSpec];

describe('PodController against a real kube-apiserver', () => {
  let cluster: KubeCluster;
  let kube: KubeClient;
  let controller: PodController;
  let clock = new Date('2026-12-01T01:50:00Z');

  const pods = async (namespace: string, app: string): Promise<V1Pod[]> =>
    (await kube.core.listNamespacedPod({ namespace, labelSelector: `app=${app}` })).items;
  const runningPods = async (namespace: string, app: string) =>
    (await pods(namespace, app)).filter((pod) => pod.status?.phase === 'Running');
  const waitForPods = (namespace: string, app: string, count: number) =>
    waitFor(`${count} running ${app} pods`, async () => {
      const [all, running] = [await pods(namespace, app), await runningPods(namespace, app)];
      return all.length === count && running.length === count ? running : undefined;
    });
  const scale = (kind: 'deployments' | 'statefulsets', name: string, replicas: number) =>
    kube.objects.patchNamespacedCustomObject({
      group: 'apps',
      version: 'v1',
      namespace: shop.name,
      plural: kind,
      name,
      body: { spec: { replicas } },
    });

  beforeAll(async () => {
    cluster = await KubeCluster.start();
    kube = await KubeClient.create(cluster.adminKubeConfig(), { requestTimeoutMs: 10_000 });
    const version = await cronJobApiVersion(kube);
    for (const namespace of [shop, ml]) {
      await ensureNamespace(kube, namespace.name, 'tenant-acme');
      await applyWorkloads(kube, namespace, version);
    }
    controller = new PodController({
      kube,
      namespaces: new Set([shop.name, ml.name]),
      nodeName: 'sim-node-1',
      cronJobApiVersion: version,
      runMinutes: () => 30,
      resyncMs: 100,
      now: () => clock,
    });
    controller.start();
  });

  afterAll(async () => {
    await controller?.stop();
    await cluster?.stop();
  });

  it("keeps each workload's replicas running, owned as the real controllers own them", async () => {
    const web = await waitForPods(shop.name, 'web', 3);
    await waitForPods(shop.name, 'api', 2);
    const [postgres] = await waitForPods(shop.name, 'postgres', 1);
    const [trainer] = await waitForPods(ml.name, 'trainer', 1);

    const [owner] = web[0].metadata!.ownerReferences!;
    expect(owner).toMatchObject({ kind: 'ReplicaSet', controller: true });
    const replicaSet = (await kube.objects.getNamespacedCustomObject({
      group: 'apps',
      version: 'v1',
      namespace: shop.name,
      plural: 'replicasets',
      name: owner.name,
    })) as KubernetesObject;
    expect(replicaSet.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
    });
    expect(web.every((pod) => pod.spec?.nodeName === 'sim-node-1')).toBe(true);

    expect(postgres.metadata).toMatchObject({
      name: 'postgres-0',
      labels: { 'app.kubernetes.io/instance': 'acme-shop-pg' },
      ownerReferences: [expect.objectContaining({ kind: 'StatefulSet', name: 'postgres' })],
    });
    const claim = await kube.core.readNamespacedPersistentVolumeClaim({
      namespace: shop.name,
      name: 'data-postgres-0',
    });
    expect(claim.spec?.resources?.requests?.storage).toBe(String(20 * 1024 ** 3));
    expect(trainer.spec?.containers[0].resources?.requests?.['nvidia.com/gpu']).toBe('1');

    const service = await kube.core.readNamespacedService({
      namespace: shop.name,
      name: 'web-public',
    });
    expect(service.spec?.type).toBe('NodePort');
    expect(service.spec?.ports?.[0].nodePort).toBeGreaterThan(0);
  });

  it('removes the pods of a workload scaled to 0, and brings them back when scaled up', async () => {
    await waitForPods(shop.name, 'web', 3);
    await scale('deployments', 'web', 0);
    await scale('statefulsets', 'postgres', 0);
    await waitForPods(shop.name, 'web', 0);
    await waitForPods(shop.name, 'postgres', 0);
    await waitFor('the snapshot without them', async () =>
      controller.snapshot.pods.some((pod) => ['web', 'postgres'].includes(pod.app))
        ? undefined
        : true,
    );
    expect(controller.snapshot.pods.filter((pod) => pod.app === 'api')).toHaveLength(2);

    await scale('deployments', 'web', 3);
    await scale('statefulsets', 'postgres', 1);
    await waitForPods(shop.name, 'web', 3);
    await waitForPods(shop.name, 'postgres', 1);
    await waitFor('the snapshot with them running', async () =>
      controller.snapshot.pods.filter((pod) => pod.app === 'web' && pod.phase === 'Running')
        .length === 3
        ? true
        : undefined,
    );
  });

  it('runs the CronJob at its hour as a Job whose pod it owns, and lets the pod finish', async () => {
    expect(await pods(ml.name, 'nightly-report')).toEqual([]);
    clock = new Date('2026-12-01T02:10:00Z');
    const [pod] = await waitForPods(ml.name, 'nightly-report', 1);
    const [jobOwner] = pod.metadata!.ownerReferences!;
    expect(jobOwner).toMatchObject({
      kind: 'Job',
      name: `nightly-report-${Date.parse('2026-12-01T02:00:00Z') / 60_000}`,
    });
    const job = (await kube.objects.getNamespacedCustomObject({
      group: 'batch',
      version: 'v1',
      namespace: ml.name,
      plural: 'jobs',
      name: jobOwner.name,
    })) as KubernetesObject;
    expect(job.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'CronJob',
      name: 'nightly-report',
    });

    clock = new Date('2026-12-01T02:40:00Z');
    await waitFor('the report pod to succeed', async () =>
      (await pods(ml.name, 'nightly-report'))[0]?.status?.phase === 'Succeeded' ? true : undefined,
    );
  });

  it('deletes a pod someone deleted gracefully, as the kubelet would finish it', async () => {
    const [victim] = await waitForPods(shop.name, 'api', 2);
    await kube.core.deleteNamespacedPod({ namespace: shop.name, name: victim.metadata!.name! });
    // Recreated under the same name (the controller's names are stable), with a new uid.
    await waitFor('the pod to come back as a new one', async () => {
      const again = (await runningPods(shop.name, 'api')).find(
        (p) => p.metadata?.name === victim.metadata?.name,
      );
      return again && again.metadata?.uid !== victim.metadata?.uid ? true : undefined;
    });
  });
});
