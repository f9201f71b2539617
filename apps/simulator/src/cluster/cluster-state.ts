import { createHash } from 'node:crypto';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export const POD_PHASES: readonly PodPhase[] = [
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Unknown',
];

/** What the exporters know of one pod: the API server's object, as the kubelet would see it. */
export interface PodState {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** The pod's `app` label: the workload whose usage profile it follows. */
  readonly app: string;
  readonly phase: PodPhase;
  readonly nodeName: string;
  /** Unix seconds: where its containers' counters start from zero. */
  readonly startedAt: number;
  readonly containers: readonly ContainerState[];
}

export interface ContainerState {
  readonly name: string;
  readonly image: string;
  /** Cores, bytes and whole devices, as the pod spec requests them. */
  readonly requests: { readonly cpu: number; readonly memoryBytes: number; readonly gpus: number };
}

export interface ClaimState {
  readonly namespace: string;
  readonly name: string;
  readonly bytes: number;
}

export interface ServiceState {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly type: string;
}

/** Everything the exporters render, read from the API server by the pod controller. */
export interface ClusterSnapshot {
  readonly pods: readonly PodState[];
  readonly claims: readonly ClaimState[];
  readonly services: readonly ServiceState[];
}

export const EMPTY_SNAPSHOT: ClusterSnapshot = { pods: [], claims: [], services: [] };

/** A stable hex digest of the parts: container ids, name suffixes, synthetic uids. */
export function digest(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A uuid-shaped id derived from the parts (for pods the backfill invents). */
export function stableUid(...parts: readonly string[]): string {
  const hex = digest(...parts);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
