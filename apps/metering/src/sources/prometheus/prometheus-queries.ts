import { Resource } from '@prisma/client';
import { z } from 'zod';

/**
 * What a namespace is billed for: what it used, what it reserved, or the larger of the two per
 * container and minute (OpenCost's recommendation: a reservation is capacity nobody else gets).
 */
export type BillingBasis = 'usage' | 'request' | 'max';

/** The PromQL of one resource. Which of `usage`/`request` must be set follows from `basis`. */
export interface ResourceQueries {
  readonly basis: BillingBasis;
  /** Counter for CPU and NETWORK_EGRESS (see COUNTER_RESOURCES), gauge for the rest. */
  readonly usage?: string;
  /** Always a gauge (cores, bytes, devices). */
  readonly request?: string;
}

export type PrometheusQueries = Readonly<Record<Resource, ResourceQueries>>;

/**
 * Resources whose usage query is a monotonic counter (charged by its increase per minute);
 * every other query is a gauge (integrated over the minute).
 */
export const COUNTER_RESOURCES: ReadonlySet<Resource> = new Set<Resource>([
  'CPU',
  'NETWORK_EGRESS',
]);

/**
 * kube-state-metrics writes an extended resource name as a label value with `.` and `/`
 * replaced by `_`: `nvidia.com/gpu` becomes `nvidia_com_gpu`.
 */
export function kubeStateMetricsResourceName(extendedResource: string): string {
  return extendedResource.replace(/[^a-zA-Z0-9_]/g, '_');
}

// Usage queries keep cAdvisor's own series, one per container instance: a restarted
// container is a new series, and summing counters first would hide its reset inside the sum
// (or, while the old and new series overlap, count the new one's first minutes twice). The
// source charges each series on its own and adds them up per (namespace, pod, container),
// the grouping the request queries keep, so max(request, usage) pairs per container.
// kube-state-metrics keeps exporting the requests of pods that finished (a Job's completed
// pod) until they are deleted; only a running pod holds its reservation, so requests are
// joined with the pod's Running phase (GPU requests too: a pending pod holds no device).
// `$lookback` is the source's lookback window (TALLY_PROMETHEUS_LOOKBACK_SECONDS): a request
// or a phase not scraped for longer than that is missing, not held for Prometheus' 5 minutes.
export function defaultPrometheusQueries(gpuResource: string): PrometheusQueries {
  const requests = (resource: string) =>
    `sum by (namespace, pod, container) (last_over_time(kube_pod_container_resource_requests{resource="${resource}"}[$lookback])` +
    ` * on (namespace, pod) group_left () (max by (namespace, pod) (last_over_time(kube_pod_status_phase{phase="Running"}[$lookback])) == 1))`;
  return {
    CPU: {
      basis: 'max',
      usage: 'container_cpu_usage_seconds_total{container!="", container!="POD"}',
      request: requests('cpu'),
    },
    MEMORY: {
      basis: 'max',
      usage: 'container_memory_working_set_bytes{container!="", container!="POD"}',
      request: requests('memory'),
    },
    STORAGE: {
      basis: 'request',
      request:
        'sum by (namespace, persistentvolumeclaim) (last_over_time(kube_persistentvolumeclaim_resource_requests_storage_bytes[$lookback]))',
    },
    GPU: { basis: 'request', request: requests(kubeStateMetricsResourceName(gpuResource)) },
    // One port per NodePort service: kube-state-metrics exports the service type, not its
    // port list, and a NodePort service almost always exposes one port.
    NODEPORT: {
      basis: 'usage',
      usage:
        'count by (namespace, service) (last_over_time(kube_service_spec_type{type="NodePort"}[$lookback]))',
    },
    // All bytes a pod transmits, in-cluster traffic included: point this at a world-only
    // counter (an eBPF exporter's) when the cluster has one.
    NETWORK_EGRESS: {
      basis: 'usage',
      usage: 'container_network_transmit_bytes_total{namespace!=""}',
    },
  };
}

const resourceQueriesSchema = z
  .object({
    basis: z.enum(['usage', 'request', 'max']),
    usage: z.string().min(1).optional(),
    request: z.string().min(1).optional(),
  })
  .strict();

/** The JSON a deployment may set: per resource, the fields it overrides. */
export const prometheusQueriesOverrideSchema = z
  .object(
    Object.fromEntries(
      Object.values(Resource).map((resource) => [resource, resourceQueriesSchema.partial()]),
    ) as Record<Resource, ReturnType<typeof resourceQueriesSchema.partial>>,
  )
  .partial()
  .strict();

/** Defaults with the overrides laid over them; fails if a basis lacks the query it needs. */
export function resolvePrometheusQueries(
  gpuResource: string,
  overrides: z.infer<typeof prometheusQueriesOverrideSchema> = {},
): PrometheusQueries {
  const defaults = defaultPrometheusQueries(gpuResource);
  const resolved = {} as Record<Resource, ResourceQueries>;
  for (const resource of Object.values(Resource)) {
    const queries = { ...defaults[resource], ...overrides[resource] };
    const needsUsage = queries.basis !== 'request';
    const needsRequest = queries.basis !== 'usage';
    if ((needsUsage && !queries.usage) || (needsRequest && !queries.request)) {
      throw new Error(`${resource}: basis "${queries.basis}" needs a usage and/or request query`);
    }
    resolved[resource] = queries;
  }
  return resolved;
}
