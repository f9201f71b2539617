import type { KubeConfig } from '@kubernetes/client-node';
import { reservedNamespaces } from '@tally/kube';
import { KubeClient } from '../kube/kube-client';
import type { RetryPolicy } from '../kube/kube-retry';
import { KubeNamespaceSuspender } from './kube-namespace-suspender';
import { ReclaimNamespace, type ReclaimSettings } from './reclaim-namespace';
import { ResumeNamespace } from './resume-namespace';
import { SuspendNamespace } from './suspend-namespace';
import { SuspensionCluster } from './suspension-cluster';

export interface SuspenderOptions {
  readonly requestTimeoutMs: number;
  readonly concurrency: number;
  readonly reclaim: ReclaimSettings;
  /** Reserved on top of the built-in ones (TALLY_RESERVED_NAMESPACES). */
  readonly reservedNamespaces?: readonly string[];
  readonly retry?: RetryPolicy;
}

/** A NamespaceSuspender acting on the cluster of `kubeConfig`. */
export async function createNamespaceSuspender(
  kubeConfig: KubeConfig,
  options: SuspenderOptions,
): Promise<KubeNamespaceSuspender> {
  const kube = await KubeClient.create(kubeConfig, {
    requestTimeoutMs: options.requestTimeoutMs,
    // One connection per namespace worked on at once, and a few for retries.
    maxSockets: options.concurrency + 4,
  });
  const cluster = new SuspensionCluster(kube, options.retry);
  return new KubeNamespaceSuspender(
    new SuspendNamespace(cluster),
    new ResumeNamespace(cluster),
    new ReclaimNamespace(cluster, options.reclaim),
    options.concurrency,
    reservedNamespaces(options.reservedNamespaces),
  );
}
