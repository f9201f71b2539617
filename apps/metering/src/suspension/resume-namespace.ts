import {
  REASON,
  RECLAIMED_AT,
  SAVED_HPA_PREFIX,
  SAVED_REPLICAS,
  SAVED_SUSPEND,
  STATE,
  SUSPENDED_AT,
  SuspensionState,
} from './suspension.annotations';
import { savedValueInvalid } from './suspension.errors';
import type { ISuspensionCluster, KubeObject } from './suspension-cluster';

/**
 * Resumes a namespace: undoes exactly what SuspendNamespace did, from the values it saved, and
 * removes each saved value as it is restored. The namespace's own annotations go last, so a
 * crash leaves it `resuming` and a re-run (of resume, or of suspend) carries on from there.
 * A namespace that was never suspended passes through unchanged.
 */
export class ResumeNamespace {
  constructor(private readonly cluster: ISuspensionCluster) {}

  async execute(namespace: string): Promise<void> {
    const annotations = await this.cluster.namespaceAnnotations(namespace);
    if (annotations[STATE] !== undefined) {
      await this.cluster.annotateNamespace(namespace, { [STATE]: SuspensionState.Resuming });
    }
    // The quota goes first: restored replicas must be able to start pods.
    await this.cluster.deleteSuspendedQuota(namespace);
    for (const kind of ['deployments', 'statefulsets'] as const) {
      for (const workload of await this.cluster.list(kind, namespace)) {
        await this.cluster.update(kind, namespace, workload, (current) => {
          const saved = current.metadata.annotations?.[SAVED_REPLICAS];
          if (saved === undefined) return undefined;
          if (!/^\d+$/.test(saved))
            throw savedValueInvalid(namespace, current.metadata.name, saved);
          return {
            metadata: { annotations: { [SAVED_REPLICAS]: null } },
            spec: { replicas: Number(saved) },
          };
        });
      }
    }
    // HPAs come back after their targets have their replicas again.
    for (const [key, json] of Object.entries(annotations)) {
      if (!key.startsWith(SAVED_HPA_PREFIX)) continue;
      await this.cluster.create(
        'horizontalpodautoscalers',
        namespace,
        parseSavedHpa(namespace, key, json),
      );
      await this.cluster.annotateNamespace(namespace, { [key]: null });
    }
    for (const cronJob of await this.cluster.list('cronjobs', namespace)) {
      await this.cluster.update('cronjobs', namespace, cronJob, (current) => {
        const saved = current.metadata.annotations?.[SAVED_SUSPEND];
        if (saved === undefined) return undefined;
        if (saved !== 'true' && saved !== 'false')
          throw savedValueInvalid(namespace, current.metadata.name, saved);
        return {
          metadata: { annotations: { [SAVED_SUSPEND]: null } },
          spec: { suspend: saved === 'true' },
        };
      });
    }
    await this.cluster.annotateNamespace(namespace, {
      [STATE]: null,
      [SUSPENDED_AT]: null,
      [REASON]: null,
      [RECLAIMED_AT]: null,
    });
  }
}

function parseSavedHpa(namespace: string, key: string, json: string): KubeObject {
  try {
    const hpa = JSON.parse(json) as KubeObject;
    if (typeof hpa.metadata?.name === 'string' && typeof hpa.apiVersion === 'string') return hpa;
  } catch {
    // reported below
  }
  throw savedValueInvalid(namespace, key, json);
}
