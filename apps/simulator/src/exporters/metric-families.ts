/** A metric family the simulator exports, named and typed as the real exporter does. */
export interface MetricFamily {
  readonly name: string;
  readonly type: 'counter' | 'gauge';
  readonly help: string;
  readonly exporter: 'cadvisor' | 'kube-state-metrics';
}

const family = (
  exporter: MetricFamily['exporter'],
  type: MetricFamily['type'],
  name: string,
  help: string,
): MetricFamily => ({ exporter, type, name, help });

// HELP texts as cAdvisor (kubelet /metrics/cadvisor) and kube-state-metrics v2 print them.
export const FAMILIES = {
  cpu: family(
    'cadvisor',
    'counter',
    'container_cpu_usage_seconds_total',
    'Cumulative cpu time consumed in seconds.',
  ),
  memory: family(
    'cadvisor',
    'gauge',
    'container_memory_working_set_bytes',
    'Current working set in bytes.',
  ),
  transmit: family(
    'cadvisor',
    'counter',
    'container_network_transmit_bytes_total',
    'Cumulative count of bytes transmitted',
  ),
  requests: family(
    'kube-state-metrics',
    'gauge',
    'kube_pod_container_resource_requests',
    'The number of requested request resource by a container. It is recommended to use the kube_pod_resource_requests metric exposed by kube-scheduler instead, as it is more precise.',
  ),
  phase: family('kube-state-metrics', 'gauge', 'kube_pod_status_phase', 'The pods current phase.'),
  claimStorage: family(
    'kube-state-metrics',
    'gauge',
    'kube_persistentvolumeclaim_resource_requests_storage_bytes',
    'The capacity of storage requested by the persistent volume claim.',
  ),
  serviceType: family(
    'kube-state-metrics',
    'gauge',
    'kube_service_spec_type',
    'Type about service.',
  ),
} as const satisfies Record<string, MetricFamily>;

export type FamilyKey = keyof typeof FAMILIES;

/** One sample of one series, without a timestamp (the scrape's, or the backfill step's). */
export interface Sample {
  readonly family: FamilyKey;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}
