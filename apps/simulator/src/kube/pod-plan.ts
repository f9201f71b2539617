import type {
  KubernetesObject,
  V1CronJob,
  V1Deployment,
  V1Job,
  V1OwnerReference,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { digest, PodPhase } from '@tally/simulator/cluster/cluster-state';

/** The workloads and their children as listed from the API server, managed namespaces only. */
export interface ObservedCluster {
  readonly deployments: readonly V1Deployment[];
  readonly statefulSets: readonly V1StatefulSet[];
  readonly cronJobs: readonly V1CronJob[];
  readonly replicaSets: readonly V1ReplicaSet[];
  readonly jobs: readonly V1Job[];
  readonly pods: readonly V1Pod[];
  readonly claims: readonly V1PersistentVolumeClaim[];
}

export interface ObjectRef {
  readonly namespace: string;
  readonly name: string;
}

/** What the controller-manager and the kubelet would do next, as API calls to make. */
export interface PodPlan {
  readonly createReplicaSets: V1ReplicaSet[];
  readonly scaleReplicaSets: (ObjectRef & { replicas: number })[];
  readonly createJobs: V1Job[];
  readonly deleteJobs: ObjectRef[];
  readonly createClaims: V1PersistentVolumeClaim[];
  readonly createPods: V1Pod[];
  /** Deleted at once (grace 0): there is no kubelet to finish a graceful deletion. */
  readonly deletePods: ObjectRef[];
  /** Pods whose status must say this phase (new pods included). */
  readonly setPhases: (ObjectRef & { phase: PodPhase })[];
}

/** How long a CronJob's run lasts: the simulator's knowledge, real jobs just end. */
export type RunMinutes = (cronJob: ObjectRef) => number;

interface DesiredPod {
  readonly pod: V1Pod;
  readonly phase: PodPhase;
}

/**
 * The controllers' and kubelet's next step, computed from what the API server holds now:
 * a ReplicaSet per Deployment and replicas pods under it, replicas pods per StatefulSet with
 * their claims, a Job per CronJob run and its pod; pods that are not wanted (scaled down,
 * being deleted) go. Pure, so a resync that repeats it changes nothing once it has been done.
 */
export function planPods(
  observed: ObservedCluster,
  nowSeconds: number,
  runMinutes: RunMinutes,
): PodPlan {
  const plan: PodPlan = {
    createReplicaSets: [],
    scaleReplicaSets: [],
    createJobs: [],
    deleteJobs: [],
    createClaims: [],
    createPods: [],
    deletePods: [],
    setPhases: [],
  };
  const desired = new Map<string, DesiredPod>();
  const want = (pods: readonly DesiredPod[]) =>
    pods.forEach((p) => desired.set(key(p.pod.metadata!), p));

  for (const deployment of observed.deployments) {
    const name = replicaSetName(deployment);
    const replicaSet = observed.replicaSets.find(
      (rs) => rs.metadata?.name === name && ownedBy(rs, deployment),
    );
    const replicas = deployment.spec?.replicas ?? 1;
    if (!replicaSet) {
      plan.createReplicaSets.push(replicaSetFor(deployment, name));
      continue; // its pods follow once it has a uid
    }
    if ((replicaSet.spec?.replicas ?? 0) !== replicas) {
      plan.scaleReplicaSets.push({ ...ref(replicaSet), replicas });
    }
    const template = deployment.spec!.template;
    const hash = name.slice(deployment.metadata!.name!.length + 1);
    want(
      range(replicas).map((i) =>
        running(
          podFor(
            replicaSet,
            'ReplicaSet',
            `${name}-${digest(name, String(i)).slice(0, 5)}`,
            template,
            {
              'pod-template-hash': hash,
            },
          ),
        ),
      ),
    );
  }

  for (const statefulSet of observed.statefulSets) {
    const setName = statefulSet.metadata!.name!;
    for (const i of range(statefulSet.spec?.replicas ?? 1)) {
      const podName = `${setName}-${i}`;
      for (const template of statefulSet.spec?.volumeClaimTemplates ?? []) {
        const claimName = `${template.metadata!.name}-${podName}`;
        if (
          !observed.claims.some(
            (c) => c.metadata?.name === claimName && sameNamespace(c, statefulSet),
          )
        ) {
          plan.createClaims.push(claimFor(statefulSet, claimName, template, podName));
        }
      }
      want([
        running(
          podFor(statefulSet, 'StatefulSet', podName, statefulSet.spec!.template, {
            'statefulset.kubernetes.io/pod-name': podName,
          }),
        ),
      ]);
    }
  }

  for (const cronJob of observed.cronJobs) {
    const run = lastRun(cronJob.spec?.schedule ?? '', nowSeconds);
    if (run === undefined) continue;
    const jobName = `${cronJob.metadata!.name}-${Math.floor(run / 60)}`;
    const endsAt = run + runMinutes(ref(cronJob)) * 60;
    const job = observed.jobs.find((j) => j.metadata?.name === jobName && ownedBy(j, cronJob));
    // successfulJobsHistoryLimit 1: only the latest run is kept.
    for (const old of observed.jobs.filter((j) => ownedBy(j, cronJob) && j !== job)) {
      plan.deleteJobs.push(ref(old));
    }
    if (!job) {
      if (!cronJob.spec?.suspend && nowSeconds < endsAt)
        plan.createJobs.push(jobFor(cronJob, jobName));
      continue;
    }
    const pod = podFor(
      job,
      'Job',
      `${jobName}-${digest(jobName).slice(0, 5)}`,
      job.spec!.template,
      {
        'job-name': jobName,
        'controller-uid': job.metadata!.uid!,
      },
    );
    want([{ pod, phase: nowSeconds < endsAt ? 'Running' : 'Succeeded' }]);
  }

  const owners = new Set(
    [...observed.replicaSets, ...observed.statefulSets, ...observed.jobs].map(
      (o) => o.metadata?.uid,
    ),
  );
  for (const pod of observed.pods) {
    const wanted = desired.get(key(pod.metadata!));
    const ours = owners.has(controllerOf(pod)?.uid);
    if (pod.metadata?.deletionTimestamp || (ours && !wanted)) {
      plan.deletePods.push(ref(pod));
    } else if (wanted && pod.status?.phase !== wanted.phase) {
      plan.setPhases.push({ ...ref(pod), phase: wanted.phase });
    }
    desired.delete(key(pod.metadata!));
  }
  for (const { pod, phase } of desired.values()) {
    plan.createPods.push(pod);
    plan.setPhases.push({ ...ref(pod), phase });
  }
  return plan;
}

/** The start (unix seconds) of the latest run of a daily "M H * * *" schedule at or before now. */
export function lastRun(schedule: string, nowSeconds: number): number | undefined {
  const match = /^(\d+) (\d+) \* \* \*$/.exec(schedule.trim());
  if (!match) return undefined;
  const ofDay = Number(match[2]) * 3600 + Number(match[1]) * 60;
  const today = Math.floor(nowSeconds / 86400) * 86400 + ofDay;
  return today <= nowSeconds ? today : today - 86400;
}

const range = (n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => i);
const running = (pod: V1Pod): DesiredPod => ({ pod, phase: 'Running' });
const key = (m: { namespace?: string; name?: string }) => `${m.namespace}/${m.name}`;
const ref = (o: KubernetesObject): ObjectRef => ({
  namespace: o.metadata!.namespace!,
  name: o.metadata!.name!,
});
const sameNamespace = (a: KubernetesObject, b: KubernetesObject) =>
  a.metadata?.namespace === b.metadata?.namespace;
const controllerOf = (o: KubernetesObject) =>
  o.metadata?.ownerReferences?.find((r) => r.controller);
const ownedBy = (child: KubernetesObject, owner: KubernetesObject) =>
  controllerOf(child)?.uid === owner.metadata?.uid;

/** Real ReplicaSets are named by a hash of the pod template; one per Deployment is enough here. */
function replicaSetName(deployment: V1Deployment): string {
  return `${deployment.metadata!.name}-${digest(deployment.metadata!.uid ?? '').slice(0, 10)}`;
}

function ownerReference(
  owner: KubernetesObject,
  kind: string,
  apiVersion: string,
): V1OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function replicaSetFor(deployment: V1Deployment, name: string): V1ReplicaSet {
  const hash = name.slice(deployment.metadata!.name!.length + 1);
  const template = deployment.spec!.template;
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: deployment.metadata!.namespace,
      labels,
      ownerReferences: [ownerReference(deployment, 'Deployment', 'apps/v1')],
    },
    spec: {
      replicas: deployment.spec?.replicas ?? 1,
      selector: {
        matchLabels: { ...deployment.spec!.selector.matchLabels, 'pod-template-hash': hash },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
}

function jobFor(cronJob: V1CronJob, name: string): V1Job {
  const template = cronJob.spec!.jobTemplate.spec!.template;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cronJob.metadata!.namespace,
      labels: template.metadata?.labels,
      ownerReferences: [ownerReference(cronJob, 'CronJob', cronJob.apiVersion ?? 'batch/v1')],
    },
    spec: { template },
  };
}

function claimFor(
  statefulSet: V1StatefulSet,
  name: string,
  template: V1PersistentVolumeClaim,
  podName: string,
): V1PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace: statefulSet.metadata!.namespace,
      labels: {
        ...statefulSet.spec!.selector.matchLabels,
        'statefulset.kubernetes.io/pod-name': podName,
      },
    },
    spec: template.spec,
  };
}

function podFor(
  owner: KubernetesObject,
  kind: 'ReplicaSet' | 'StatefulSet' | 'Job',
  name: string,
  template: V1PodTemplateSpec,
  labels: Record<string, string>,
): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata!.namespace,
      labels: { ...template.metadata?.labels, ...labels },
      ownerReferences: [ownerReference(owner, kind, kind === 'Job' ? 'batch/v1' : 'apps/v1')],
    },
    spec: template.spec,
  };
}
