import { DomainError, ErrorCode } from '@tally/errors';
import { TENANT_LABEL } from '@tally/kube';
import type { NamespaceInCluster } from '@tally/transport';
import type { KubeClient } from '../kube/kube-client';
import { kubeStatus } from '../kube/kube-retry';

/**
 * Reads one namespace for account's createWorkspace: whether it exists, and which tenant its
 * `tally.dev/tenant` label names. One attempt, no retries: a person is waiting, and the
 * caller's answer to "could not ask" is a retryable error, never a guess.
 */
export class NamespaceInspector {
  constructor(private readonly kube: KubeClient) {}

  async inspect(namespace: string): Promise<NamespaceInCluster> {
    try {
      const found = await this.kube.core.readNamespace({ name: namespace });
      return { exists: true, tenantLabel: found.metadata?.labels?.[TENANT_LABEL] ?? null };
    } catch (error) {
      if (kubeStatus(error) === 404) return { exists: false };
      throw new DomainError(
        ErrorCode.INTERNAL,
        `The Kubernetes API could not be asked about namespace ${namespace}`,
        { reason: 'CLUSTER_UNAVAILABLE', namespace, retryable: true, status: kubeStatus(error) },
        { cause: error },
      );
    }
  }
}
