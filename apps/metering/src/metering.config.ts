import { defineConfig, port, positiveInt, url } from '@tally/config';
import { reservedNamespacesSetting } from '@tally/kube';
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

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

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
  // How long a series' point holds when the next scrape is missing: about 1.5 scrape intervals.
  // A longer silence is a gap (flagged; a counter's increase across it is still charged).
  TALLY_PROMETHEUS_LOOKBACK_SECONDS: positiveInt(90),
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
  // Which source's samples are charged; the other is only cross-checked by reconciliation.
  TALLY_BILLING_SOURCE: z.enum(['prometheus', 'agent']).default('prometheus'),
  // Hour H is settled at H + 1 h + this delay, so late samples of the hour's last minutes land.
  TALLY_SETTLEMENT_DELAY_MINUTES: positiveInt(5),
  // How far back a worker that was down looks for hours it has not settled.
  TALLY_SETTLEMENT_CATCH_UP_HOURS: positiveInt(72),
  // Where a fresh install (no hour settled yet) starts settling, within the catch-up window;
  // unset: the last due hour. npm start sets the first hour of the simulator's history.
  TALLY_SETTLEMENT_FIRST_HOUR: z.coerce
    .date({ message: 'must be an ISO time such as 2026-11-22T08:00:00Z' })
    .optional(),
  // Ledger transactions per batch-posting call (the account service takes at most 5,000).
  TALLY_SETTLEMENT_BATCH_SIZE: positiveInt(1000).refine((n) => n <= 5000, 'must be at most 5000'),
  // Reconciliation reports an agent-vs-Prometheus difference above this share, in percent.
  TALLY_RECONCILIATION_THRESHOLD_PERCENT: z.coerce.number().positive().default(5),
  // How often pending usage (the hours not settled yet, priced) is accrued: wallets' available
  // balances are this fresh, and the debt ladder sees them this soon.
  TALLY_PENDING_ACCRUAL_SECONDS: positiveInt(60),
  // The debt ladder (see debt/debt-policy.ts): hours of current spend the balance must cover.
  TALLY_DEBT_LOW_BALANCE_HOURS: z.coerce.number().positive().default(24),
  TALLY_DEBT_CRITICAL_HOURS: z.coerce.number().positive().default(1),
  // How long a balance may stay below zero before the wallet's namespaces are suspended.
  TALLY_DEBT_GRACE_MINUTES: z.coerce.number().int().min(0).default(0),
  // A wallet suspended this long is RECLAIMED, only when TALLY_RECLAIM_ENABLED (below).
  TALLY_DEBT_RECLAIM_AFTER_DAYS: z.coerce.number().positive().default(30),
  // The periodic sweep that catches any ledger.changed event missed.
  TALLY_DEBT_SWEEP_SECONDS: positiveInt(60),
  // Notices to tenants about their money.
  SMTP_URL: url(['smtp', 'smtps'], 'smtp://127.0.0.1:1025'),
  TALLY_MAIL_FROM: z.string().min(3).default('Tally <billing@tally.localhost>'),
  // Every Kubernetes request is aborted (and retried, if attempts remain) after this long.
  TALLY_KUBE_REQUEST_TIMEOUT_MS: positiveInt(10_000),
  // Namespaces never suspended or reclaimed, on top of the built-in kube-*, default,
  // tally-system and tally-agent (libs/kube/src/reserved-namespaces.ts).
  TALLY_RESERVED_NAMESPACES: reservedNamespacesSetting,
  // Namespaces suspended or resumed at once by one batch.
  TALLY_SUSPEND_CONCURRENCY: positiveInt(16),
  // Reclaim deletes a suspended namespace's workloads; it cannot be undone, so it is off
  // unless enabled, and PersistentVolumeClaims (the tenant's data) need a second switch.
  TALLY_RECLAIM_ENABLED: flag(false),
  TALLY_RECLAIM_DELETE_PVCS: flag(false),
  // Test-only crash points (see failpoints.ts); refused outside NODE_ENV=test.
  TALLY_FAILPOINTS: z.string().optional(),
});

export type MeteringConfig = ReturnType<typeof loadMeteringConfig>;

/** Injection token for the validated config. */
export const METERING_CONFIG = Symbol('METERING_CONFIG');

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
