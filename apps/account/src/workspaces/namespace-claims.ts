import { Inject, Injectable, Logger } from '@nestjs/common';
import { reservedNamespaces, type ReservedNamespaces } from '@tally/kube';
import type { NamespaceInCluster } from '@tally/transport';
import { ACCOUNT_CONFIG, type AccountConfig } from '../account.config';
import { ClusterNamespaces, type IClusterNamespaces } from '../peers/cluster-namespaces';
import { clusterUnavailable, namespaceNotTenants, reservedNamespace } from './workspace.errors';

/**
 * Whether a tenant may have a namespace as its workspace: never a reserved one (the cluster's
 * and the platform's, which the suspender would otherwise stop when the wallet runs dry), and
 * never one that already exists in the cluster without being the tenant's.
 */
@Injectable()
export class NamespaceClaims {
  private readonly logger = new Logger(NamespaceClaims.name);
  private readonly reserved: ReservedNamespaces;

  constructor(
    @Inject(ACCOUNT_CONFIG) private readonly config: AccountConfig,
    @Inject(ClusterNamespaces) private readonly cluster: IClusterNamespaces,
  ) {
    this.reserved = reservedNamespaces(config.TALLY_RESERVED_NAMESPACES);
  }

  /** BAD_USER_INPUT (RESERVED_NAMESPACE) for a reserved namespace. */
  assertNotReserved(namespace: string): void {
    if (this.reserved(namespace)) throw reservedNamespace(namespace);
  }

  /**
   * CONFLICT (NAMESPACE_NOT_TENANTS) when the namespace exists without the tenant's label;
   * INTERNAL (CLUSTER_UNAVAILABLE, retryable) when the cluster cannot be asked.
   */
  async assertClaimable(namespace: string, tenantId: string): Promise<void> {
    if (this.config.TALLY_NAMESPACE_CLUSTER_CHECK === 'off') {
      this.logger.warn({ namespace }, 'TALLY_NAMESPACE_CLUSTER_CHECK=off: cluster not asked');
      return;
    }
    let found: NamespaceInCluster;
    try {
      found = await this.cluster.inspect(namespace);
    } catch (error) {
      throw clusterUnavailable(namespace, error);
    }
    assertTenantMayClaim(found, namespace, tenantId);
  }
}

/** A namespace nobody created yet is free; an existing one is the tenant's only if labelled so. */
export function assertTenantMayClaim(
  found: NamespaceInCluster,
  namespace: string,
  tenantId: string,
): void {
  if (found.exists && found.tenantLabel !== tenantId) throw namespaceNotTenants(namespace);
}
