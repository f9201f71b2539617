import { Endpoint, Flow } from './hubble-messages';

/**
 * How a flow counts for one namespace: traffic to the world (leaves the cluster: the part
 * that egress bytes are charged for), from the world, or inside the cluster.
 */
export type FlowClass = 'world-egress' | 'world-ingress' | 'in-cluster';

/** Flows one namespace took part in during one minute. Counts are increments: add them up. */
export interface FlowCount {
  readonly namespace: string;
  readonly minute: Date;
  readonly flowClass: FlowClass;
  readonly flows: number;
}

export interface FlowCountSink {
  recordFlows(counts: readonly FlowCount[]): Promise<void>;
}

// Cilium's reserved security identity for everything outside the cluster (reserved:world),
// and its dual-stack halves reserved:world-ipv4 and reserved:world-ipv6.
const WORLD_IDENTITIES: ReadonlySet<number> = new Set([2, 9, 10]);
const MINUTE_NS = 60_000_000_000n;

const isWorld = (endpoint: Endpoint | null) =>
  endpoint !== null && WORLD_IDENTITIES.has(endpoint.identity);

/**
 * Counts flows per (namespace, minute, class). A flow counts for its source namespace and for
 * its destination namespace (once when both are the same namespace); a world endpoint has no
 * namespace. Hubble flows carry no byte counts: bytes come from Prometheus.
 */
export class FlowCounter {
  private readonly counts = new Map<string, FlowCount>();

  add(flow: Flow, timeNanos: bigint): void {
    const minute = new Date(Number((timeNanos / MINUTE_NS) * 60_000n));
    const from = flow.source?.namespace ?? '';
    const to = flow.destination?.namespace ?? '';
    if (from) this.bump(from, minute, isWorld(flow.destination) ? 'world-egress' : 'in-cluster');
    if (to && to !== from) {
      this.bump(to, minute, isWorld(flow.source) ? 'world-ingress' : 'in-cluster');
    }
  }

  /** Puts back counts a sink did not take. */
  restore(counts: readonly FlowCount[]): void {
    for (const { namespace, minute, flowClass, flows } of counts) {
      this.bump(namespace, minute, flowClass, flows);
    }
  }

  /** Hands over everything counted so far and starts again from zero. */
  drain(): FlowCount[] {
    const counts = [...this.counts.values()];
    this.counts.clear();
    return counts;
  }

  private bump(namespace: string, minute: Date, flowClass: FlowClass, by = 1): void {
    const key = `${namespace}\u0000${minute.getTime()}\u0000${flowClass}`;
    const flows = (this.counts.get(key)?.flows ?? 0) + by;
    this.counts.set(key, { namespace, minute, flowClass, flows });
  }
}
