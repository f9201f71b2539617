import { randomBytes } from 'node:crypto';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
  type V1ResourceQuota,
} from '@kubernetes/client-node';
import { TENANT_LABEL } from '@tally/kube';

type Kind = 'deployments' | 'statefulsets' | 'cronjobs' | 'horizontalpodautoscalers';

// What the 1.20 test server serves (CronJob is batch/v1beta1 there; HPA v2beta2 keeps metrics).
const PATHS: Record<Kind, { group: string; version: string; plural: Kind; kind: string }> = {
  deployments: { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  statefulsets: { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet' },
  cronjobs: { group: 'batch', version: 'v1beta1', plural: 'cronjobs', kind: 'CronJob' },
  horizontalpodautoscalers: {
    group: 'autoscaling',
    version: 'v2beta2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
};

const pathOf = (kind: Kind) => {
  const { group, version, plural } = PATHS[kind];
  return { group, version, plural };
};

interface Obj {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}

const podTemplate = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'app', image: 'registry.example/app:1' }] },
});

/** Builds and reads tenant namespaces as the cluster admin (fixtures, never the code under test). */
export class NamespaceFixtures {
  private readonly core: CoreV1Api;
  private readonly objects: CustomObjectsApi;

  constructor(admin: KubeConfig) {
    this.core = admin.makeApiClient(CoreV1Api);
    this.objects = admin.makeApiClient(CustomObjectsApi);
  }

  /**
   * A namespace created in the cluster. `forTenant` puts Tally's ownership label on it, as an
   * operator does who pre-creates a tenant's namespace, so the tenant may claim it as a workspace.
   */
  async newNamespace(prefix = 'tenant', forTenant?: string): Promise<string> {
    const name = `${prefix}-${randomBytes(4).toString('hex')}`;
    const labels = forTenant === undefined ? undefined : { [TENANT_LABEL]: forTenant };
    await this.core.createNamespace({ body: { metadata: { name, labels } } });
    return name;
  }

  deployment(namespace: string, name: string, replicas: number | undefined) {
    return this.create('deployments', namespace, name, {
      replicas,
      selector: { matchLabels: { app: name } },
      template: podTemplate(name),
    });
  }

  statefulSet(namespace: string, name: string, replicas: number) {
    return this.create('statefulsets', namespace, name, {
      replicas,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: podTemplate(name),
    });
  }

  cronJob(namespace: string, name: string, suspend: boolean) {
    return this.create('cronjobs', namespace, name, {
      schedule: '*/5 * * * *',
      suspend,
      jobTemplate: {
        spec: {
          template: {
            ...podTemplate(name),
            spec: { ...podTemplate(name).spec, restartPolicy: 'Never' },
          },
        },
      },
    });
  }

  hpa(
    namespace: string,
    name: string,
    target: { kind: 'Deployment' | 'StatefulSet'; name: string },
    range: { min: number; max: number; cpu: number },
  ) {
    return this.create('horizontalpodautoscalers', namespace, name, {
      scaleTargetRef: { apiVersion: 'apps/v1', ...target },
      minReplicas: range.min,
      maxReplicas: range.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: range.cpu } },
        },
      ],
    });
  }

  async pvc(namespace: string, name: string): Promise<void> {
    await this.core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: {
        metadata: { name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    });
  }

  async list(kind: Kind, namespace: string): Promise<Obj[]> {
    const path = pathOf(kind);
    const list = (await this.objects.listNamespacedCustomObject({ ...path, namespace })) as {
      items: Obj[];
    };
    return list.items;
  }

  async get(kind: Kind, namespace: string, name: string): Promise<Obj> {
    const path = pathOf(kind);
    return (await this.objects.getNamespacedCustomObject({ ...path, namespace, name })) as Obj;
  }

  /** A merge patch as the tenant would make it (e.g. `kubectl scale`). */
  async patch(kind: Kind, namespace: string, name: string, body: object): Promise<void> {
    const path = pathOf(kind);
    await this.objects.patchNamespacedCustomObject(
      { ...path, namespace, name, body },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  async namespaceAnnotations(namespace: string): Promise<Record<string, string>> {
    return (await this.core.readNamespace({ name: namespace })).metadata?.annotations ?? {};
  }

  async namespaceExists(namespace: string): Promise<boolean> {
    try {
      await this.core.readNamespace({ name: namespace });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return false;
      throw error;
    }
  }

  async quotas(namespace: string): Promise<V1ResourceQuota[]> {
    return (await this.core.listNamespacedResourceQuota({ namespace })).items;
  }

  async pvcNames(namespace: string): Promise<string[]> {
    const list = await this.core.listNamespacedPersistentVolumeClaim({ namespace });
    return list.items.map((pvc) => pvc.metadata!.name!);
  }

  /**
   * Everything suspension reads or writes in a namespace, in a form two namespaces built
   * alike can be compared by (names, replicas, saved values, HPA specs, quota, annotations;
   * not uids, times or resource versions).
   */
  async snapshot(namespace: string) {
    const tally = (annotations: Record<string, string> | undefined) =>
      Object.fromEntries(
        Object.entries(annotations ?? {}).filter(
          ([key]) => key.includes('tally.dev/') && !key.endsWith('-at'),
        ),
      );
    const byName = async <T>(kind: Kind, pick: (o: Obj) => T): Promise<Record<string, T>> =>
      Object.fromEntries((await this.list(kind, namespace)).map((o) => [o.metadata.name, pick(o)]));
    const scaled = (o: Obj) => ({ replicas: o.spec.replicas, ...tally(o.metadata.annotations) });
    return {
      namespace: tally(await this.namespaceAnnotations(namespace)),
      quotas: (await this.quotas(namespace)).map((q) => ({
        name: q.metadata?.name,
        hard: q.spec?.hard,
      })),
      deployments: await byName('deployments', scaled),
      statefulsets: await byName('statefulsets', scaled),
      cronjobs: await byName('cronjobs', (o) => ({
        suspend: o.spec.suspend,
        ...tally(o.metadata.annotations),
      })),
      hpas: await byName('horizontalpodautoscalers', (o) => o.spec),
    };
  }

  /**
   * The tenant every suite starts from: Deployments (one at 0, one with no replicas field),
   * StatefulSets, CronJobs (one already suspended) and HPAs on a Deployment and a StatefulSet.
   */
  async populate(namespace: string): Promise<void> {
    await this.deployment(namespace, 'web', 3);
    await this.deployment(namespace, 'worker', 2);
    await this.deployment(namespace, 'idle', 0);
    await this.deployment(namespace, 'defaulted', undefined);
    await this.statefulSet(namespace, 'db', 2);
    await this.statefulSet(namespace, 'cache', 1);
    await this.cronJob(namespace, 'report', false);
    await this.cronJob(namespace, 'paused', true);
    await this.hpa(
      namespace,
      'web',
      { kind: 'Deployment', name: 'web' },
      { min: 2, max: 7, cpu: 65 },
    );
    await this.hpa(
      namespace,
      'db',
      { kind: 'StatefulSet', name: 'db' },
      { min: 1, max: 3, cpu: 80 },
    );
  }

  private async create(kind: Kind, namespace: string, name: string, spec: object): Promise<void> {
    const { kind: kindName, ...path } = PATHS[kind];
    await this.objects.createNamespacedCustomObject({
      ...path,
      namespace,
      body: {
        apiVersion: `${path.group}/${path.version}`,
        kind: kindName,
        metadata: { name },
        spec,
      },
    });
  }
}
