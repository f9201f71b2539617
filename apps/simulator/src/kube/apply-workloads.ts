import type { KubernetesObject } from '@kubernetes/client-node';
import type { KubeClient } from '@tally/metering/kube/kube-client';
import { kubeStatus } from '@tally/metering/kube/kube-retry';
import { NamespaceSpec } from '@tally/simulator/cluster/demo-cluster';
import {
  namespaceManifest,
  nodePortServiceManifest,
  workloadManifests,
} from './workload-manifests';

/** CronJob is batch/v1 from Kubernetes 1.21; the 1.20 the tests run serves batch/v1beta1 only. */
export async function cronJobApiVersion(kube: KubeClient): Promise<string> {
  return (await kube.discovery.serves('batch/v1', 'CronJob')) ? 'batch/v1' : 'batch/v1beta1';
}

/** The namespace, labelled as the tenant's, so createWorkspace accepts it. Exists: left alone. */
export async function ensureNamespace(
  kube: KubeClient,
  name: string,
  tenantId: string,
): Promise<void> {
  await createUnlessExists(() =>
    kube.core.createNamespace({ body: namespaceManifest(name, tenantId) }),
  );
}

/**
 * Creates the namespace's workloads and services that do not exist yet. What exists is never
 * touched: a restarted simulator must not undo a suspension by resetting replicas.
 */
export async function applyWorkloads(
  kube: KubeClient,
  namespace: NamespaceSpec,
  cronJobVersion: string,
): Promise<void> {
  for (const manifest of workloadManifests(namespace, cronJobVersion)) {
    const [group, version] = manifest.apiVersion!.split('/');
    await createUnlessExists(() =>
      kube.objects.createNamespacedCustomObject({
        group,
        version,
        namespace: namespace.name,
        plural: pluralOf(manifest),
        body: manifest,
      }),
    );
  }
  for (const service of namespace.services ?? []) {
    await createUnlessExists(() =>
      kube.core.createNamespacedService({
        namespace: namespace.name,
        body: nodePortServiceManifest(namespace.name, service),
      }),
    );
  }
}

function pluralOf(manifest: KubernetesObject): string {
  return `${manifest.kind!.toLowerCase()}s`;
}

async function createUnlessExists(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (kubeStatus(error) !== 409) throw error;
  }
}
