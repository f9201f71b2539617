import type { ReservedNamespaces } from '@tally/kube';
import { forEachNamespace, type NamespaceOutcome } from './for-each-namespace';
import type { NamespaceSuspender } from './namespace-suspender';
import { ReclaimNamespace } from './reclaim-namespace';
import { ResumeNamespace } from './resume-namespace';
import { SuspendNamespace } from './suspend-namespace';
import { reservedNamespace } from './suspension.errors';

/** NamespaceSuspender on the Kubernetes API: one use case per operation. */
export class KubeNamespaceSuspender implements NamespaceSuspender {
  constructor(
    private readonly suspendNamespace: SuspendNamespace,
    private readonly resumeNamespace: ResumeNamespace,
    private readonly reclaimNamespace: ReclaimNamespace,
    /** Namespaces worked on at once by suspendAll/resumeAll. */
    private readonly concurrency: number,
    private readonly reserved: ReservedNamespaces,
  ) {}

  assertMayStop(namespace: string): void {
    if (this.reserved(namespace)) throw reservedNamespace(namespace);
  }

  async suspend(namespace: string, reason: string): Promise<void> {
    this.assertMayStop(namespace);
    return this.suspendNamespace.execute(namespace, reason);
  }

  resume(namespace: string): Promise<void> {
    return this.resumeNamespace.execute(namespace);
  }

  async reclaim(namespace: string): Promise<void> {
    this.assertMayStop(namespace);
    return this.reclaimNamespace.execute(namespace);
  }

  suspendAll(namespaces: readonly string[], reason: string): Promise<NamespaceOutcome[]> {
    return forEachNamespace(namespaces, this.concurrency, (ns) => this.suspend(ns, reason));
  }

  resumeAll(namespaces: readonly string[]): Promise<NamespaceOutcome[]> {
    return forEachNamespace(namespaces, this.concurrency, (ns) => this.resume(ns));
  }
}
