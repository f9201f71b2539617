import { RECLAIMED_AT, SAVED_HPA_PREFIX, STATE, SuspensionState } from './suspension.annotations';
import { notSuspended, reclaimDisabled } from './suspension.errors';
import type { ISuspensionCluster, WorkloadKind } from './suspension-cluster';

export interface ReclaimSettings {
  /** Off by default: deleting a tenant's workloads cannot be undone. */
  readonly enabled: boolean;
  /** Off by default: PersistentVolumeClaims hold the tenant's data. */
  readonly deletePersistentVolumeClaims: boolean;
}

// HPAs first, so none acts on a Deployment while it is being deleted.
const RECLAIMED_KINDS: readonly WorkloadKind[] = [
  'horizontalpodautoscalers',
  'cronjobs',
  'deployments',
  'statefulsets',
];

/**
 * Reclaims a suspended namespace: deletes its Deployments, StatefulSets, CronJobs and HPAs
 * (and, only when separately enabled, its PersistentVolumeClaims). Never the namespace: it
 * stays, suspended, with its zero quota, so the tenant can deploy again after paying.
 */
export class ReclaimNamespace {
  constructor(
    private readonly cluster: ISuspensionCluster,
    private readonly settings: ReclaimSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(namespace: string): Promise<void> {
    if (!this.settings.enabled) throw reclaimDisabled(namespace);
    const annotations = await this.cluster.namespaceAnnotations(namespace);
    const state = annotations[STATE];
    const reclaimable: (string | undefined)[] = [
      SuspensionState.Suspended,
      SuspensionState.Reclaiming,
      SuspensionState.Reclaimed,
    ];
    if (!reclaimable.includes(state)) throw notSuspended(namespace, state);

    await this.cluster.annotateNamespace(namespace, { [STATE]: SuspensionState.Reclaiming });
    for (const kind of RECLAIMED_KINDS) await this.cluster.deleteAll(kind, namespace);
    if (this.settings.deletePersistentVolumeClaims) {
      await this.cluster.deleteAllPersistentVolumeClaims(namespace);
    }
    // The saved HPAs point at Deployments that are gone; resume must not bring them back.
    const savedHpas = Object.keys(annotations).filter((key) => key.startsWith(SAVED_HPA_PREFIX));
    await this.cluster.annotateNamespace(namespace, {
      ...Object.fromEntries(savedHpas.map((key) => [key, null])),
      [STATE]: SuspensionState.Reclaimed,
      [RECLAIMED_AT]: annotations[RECLAIMED_AT] ?? this.now().toISOString(),
    });
  }
}
