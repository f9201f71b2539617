import { defineConfig, port, positiveInt, url } from '@tally/config';
import { z } from 'zod';
import {
  prometheusQueriesOverrideSchema,
  resolvePrometheusQueries,
} from './sources/prometheus/prometheus-queries';

const SERVICE_SOURCES = ['prometheus', 'hubble'] as const;
export type ServiceSource = (typeof SERVICE_SOURCES)[number];

// JSON laid over the default PromQL per resource, e.g.
// {"CPU":{"basis":"usage"},"NETWORK_EGRESS":{"usage":"sum by (namespace, pod) (my_egress_bytes_total)"}}
const prometheusQueriesJson = z
  .string()
  .default('{}')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(prometheusQueriesOverrideSchema)
  .superRefine((overrides, ctx) => {
    try {
      resolvePrometheusQueries('nvidia.com/gpu', overrides);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

const sourceList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(SERVICE_SOURCES)))
  .optional();

export const loadMeteringConfig = defineConfig({
  TALLY_METERING_PORT: port(4003),
  // `service`: the metering service (settlement, Prometheus and Hubble sources).
  // `agent`: the per-node cgroup v2 agent of k8s/metering-agent.yaml.
  TALLY_METERING_MODE: z.enum(['service', 'agent']).default('service'),
  // Unset: prometheus, plus hubble when HUBBLE_ADDRESS is set.
  TALLY_METERING_SOURCES: sourceList,
  PROMETHEUS_URL: url(['http', 'https'], 'http://127.0.0.1:9090'),
  PROMETHEUS_TIMEOUT_MS: positiveInt(30_000),
  TALLY_PROMETHEUS_QUERIES: prometheusQueriesJson,
  // The extended resource billed as GPU (its kube-state-metrics label form is derived).
  TALLY_METERING_GPU_RESOURCE: z.string().min(1).default('nvidia.com/gpu'),
  // host:port of Hubble Relay (or a node's Hubble server); plaintext gRPC.
  HUBBLE_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  // Agent mode: this node's name (downward API) and where cgroup v2 is mounted.
  NODE_NAME: z.string().min(1).optional(),
  TALLY_CGROUP_ROOT: z.string().min(1).default('/sys/fs/cgroup'),
  // Unset: the in-cluster service account, or ~/.kube/config outside a cluster.
  KUBECONFIG: z.string().min(1).optional(),
});

export type MeteringConfig = ReturnType<typeof loadMeteringConfig>;

/** The sources the service runs; throws when one is listed without what it needs. */
export function enabledSources(config: MeteringConfig): ReadonlySet<ServiceSource> {
  const listed =
    config.TALLY_METERING_SOURCES ??
    (config.HUBBLE_ADDRESS ? ['prometheus', 'hubble'] : ['prometheus']);
  if (listed.includes('hubble') && !config.HUBBLE_ADDRESS) {
    throw new Error('TALLY_METERING_SOURCES lists hubble but HUBBLE_ADDRESS is not set');
  }
  return new Set(listed);
}

export function prometheusQueries(config: MeteringConfig) {
  return resolvePrometheusQueries(
    config.TALLY_METERING_GPU_RESOURCE,
    config.TALLY_PROMETHEUS_QUERIES,
  );
}
