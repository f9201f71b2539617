import { KubeClient } from '../kube/kube-client';
import { DEFAULT_RETRY_POLICY, kubeStatus, withRetry, type RetryPolicy } from '../kube/kube-retry';
import { SUSPENDED_QUOTA_HARD, SUSPENDED_QUOTA_NAME } from './suspension.annotations';
import { namespaceNotFound } from './suspension.errors';

/** The namespaced kinds suspension touches, by their resource (plural) names. */
export type WorkloadKind = 'deployments' | 'statefulsets' | 'cronjobs' | 'horizontalpodautoscalers';

/** The fields of a Kubernetes object that suspension reads. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** A JSON merge patch; `null` removes a field (e.g. an annotation). */
export type MergePatch = Record<string, unknown>;

interface ResourcePath {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
}

// CronJob left batch/v1beta1 for batch/v1 in Kubernetes 1.21, HPA went autoscaling/v2beta2 →
// v2 in 1.23; the oldest clusters we support (1.20) serve only the former. The first version
// the server lists wins.
const CANDIDATES: Record<WorkloadKind, { kind: string; versions: string[] }> = {
  deployments: { kind: 'Deployment', versions: ['apps/v1'] },
  statefulsets: { kind: 'StatefulSet', versions: ['apps/v1'] },
  cronjobs: { kind: 'CronJob', versions: ['batch/v1', 'batch/v1beta1'] },
  horizontalpodautoscalers: {
    kind: 'HorizontalPodAutoscaler',
    versions: ['autoscaling/v2', 'autoscaling/v2beta2', 'autoscaling/v1'],
  },
};

const PAGE_SIZE = 500;
// Reads and rewrites of one object before giving up on a tenant who keeps changing it.
const MAX_CONFLICTS = 5;

/**
 * The Kubernetes calls suspension makes, as the use cases see them; SuspensionCluster is the
 * real one, libs/testing's FakeSuspensionCluster the in-memory one their specs use.
 */
export interface ISuspensionCluster {
  namespaceAnnotations(namespace: string): Promise<Record<string, string>>;
  annotateNamespace(namespace: string, annotations: Record<string, string | null>): Promise<void>;
  list(kind: WorkloadKind, namespace: string): Promise<KubeObject[]>;
  get(kind: WorkloadKind, namespace: string, name: string): Promise<KubeObject | undefined>;
  update(
    kind: WorkloadKind,
    namespace: string,
    object: KubeObject,
    decide: (current: KubeObject) => MergePatch | undefined,
  ): Promise<void>;
  create(kind: WorkloadKind, namespace: string, object: KubeObject): Promise<void>;
  delete(kind: WorkloadKind, namespace: string, name: string): Promise<void>;
  deleteAll(kind: WorkloadKind, namespace: string): Promise<void>;
  deleteAllPersistentVolumeClaims(namespace: string): Promise<void>;
  ensureSuspendedQuota(namespace: string): Promise<void>;
  deleteSuspendedQuota(namespace: string): Promise<void>;
  apiVersion(kind: WorkloadKind): Promise<string>;
}

/**
 * Every Kubernetes call suspension makes, each with retries for transient failures (the
 * request timeout lives in KubeClient). 404 and 409 are answered here where they mean
 * "already done"; other 4xx (403: a permission the ClusterRole lacks) reach the caller.
 */
export class SuspensionCluster implements ISuspensionCluster {
  private readonly paths = new Map<WorkloadKind, Promise<ResourcePath>>();

  constructor(
    private readonly kube: KubeClient,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  async namespaceAnnotations(namespace: string): Promise<Record<string, string>> {
    try {
      const found = await this.call(() => this.kube.core.readNamespace({ name: namespace }));
      return found.metadata?.annotations ?? {};
    } catch (error) {
      if (kubeStatus(error) === 404) throw namespaceNotFound(namespace);
      throw error;
    }
  }

  async annotateNamespace(namespace: string, annotations: Record<string, string | null>) {
    await this.call(() =>
      this.kube.core.patchNamespace({ name: namespace, body: { metadata: { annotations } } }),
    );
  }

  async list(kind: WorkloadKind, namespace: string): Promise<KubeObject[]> {
    const path = await this.path(kind);
    const items: KubeObject[] = [];
    let cont: string | undefined;
    do {
      const page = (await this.call(() =>
        this.kube.objects.listNamespacedCustomObject({
          ...path,
          namespace,
          limit: PAGE_SIZE,
          _continue: cont,
        }),
      )) as { items: KubeObject[]; metadata?: { _continue?: string; continue?: string } };
      items.push(...page.items);
      cont = page.metadata?.continue || page.metadata?._continue || undefined;
    } while (cont);
    return items;
  }

  async get(kind: WorkloadKind, namespace: string, name: string): Promise<KubeObject | undefined> {
    const path = await this.path(kind);
    try {
      return (await this.call(() =>
        this.kube.objects.getNamespacedCustomObject({ ...path, namespace, name }),
      )) as KubeObject;
    } catch (error) {
      if (kubeStatus(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Changes an object by a patch computed from its current state, optimistically: the patch
   * carries the resourceVersion it was computed from, and on 409 (someone changed the object
   * in between) it is computed again from a fresh read. `decide` returns undefined when
   * nothing is to be done; a vanished object is left alone. This also makes retries safe: a
   * PATCH retried after a timeout whose first try did land gets 409, and the fresh read shows
   * the work done.
   */
  async update(
    kind: WorkloadKind,
    namespace: string,
    object: KubeObject,
    decide: (current: KubeObject) => MergePatch | undefined,
  ): Promise<void> {
    const path = await this.path(kind);
    let current: KubeObject | undefined = object;
    for (let attempt = 1; current !== undefined; attempt++) {
      const patch = decide(current);
      if (patch === undefined) return;
      const metadata = {
        ...(patch.metadata as object),
        resourceVersion: current.metadata.resourceVersion,
      };
      const name = current.metadata.name;
      try {
        await this.call(() =>
          this.kube.objects.patchNamespacedCustomObject({
            ...path,
            namespace,
            name,
            body: { ...patch, metadata },
          }),
        );
        return;
      } catch (error) {
        const status = kubeStatus(error);
        if (status === 404) return;
        if (status !== 409 || attempt >= MAX_CONFLICTS) throw error;
      }
      current = await this.get(kind, namespace, name);
    }
  }

  /**
   * Creates the object, in the version the server serves now (an HPA saved as v2beta2 before
   * an upgrade comes back as v2, whose spec is the same); one of the same name already there
   * counts as created.
   */
  async create(kind: WorkloadKind, namespace: string, object: KubeObject): Promise<void> {
    const path = await this.path(kind);
    const body = { ...object, apiVersion: `${path.group}/${path.version}` };
    try {
      await this.call(() =>
        this.kube.objects.createNamespacedCustomObject({ ...path, namespace, body }),
      );
    } catch (error) {
      if (kubeStatus(error) !== 409) throw error;
    }
  }

  /** Deletes the object; one already gone counts as deleted. */
  async delete(kind: WorkloadKind, namespace: string, name: string): Promise<void> {
    const path = await this.path(kind);
    try {
      await this.call(() =>
        this.kube.objects.deleteNamespacedCustomObject({ ...path, namespace, name }),
      );
    } catch (error) {
      if (kubeStatus(error) !== 404) throw error;
    }
  }

  async deleteAll(kind: WorkloadKind, namespace: string): Promise<void> {
    const path = await this.path(kind);
    await this.call(() =>
      this.kube.objects.deleteCollectionNamespacedCustomObject({
        ...path,
        namespace,
        propagationPolicy: 'Background',
      }),
    );
  }

  async deleteAllPersistentVolumeClaims(namespace: string): Promise<void> {
    await this.call(() =>
      this.kube.core.deleteCollectionNamespacedPersistentVolumeClaim({ namespace }),
    );
  }

  /** The zero quota, created or (when someone edited it) put back to zero. */
  async ensureSuspendedQuota(namespace: string): Promise<void> {
    const spec = { hard: { ...SUSPENDED_QUOTA_HARD } };
    try {
      await this.call(() =>
        this.kube.core.createNamespacedResourceQuota({
          namespace,
          body: { metadata: { name: SUSPENDED_QUOTA_NAME }, spec },
        }),
      );
    } catch (error) {
      if (kubeStatus(error) !== 409) throw error;
      await this.call(() =>
        this.kube.core.patchNamespacedResourceQuota({
          namespace,
          name: SUSPENDED_QUOTA_NAME,
          body: { spec },
        }),
      );
    }
  }

  async deleteSuspendedQuota(namespace: string): Promise<void> {
    try {
      await this.call(() =>
        this.kube.core.deleteNamespacedResourceQuota({ namespace, name: SUSPENDED_QUOTA_NAME }),
      );
    } catch (error) {
      if (kubeStatus(error) !== 404) throw error;
    }
  }

  /** e.g. "batch/v1beta1" for cronjobs on Kubernetes 1.20. */
  async apiVersion(kind: WorkloadKind): Promise<string> {
    const { group, version } = await this.path(kind);
    return `${group}/${version}`;
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    return withRetry(request, this.retry);
  }

  private path(kind: WorkloadKind): Promise<ResourcePath> {
    let path = this.paths.get(kind);
    if (path === undefined) {
      path = this.discover(kind);
      // A failed discovery is not remembered, so the next call tries again.
      path.catch(() => this.paths.delete(kind));
      this.paths.set(kind, path);
    }
    return path;
  }

  private async discover(kind: WorkloadKind): Promise<ResourcePath> {
    const { kind: kindName, versions } = CANDIDATES[kind];
    for (const apiVersion of versions) {
      if (await this.call(() => this.kube.discovery.serves(apiVersion, kindName))) {
        const [group, version] = apiVersion.split('/');
        return { group, version, plural: kind };
      }
    }
    throw new Error(`the API server serves none of ${versions.join(', ')} for ${kindName}`);
  }
}
