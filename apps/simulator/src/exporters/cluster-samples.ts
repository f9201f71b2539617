import {
  ClusterSnapshot,
  ContainerState,
  digest,
  POD_PHASES,
  PodState,
} from '@tally/simulator/cluster/cluster-state';
import { DemoCluster, findWorkload } from '@tally/simulator/cluster/demo-cluster';
import { DailyPattern, integrate, levelAt } from '@tally/simulator/cluster/usage-profile';
import { Sample } from './metric-families';

/**
 * Every sample the simulated exporters show at `seconds` (unix) for this snapshot: cAdvisor's
 * per-container and per-pod-cgroup series for running pods, kube-state-metrics' series for
 * every pod, claim and service. The live `/metrics` and the history backfill both call this,
 * so the history is the same series the live scrape continues.
 */
export function clusterSamples(
  cluster: DemoCluster,
  snapshot: ClusterSnapshot,
  seconds: number,
): Sample[] {
  return [
    ...snapshot.pods.flatMap((pod) => podSamples(cluster, pod, seconds)),
    ...snapshot.claims.map((claim): Sample => ({
      family: 'claimStorage',
      labels: { namespace: claim.namespace, persistentvolumeclaim: claim.name },
      value: claim.bytes,
    })),
    ...snapshot.services.map((service): Sample => ({
      family: 'serviceType',
      labels: {
        namespace: service.namespace,
        service: service.name,
        uid: service.uid,
        type: service.type,
      },
      value: 1,
    })),
  ];
}

function podSamples(cluster: DemoCluster, pod: PodState, seconds: number): Sample[] {
  const samples = [...phaseSamples(pod), ...pod.containers.flatMap((c) => requestSamples(pod, c))];
  const workload = findWorkload(cluster, pod.namespace, pod.app);
  if (pod.phase !== 'Running' || !workload) return samples;
  const scale = podScale(pod);
  const used = (pattern: DailyPattern) => ({
    base: pattern.base * scale,
    peak: pattern.peak * scale,
  });
  let podCpu = 0;
  let podMemory = 0;
  for (const container of pod.containers) {
    const spec = workload.containers.find((c) => c.name === container.name);
    if (!spec) continue;
    const cpu = integrate(used(spec.cpu), pod.startedAt, seconds);
    const memory = Math.round(levelAt(used(spec.memoryBytes), seconds));
    podCpu += cpu;
    podMemory += memory;
    const labels = cadvisorContainerLabels(pod, container);
    samples.push(
      { family: 'cpu', labels: { ...labels, cpu: 'total' }, value: cpu },
      { family: 'memory', labels, value: memory },
    );
  }
  // The pod's own cgroup (container=""): what Tally's queries must leave out to not count
  // each container twice. Network counters exist only at this level (one netns per pod).
  const podLabels = cadvisorPodLabels(pod);
  const transmitted = Math.round(
    integrate(used(workload.egressBytesPerSecond), pod.startedAt, seconds),
  );
  samples.push(
    { family: 'cpu', labels: { ...podLabels, cpu: 'total' }, value: podCpu },
    { family: 'memory', labels: podLabels, value: podMemory },
    { family: 'transmit', labels: { ...podLabels, interface: 'eth0' }, value: transmitted },
  );
  return samples;
}

function phaseSamples(pod: PodState): Sample[] {
  return POD_PHASES.map((phase) => ({
    family: 'phase',
    labels: { namespace: pod.namespace, pod: pod.name, uid: pod.uid, phase },
    value: pod.phase === phase ? 1 : 0,
  }));
}

function requestSamples(pod: PodState, container: ContainerState): Sample[] {
  const labels = (resource: string, unit: string) => ({
    namespace: pod.namespace,
    pod: pod.name,
    uid: pod.uid,
    container: container.name,
    node: pod.nodeName,
    resource,
    unit,
  });
  const { cpu, memoryBytes, gpus } = container.requests;
  const samples: Sample[] = [
    { family: 'requests', labels: labels('cpu', 'core'), value: cpu },
    { family: 'requests', labels: labels('memory', 'byte'), value: memoryBytes },
  ];
  // kube-state-metrics writes nvidia.com/gpu as nvidia_com_gpu.
  if (gpus > 0)
    samples.push({ family: 'requests', labels: labels('nvidia_com_gpu', 'integer'), value: gpus });
  return samples;
}

// Pods with requests below their limits are in the Burstable QoS class's cgroup.
const podCgroup = (pod: PodState) => `/kubepods/burstable/pod${pod.uid}`;

function cadvisorPodLabels(pod: PodState): Record<string, string> {
  return {
    container: '',
    id: podCgroup(pod),
    image: '',
    name: '',
    namespace: pod.namespace,
    pod: pod.name,
  };
}

function cadvisorContainerLabels(pod: PodState, container: ContainerState): Record<string, string> {
  const containerId = digest(pod.uid, container.name);
  return {
    container: container.name,
    id: `${podCgroup(pod)}/${containerId}`,
    image: container.image,
    name: containerId,
    namespace: pod.namespace,
    pod: pod.name,
  };
}

/** Replicas of one workload do not use exactly the same: ±15 %, fixed per pod name. */
export function podScale(pod: Pick<PodState, 'namespace' | 'name'>): number {
  return 0.85 + (parseInt(digest(pod.namespace, pod.name).slice(0, 8), 16) / 0xffffffff) * 0.3;
}
