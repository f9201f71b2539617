import {
  ClaimState,
  ClusterSnapshot,
  digest,
  PodState,
  ServiceState,
  stableUid,
} from '@tally/simulator/cluster/cluster-state';
import {
  DemoCluster,
  demoNamespaces,
  NamespaceSpec,
  WorkloadSpec,
} from '@tally/simulator/cluster/demo-cluster';

/** A pod of the past: the state it had, and when it existed. */
interface PastPod {
  readonly pod: Omit<PodState, 'phase'>;
  readonly from: number;
  readonly runningUntil: number;
  readonly until: number;
}

/**
 * The cluster as it was over [from, to] (unix seconds), for the history backfill: every
 * Deployment and StatefulSet of a tenant with history at its demo replicas the whole time
 * (or its last `historyHours`)
 * (their counters start at `from`), each CronJob's nightly run as a pod that runs for its
 * minutes and then stays Succeeded until the next run replaces it.
 */
export class History {
  private readonly pods: PastPod[];
  private readonly claims: ClaimState[];
  private readonly services: ServiceState[];

  constructor(cluster: DemoCluster, from: number, to: number) {
    const withHistory = demoNamespaces(cluster).filter(({ tenant }) => tenant.historyHours !== 0);
    const namespaces = withHistory.map(({ namespace }) => namespace);
    this.pods = withHistory.flatMap(({ tenant, namespace }) => {
      // A tenant with hours of history signed up that many whole hours before the end's hour,
      // so each of those hours is a full hour of its usage.
      const since =
        tenant.historyHours === undefined
          ? from
          : Math.max(from, Math.floor(to / 3600) * 3600 - tenant.historyHours * 3600);
      return namespace.workloads.flatMap((workload) =>
        pastPods(cluster, namespace, workload, since, to),
      );
    });
    this.claims = namespaces.flatMap(pastClaims);
    this.services = namespaces.flatMap((namespace) =>
      (namespace.services ?? []).map((service) => ({
        namespace: namespace.name,
        name: service.name,
        uid: stableUid('history', namespace.name, 'service', service.name),
        type: 'NodePort',
      })),
    );
  }

  /** What the exporters would have seen at `seconds`. */
  at(seconds: number): ClusterSnapshot {
    const pods = this.pods
      .filter((past) => past.from <= seconds && seconds < past.until)
      .map(({ pod, runningUntil }): PodState => ({
        ...pod,
        phase: seconds < runningUntil ? 'Running' : 'Succeeded',
      }));
    return { pods, claims: this.claims, services: this.services };
  }
}

function pastPods(
  cluster: DemoCluster,
  namespace: NamespaceSpec,
  workload: WorkloadSpec,
  from: number,
  to: number,
): PastPod[] {
  const pod = (name: string, startedAt: number): Omit<PodState, 'phase'> => ({
    namespace: namespace.name,
    name,
    uid: stableUid('history', namespace.name, name, String(startedAt)),
    app: workload.name,
    nodeName: cluster.nodeName,
    startedAt,
    containers: workload.containers.map((c) => ({
      name: c.name,
      image: c.image,
      requests: {
        cpu: c.requests.cpu,
        memoryBytes: c.requests.memoryBytes,
        gpus: c.requests.gpus ?? 0,
      },
    })),
  });
  const replicas = Array.from({ length: workload.replicas ?? 1 }, (_, i) => i);
  switch (workload.kind) {
    case 'Deployment': {
      const replicaSet = `${workload.name}-${digest('history', namespace.name, workload.name).slice(0, 10)}`;
      return replicas.map((i) => ({
        pod: pod(`${replicaSet}-${digest(replicaSet, String(i)).slice(0, 5)}`, from),
        from,
        runningUntil: Infinity,
        until: Infinity,
      }));
    }
    case 'StatefulSet':
      return replicas.map((i) => ({
        pod: pod(`${workload.name}-${i}`, from),
        from,
        runningUntil: Infinity,
        until: Infinity,
      }));
    case 'CronJob': {
      const schedule = workload.schedule!;
      const ofDay = schedule.hour * 3600 + schedule.minute * 60;
      const runs: PastPod[] = [];
      for (let run = Math.floor(from / 86400) * 86400 + ofDay - 86400; run <= to; run += 86400) {
        const job = `${workload.name}-${Math.floor(run / 60)}`;
        runs.push({
          pod: pod(`${job}-${digest(job).slice(0, 5)}`, run),
          from: run,
          runningUntil: run + schedule.runMinutes * 60,
          until: run + 86400,
        });
      }
      return runs;
    }
  }
}

function pastClaims(namespace: NamespaceSpec): ClaimState[] {
  return namespace.workloads.flatMap((workload) =>
    workload.volumeClaim
      ? Array.from({ length: workload.replicas ?? 1 }, (_, i) => ({
          namespace: namespace.name,
          name: `${workload.volumeClaim!.name}-${workload.name}-${i}`,
          bytes: workload.volumeClaim!.bytes,
        }))
      : [],
  );
}
