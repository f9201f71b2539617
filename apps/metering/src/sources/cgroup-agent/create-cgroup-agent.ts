import { MeteringConfig } from '@tally/metering/metering.config';
import { SampleSink } from '@tally/metering/usage/usage-sample';
import { CgroupAgent } from './cgroup-agent';
import { kubernetesPodLister } from './kubernetes-pod-lister';
import { CachedPodNamespaces } from './pod-namespaces';

/** The agent of TALLY_METERING_MODE=agent, reading this node's pods; call start() on it. */
export function createCgroupAgent(config: MeteringConfig, sink: SampleSink): CgroupAgent {
  if (!config.NODE_NAME) {
    throw new Error('NODE_NAME must be set in agent mode (the downward API spec.nodeName)');
  }
  const listPods = kubernetesPodLister(config.NODE_NAME, config.KUBECONFIG);
  return new CgroupAgent(config.TALLY_CGROUP_ROOT, new CachedPodNamespaces(listPods), sink);
}
