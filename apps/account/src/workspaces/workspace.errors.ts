import { badInput, conflict, DomainError, ErrorCode } from '@tally/errors';
import { TENANT_LABEL } from '@tally/kube';

/** Why a namespace cannot become (or stay in the hands of) a tenant's workspace. */
export enum WorkspaceErrorReason {
  RESERVED_NAMESPACE = 'RESERVED_NAMESPACE',
  NAMESPACE_NOT_TENANTS = 'NAMESPACE_NOT_TENANTS',
  CLUSTER_UNAVAILABLE = 'CLUSTER_UNAVAILABLE',
}

export const reservedNamespace = (namespace: string) =>
  badInput(
    `Namespace ${namespace} is reserved for the cluster or the platform and cannot be a workspace`,
    { reason: WorkspaceErrorReason.RESERVED_NAMESPACE, namespace },
  );

export const namespaceNotTenants = (namespace: string) =>
  conflict(
    `Namespace ${namespace} already exists in the cluster and is not this tenant's: an operator who created it for the tenant labels it ${TENANT_LABEL}=<tenant id>`,
    { reason: WorkspaceErrorReason.NAMESPACE_NOT_TENANTS, namespace },
  );

/** Fail closed: without the cluster's answer the namespace could be anyone's. */
export const clusterUnavailable = (namespace: string, cause: unknown) =>
  new DomainError(
    ErrorCode.INTERNAL,
    `Could not check namespace ${namespace} in the cluster; nothing was created, try again`,
    { reason: WorkspaceErrorReason.CLUSTER_UNAVAILABLE, namespace, retryable: true },
    { cause },
  );
