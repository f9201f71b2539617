import { forEachNamespace, type NamespaceOutcome } from './for-each-namespace';
import type { NamespaceSuspender } from './namespace-suspender';
import { ReclaimNamespace } from './reclaim-namespace';
import { ResumeNamespace } from './resume-namespace';
import { SuspendNamespace } from './suspend-namespace';

/** NamespaceSuspender on the Kubernetes API: one use case per operation. */
export class KubeNamespaceSuspender implements NamespaceSuspender {
  constructor(
    private readonly suspendNamespace: SuspendNamespace,
    private readonly resumeNamespace: ResumeNamespace,
    private readonly reclaimNamespace: ReclaimNamespace,
    /** Namespaces worked on at once by suspendAll/resumeAll. */
    private readonly concurrency: number,
  ) {}

  suspend(namespace: string, reason: string): Promise<void> {
    return this.suspendNamespace.execute(namespace, reason);
  }

  resume(namespace: string): Promise<void> {
    return this.resumeNamespace.execute(namespace);
  }

  reclaim(namespace: string): Promise<void> {
    return this.reclaimNamespace.execute(namespace);
  }

  suspendAll(namespaces: readonly string[], reason: string): Promise<NamespaceOutcome[]> {
    return forEachNamespace(namespaces, this.concurrency, (ns) => this.suspend(ns, reason));
  }

  resumeAll(namespaces: readonly string[]): Promise<NamespaceOutcome[]> {
    return forEachNamespace(namespaces, this.concurrency, (ns) => this.resume(ns));
  }
}
