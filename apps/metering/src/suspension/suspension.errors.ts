import { DomainError, ErrorCode } from '@tally/errors';

export enum SuspensionErrorCode {
  NAMESPACE_NOT_FOUND = 'NAMESPACE_NOT_FOUND',
  RECLAIM_DISABLED = 'RECLAIM_DISABLED',
  NOT_SUSPENDED = 'NOT_SUSPENDED',
  SAVED_VALUE_INVALID = 'SAVED_VALUE_INVALID',
  RESERVED_NAMESPACE = 'RESERVED_NAMESPACE',
}

/** An expected suspension failure; `reason` says which, `code` is the public error code. */
export class SuspensionError extends DomainError {
  constructor(
    readonly reason: SuspensionErrorCode,
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, { reason, ...details });
  }
}

export const namespaceNotFound = (namespace: string) =>
  new SuspensionError(
    SuspensionErrorCode.NAMESPACE_NOT_FOUND,
    ErrorCode.NOT_FOUND,
    `Namespace ${namespace} not found`,
    { namespace },
  );

export const reclaimDisabled = (namespace: string) =>
  new SuspensionError(
    SuspensionErrorCode.RECLAIM_DISABLED,
    ErrorCode.FORBIDDEN,
    `Reclaim is disabled (TALLY_RECLAIM_ENABLED); namespace ${namespace} was left as it is`,
    { namespace },
  );

export const notSuspended = (namespace: string, state: string | undefined) =>
  new SuspensionError(
    SuspensionErrorCode.NOT_SUSPENDED,
    ErrorCode.CONFLICT,
    `Namespace ${namespace} is not suspended (state: ${state ?? 'none'}); only a suspended namespace is reclaimed`,
    { namespace, state },
  );

export const savedValueInvalid = (namespace: string, object: string, value: string) =>
  new SuspensionError(
    SuspensionErrorCode.SAVED_VALUE_INVALID,
    ErrorCode.INTERNAL,
    `Saved value on ${namespace}/${object} is not valid: ${JSON.stringify(value)}`,
    { namespace, object },
  );

/** Never retried: a reserved namespace stays reserved. */
export const reservedNamespace = (namespace: string) =>
  new SuspensionError(
    SuspensionErrorCode.RESERVED_NAMESPACE,
    ErrorCode.FORBIDDEN,
    `Namespace ${namespace} is reserved for the cluster or the platform; Tally never suspends or reclaims it`,
    { namespace },
  );

export const isReservedNamespaceRefusal = (error: unknown): boolean =>
  error instanceof SuspensionError && error.reason === SuspensionErrorCode.RESERVED_NAMESPACE;
