import {
  REASON,
  SAVED_REPLICAS,
  SAVED_SUSPEND,
  STATE,
  SUSPENDED_AT,
  SuspensionState,
  savedHpaKey,
} from './suspension.annotations';
import type { ISuspensionCluster, KubeObject, MergePatch } from './suspension-cluster';

/**
 * Suspends a namespace: marks it `suspending`, adds the zero ResourceQuota, saves and deletes
 * every HPA, scales every Deployment and StatefulSet to 0 and suspends every CronJob (saving
 * what each had), then marks it `suspended`.
 *
 * Every step checks the current state first, so a re-run after a crash finishes the job, and
 * a periodic re-run (sweep) also suspends workloads created since.
 *
 * A tenant who changes a suspended object (scales it up, unsuspends a CronJob, creates an
 * HPA) is saying what they want once the namespace resumes (a CD pipeline re-applying
 * manifests does exactly this). So the next sweep takes their new value as the one to restore
 * and suspends the object again: they pay for nothing while suspended, and resume gives them
 * what they last asked for. Scaling to 0 by hand cannot be told apart from suspension, so the
 * earlier saved value stays.
 */
export class SuspendNamespace {
  constructor(
    private readonly cluster: ISuspensionCluster,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(namespace: string, reason: string): Promise<void> {
    const annotations = await this.cluster.namespaceAnnotations(namespace);
    // A sweep over a namespace already suspended (or reclaimed) keeps that state while it
    // re-checks: workloads the tenant created since get suspended all the same.
    const state = annotations[STATE];
    const settled = state === SuspensionState.Suspended || state === SuspensionState.Reclaimed;
    if (!settled) {
      await this.cluster.annotateNamespace(namespace, {
        [STATE]: SuspensionState.Suspending,
        [SUSPENDED_AT]: annotations[SUSPENDED_AT] ?? this.now().toISOString(),
        [REASON]: reason,
      });
    }
    await this.cluster.ensureSuspendedQuota(namespace);
    // HPAs go before the scale-down: an HPA would otherwise scale its target back up.
    await this.saveAndDeleteHpas(namespace);
    for (const kind of ['deployments', 'statefulsets'] as const) {
      for (const workload of await this.cluster.list(kind, namespace)) {
        await this.cluster.update(kind, namespace, workload, scaleToZero);
      }
    }
    for (const cronJob of await this.cluster.list('cronjobs', namespace)) {
      await this.cluster.update('cronjobs', namespace, cronJob, suspendCronJob);
    }
    if (!settled) {
      await this.cluster.annotateNamespace(namespace, { [STATE]: SuspensionState.Suspended });
    }
  }

  // The saved HPA goes onto the namespace before the HPA is deleted; an HPA that still exists
  // is always the newest one, so its spec replaces any saved earlier.
  private async saveAndDeleteHpas(namespace: string): Promise<void> {
    const apiVersion = await this.cluster.apiVersion('horizontalpodautoscalers');
    for (const hpa of await this.cluster.list('horizontalpodautoscalers', namespace)) {
      const { name, labels, annotations } = hpa.metadata;
      const saved: KubeObject = {
        apiVersion,
        kind: 'HorizontalPodAutoscaler',
        metadata: { name, labels, annotations },
        spec: hpa.spec,
      };
      await this.cluster.annotateNamespace(namespace, {
        [savedHpaKey(name)]: JSON.stringify(saved),
      });
      await this.cluster.delete('horizontalpodautoscalers', namespace, name);
    }
  }
}

function scaleToZero(workload: KubeObject): MergePatch | undefined {
  const saved = workload.metadata.annotations?.[SAVED_REPLICAS];
  const replicas = Number(workload.spec?.replicas ?? 1);
  if (replicas === 0 && saved !== undefined) return undefined;
  // Saved and scaled in one patch, so no crash can leave a 0 without its saved value. Here
  // replicas is either what it was before suspension or what the tenant set since.
  return {
    metadata: { annotations: { [SAVED_REPLICAS]: String(replicas) } },
    spec: { replicas: 0 },
  };
}

function suspendCronJob(cronJob: KubeObject): MergePatch | undefined {
  const saved = cronJob.metadata.annotations?.[SAVED_SUSPEND];
  const suspended = cronJob.spec?.suspend === true;
  if (suspended && saved !== undefined) return undefined;
  return {
    metadata: { annotations: { [SAVED_SUSPEND]: String(suspended) } },
    spec: { suspend: true },
  };
}
