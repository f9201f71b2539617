import { randomUUID } from 'node:crypto';
import type {
  Endpoint,
  Flow,
  GetFlowsResponse,
} from '@tally/metering/sources/hubble/hubble-messages';
import { fromNanos } from '@tally/metering/sources/hubble/hubble-messages';
import { ClusterSnapshot, digest, PodState } from '@tally/simulator/cluster/cluster-state';
import { DemoCluster, FlowPeer } from '@tally/simulator/cluster/demo-cluster';

// Cilium's reserved identity of everything outside the cluster.
const WORLD_IDENTITY = 2;
const WORLD: Endpoint = {
  ID: 0,
  identity: WORLD_IDENTITY,
  namespace: '',
  labels: ['reserved:world'],
  pod_name: '',
};

/** A flow as GetFlows sends it, with the fields Hubble sets for an L3/L4 TCP flow. */
export type FlowResponse = GetFlowsResponse & { flow: Flow & Record<string, unknown> };

/**
 * One round of traffic at `nanos`: for each of the demo's flows whose ends are running, a
 * request from a pod of one end to a pod of the other (or the world) and its reply. Pods are
 * picked round-robin by `round`, so over time every replica talks.
 */
export function generateFlows(
  cluster: DemoCluster,
  snapshot: ClusterSnapshot,
  nanos: bigint,
  round: number,
): FlowResponse[] {
  const running = snapshot.pods.filter((pod) => pod.phase === 'Running');
  const pick = (peer: FlowPeer): Endpoint | undefined => {
    if (peer === 'world') return WORLD;
    const pods = running.filter((pod) => pod.namespace === peer.namespace && pod.app === peer.app);
    return pods.length === 0 ? undefined : endpoint(pods[round % pods.length]);
  };
  const responses: FlowResponse[] = [];
  for (const spec of cluster.flows) {
    const [source, destination] = [pick(spec.from), pick(spec.to)];
    if (!source || !destination) continue;
    const ports = { source_port: 32768 + (round % 28000), destination_port: spec.port };
    responses.push(
      response(cluster.nodeName, nanos, source, destination, ports, false),
      response(cluster.nodeName, nanos, destination, source, swap(ports), true),
    );
  }
  return responses;
}

function response(
  nodeName: string,
  nanos: bigint,
  source: Endpoint,
  destination: Endpoint,
  ports: { source_port: number; destination_port: number },
  isReply: boolean,
): FlowResponse {
  const time = fromNanos(nanos);
  return {
    node_name: nodeName,
    time,
    flow: {
      time,
      uuid: randomUUID(),
      verdict: 'FORWARDED',
      IP: { source: ipOf(source), destination: ipOf(destination), ipVersion: 'IPv4' },
      l4: { TCP: ports },
      source,
      destination,
      Type: 'L3_L4',
      node_name: nodeName,
      // Seen where the connection starts: the request leaves, the reply comes in.
      traffic_direction: isReply ? 'INGRESS' : 'EGRESS',
      is_reply: { value: isReply },
    },
  };
}

function endpoint(pod: PodState): Endpoint {
  // Cilium gives every distinct label set an identity (user identities start at 256).
  const identity = 256 + (parseInt(digest(pod.namespace, pod.app).slice(0, 6), 16) % 60_000);
  return {
    ID: 1 + (parseInt(digest(pod.uid).slice(0, 4), 16) % 4000),
    identity,
    namespace: pod.namespace,
    labels: [`k8s:app=${pod.app}`, `k8s:io.kubernetes.pod.namespace=${pod.namespace}`],
    pod_name: pod.name,
  };
}

function ipOf(endpoint: Endpoint): string {
  if (endpoint.identity === WORLD_IDENTITY) return '203.0.113.10';
  const hex = digest(endpoint.namespace, endpoint.pod_name);
  return `10.244.${parseInt(hex.slice(0, 2), 16)}.${1 + (parseInt(hex.slice(2, 4), 16) % 254)}`;
}

const swap = ({
  source_port,
  destination_port,
}: {
  source_port: number;
  destination_port: number;
}) => ({
  source_port: destination_port,
  destination_port: source_port,
});
