import { defineConfig, port, url } from '@tally/config';
import { z } from 'zod';

export const loadMeteringConfig = defineConfig({
  TALLY_METERING_PORT: port(4003),
  PROMETHEUS_URL: url(['http', 'https'], 'http://127.0.0.1:9090'),
  // Unset: the in-cluster service account, or ~/.kube/config outside a cluster.
  KUBECONFIG: z.string().min(1).optional(),
});

export type MeteringConfig = ReturnType<typeof loadMeteringConfig>;
