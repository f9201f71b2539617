import { defineConfig, port, positiveInt, url } from '@tally/config';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true');

export const loadMeteringConfig = defineConfig({
  TALLY_METERING_PORT: port(4003),
  PROMETHEUS_URL: url(['http', 'https'], 'http://127.0.0.1:9090'),
  // Unset: the in-cluster service account, or ~/.kube/config outside a cluster.
  KUBECONFIG: z.string().min(1).optional(),
  // Every Kubernetes request is aborted (and retried, if attempts remain) after this long.
  TALLY_KUBE_REQUEST_TIMEOUT_MS: positiveInt(10_000),
  // Namespaces suspended or resumed at once by one batch.
  TALLY_SUSPEND_CONCURRENCY: positiveInt(16),
  // Reclaim deletes a suspended namespace's workloads; it cannot be undone, so it is off
  // unless enabled, and PersistentVolumeClaims (the tenant's data) need a second switch.
  TALLY_RECLAIM_ENABLED: flag(false),
  TALLY_RECLAIM_DELETE_PVCS: flag(false),
});

export type MeteringConfig = ReturnType<typeof loadMeteringConfig>;
