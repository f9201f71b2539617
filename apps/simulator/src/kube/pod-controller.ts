import type {
  KubernetesObject,
  V1CronJob,
  V1Deployment,
  V1Job,
  V1PersistentVolumeClaim,
  V1Pod,
  V1ReplicaSet,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { KubeClient } from '@tally/metering/kube/kube-client';
import { kubeStatus } from '@tally/metering/kube/kube-retry';
import {
  ClusterSnapshot,
  EMPTY_SNAPSHOT,
  PodPhase,
  PodState,
} from '@tally/simulator/cluster/cluster-state';
import { APP_LABEL } from './workload-manifests';
import { ObjectRef, ObservedCluster, PodPlan, planPods, RunMinutes } from './pod-plan';

export interface PodControllerOptions {
  readonly kube: KubeClient;
  /** Only these namespaces are looked after: the simulator never touches anyone else's pods. */
  readonly namespaces: ReadonlySet<string>;
  readonly nodeName: string;
  readonly cronJobApiVersion: string;
  readonly runMinutes: RunMinutes;
  readonly resyncMs: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/**
 * Stands in for the controller-manager and the kubelet of a cluster that has neither: every
 * resync lists the workloads, plans what those controllers would do (pod-plan.ts) and does it,
 * then keeps what it saw as the snapshot the exporters render. A Deployment scaled to 0 (the
 * suspender's doing) loses its pods, and their usage, on the next resync; scaled back, they
 * return. Failures are logged and retried on the next resync, as a controller's would be.
 */
export class PodController {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private current: ClusterSnapshot = EMPTY_SNAPSHOT;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(private readonly options: PodControllerOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** What the exporters show: pods, claims and services as of the last resync. */
  get snapshot(): ClusterSnapshot {
    return this.current;
  }

  start(): void {
    const tick = () => {
      this.running = this.resync()
        .catch((error: unknown) => this.log(`resync failed: ${String(error)}`))
        .finally(() => {
          if (this.timer !== undefined) this.timer = setTimeout(tick, this.options.resyncMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round: observe, act, observe the pods again for the snapshot. */
  async resync(): Promise<void> {
    const observed = await this.observe();
    const plan = planPods(observed, this.now().getTime() / 1000, this.options.runMinutes);
    await this.apply(plan);
    const changed = Object.values(plan).some((actions: unknown[]) => actions.length > 0);
    const pods = changed ? await this.list<V1Pod>('', 'v1', 'pods') : observed.pods;
    this.current = {
      pods: pods
        .filter((pod) => !pod.metadata?.deletionTimestamp)
        .map((pod) => podState(pod, this.options.nodeName)),
      claims: observed.claims.map((claim) => ({
        namespace: claim.metadata!.namespace!,
        name: claim.metadata!.name!,
        bytes: storageBytes(claim),
      })),
      services: (await this.list<V1Service>('', 'v1', 'services')).map((service) => ({
        namespace: service.metadata!.namespace!,
        name: service.metadata!.name!,
        uid: service.metadata!.uid!,
        type: service.spec?.type ?? 'ClusterIP',
      })),
    };
  }

  private async observe(): Promise<ObservedCluster> {
    const [deployments, statefulSets, cronJobs, replicaSets, jobs, pods, claims] =
      await Promise.all([
        this.list<V1Deployment>('apps', 'v1', 'deployments'),
        this.list<V1StatefulSet>('apps', 'v1', 'statefulsets'),
        this.list<V1CronJob>('batch', this.options.cronJobApiVersion.split('/')[1], 'cronjobs'),
        this.list<V1ReplicaSet>('apps', 'v1', 'replicasets'),
        this.list<V1Job>('batch', 'v1', 'jobs'),
        this.list<V1Pod>('', 'v1', 'pods'),
        this.list<V1PersistentVolumeClaim>('', 'v1', 'persistentvolumeclaims'),
      ]);
    return { deployments, statefulSets, cronJobs, replicaSets, jobs, pods, claims };
  }

  private async apply(plan: PodPlan): Promise<void> {
    const { core, objects } = this.options.kube;
    const attempt = (what: string, call: () => Promise<unknown>) =>
      call().catch((error: unknown) => {
        // Someone else got there first (a create) or it is already gone (a delete).
        if (kubeStatus(error) === 409 || kubeStatus(error) === 404) return;
        // A ResourceQuota of a suspended namespace refuses new pods: the next resync retries.
        this.log(`${what}: ${kubeStatus(error) ?? ''} ${String(error).slice(0, 300)}`);
      });
    const create = (group: string, plural: string, body: KubernetesObject) =>
      attempt(`create ${plural} ${body.metadata?.namespace}/${body.metadata?.name}`, () =>
        objects.createNamespacedCustomObject({
          group,
          version: 'v1',
          namespace: body.metadata!.namespace!,
          plural,
          body,
        }),
      );
    await Promise.all([
      ...plan.createReplicaSets.map((rs) => create('apps', 'replicasets', rs)),
      ...plan.scaleReplicaSets.map(({ namespace, name, replicas }) =>
        attempt(`scale replicaset ${namespace}/${name}`, () =>
          objects.patchNamespacedCustomObject({
            group: 'apps',
            version: 'v1',
            namespace,
            plural: 'replicasets',
            name,
            body: { spec: { replicas } },
          }),
        ),
      ),
      ...plan.createJobs.map((job) => create('batch', 'jobs', job)),
      ...plan.deleteJobs.map(({ namespace, name }) =>
        attempt(`delete job ${namespace}/${name}`, () =>
          objects.deleteNamespacedCustomObject({
            group: 'batch',
            version: 'v1',
            namespace,
            plural: 'jobs',
            name,
          }),
        ),
      ),
      ...plan.createClaims.map((claim) =>
        attempt(`create claim ${claim.metadata?.name}`, () =>
          core.createNamespacedPersistentVolumeClaim({
            namespace: claim.metadata!.namespace!,
            body: claim,
          }),
        ),
      ),
      ...plan.deletePods.map(({ namespace, name }) =>
        attempt(`delete pod ${namespace}/${name}`, () =>
          core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: 0 }),
        ),
      ),
    ]);
    const created = new Set<string>();
    await Promise.all(
      plan.createPods.map((pod) =>
        attempt(`create pod ${pod.metadata?.namespace}/${pod.metadata?.name}`, async () => {
          await core.createNamespacedPod({
            namespace: pod.metadata!.namespace!,
            body: { ...pod, spec: { ...pod.spec!, nodeName: this.options.nodeName } },
          });
          created.add(`${pod.metadata!.namespace}/${pod.metadata!.name}`);
        }),
      ),
    );
    const isNew = (p: ObjectRef) =>
      plan.createPods.some(
        (c) => c.metadata?.name === p.name && c.metadata?.namespace === p.namespace,
      );
    await Promise.all(
      plan.setPhases
        .filter((p) => !isNew(p) || created.has(`${p.namespace}/${p.name}`))
        .map((p) =>
          attempt(`status of pod ${p.namespace}/${p.name}`, () => this.setPhase(p, p.phase)),
        ),
    );
  }

  /** What the kubelet reports once the containers run (or have finished). */
  private setPhase({ namespace, name }: ObjectRef, phase: PodPhase) {
    const now = this.now().toISOString();
    const ready = phase === 'Running' ? 'True' : 'False';
    return this.options.kube.core.patchNamespacedPodStatus({
      namespace,
      name,
      body: {
        status: {
          phase,
          hostIP: '10.0.0.10',
          podIP: podIp(`${namespace}/${name}`),
          startTime: now,
          conditions: [
            { type: 'Initialized', status: 'True', lastTransitionTime: now },
            { type: 'Ready', status: ready, lastTransitionTime: now },
            { type: 'ContainersReady', status: ready, lastTransitionTime: now },
            { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
          ],
        },
      },
    });
  }

  private async list<T extends KubernetesObject>(
    group: string,
    version: string,
    plural: string,
  ): Promise<T[]> {
    const { core, objects } = this.options.kube;
    const body: { items: T[] } =
      group === ''
        ? await coreList(core, plural)
        : ((await objects.listClusterCustomObject({ group, version, plural })) as { items: T[] });
    return body.items.filter((item) => this.options.namespaces.has(item.metadata?.namespace ?? ''));
  }
}

function coreList(core: KubeClient['core'], plural: string): Promise<{ items: never[] }> {
  switch (plural) {
    case 'pods':
      return core.listPodForAllNamespaces() as Promise<{ items: never[] }>;
    case 'services':
      return core.listServiceForAllNamespaces() as Promise<{ items: never[] }>;
    case 'persistentvolumeclaims':
      return core.listPersistentVolumeClaimForAllNamespaces() as Promise<{ items: never[] }>;
    default:
      throw new Error(`no core list for ${plural}`);
  }
}

function podState(pod: V1Pod, nodeName: string): PodState {
  const started = pod.status?.startTime ?? pod.metadata?.creationTimestamp;
  return {
    namespace: pod.metadata!.namespace!,
    name: pod.metadata!.name!,
    uid: pod.metadata!.uid!,
    app: pod.metadata?.labels?.[APP_LABEL] ?? '',
    phase: (pod.status?.phase as PodPhase | undefined) ?? 'Pending',
    nodeName: pod.spec?.nodeName ?? nodeName,
    startedAt: started ? new Date(started).getTime() / 1000 : 0,
    containers: (pod.spec?.containers ?? []).map((container) => {
      const requests = container.resources?.requests ?? {};
      return {
        name: container.name,
        image: container.image ?? '',
        requests: {
          cpu: parseQuantity(requests.cpu ?? '0'),
          memoryBytes: parseQuantity(requests.memory ?? '0'),
          gpus: parseQuantity(requests['nvidia.com/gpu'] ?? '0'),
        },
      };
    }),
  };
}

function storageBytes(claim: V1PersistentVolumeClaim): number {
  return parseQuantity(claim.spec?.resources?.requests?.storage ?? '0');
}

const SUFFIXES: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A Kubernetes quantity ("250m", "512Mi", "2") as a number. */
export function parseQuantity(quantity: string | number): number {
  if (typeof quantity === 'number') return quantity;
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return 0;
  return Number(match[1]) * (SUFFIXES[match[2]] ?? 1);
}

/** A stable address in 10.244.0.0/16 for the pod. */
function podIp(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `10.244.${(hash >> 8) & 0xff}.${(hash & 0xfe) + 1}`;
}
