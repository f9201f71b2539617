import type { NamespaceOutcome } from './for-each-namespace';

/**
 * What the debt state machine calls to act on a tenant's namespaces. Every operation is
 * idempotent and may be re-run after a crash; the batch forms report per namespace and never
 * let one namespace's failure stop the others.
 */
export interface NamespaceSuspender {
  /**
   * Throws RESERVED_NAMESPACE (FORBIDDEN) for a namespace Tally must never stop (kube-*,
   * default, the platform's own, TALLY_RESERVED_NAMESPACES), whatever a workspace row says.
   * suspend and reclaim check it too; resume does not, since it only undoes what Tally saved.
   */
  assertMayStop(namespace: string): void;
  /** Stops everything in the namespace and remembers how to bring it back. Re-run by sweeps. */
  suspend(namespace: string, reason: string): Promise<void>;
  /** Brings back exactly what suspend saved. */
  resume(namespace: string): Promise<void>;
  /** Deletes a suspended namespace's workloads (only when TALLY_RECLAIM_ENABLED). */
  reclaim(namespace: string): Promise<void>;
  suspendAll(namespaces: readonly string[], reason: string): Promise<NamespaceOutcome[]>;
  resumeAll(namespaces: readonly string[]): Promise<NamespaceOutcome[]>;
}

/** Injection token for the NamespaceSuspender. */
export const NAMESPACE_SUSPENDER = Symbol('NAMESPACE_SUSPENDER');
