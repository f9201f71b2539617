import { defineConfig, port, positiveInt, secret, url } from '@tally/config';
import { z } from 'zod';

const historyTime = z.coerce
  .date({ message: 'must be an ISO time such as 2026-11-22T08:00:00Z' })
  .optional();

/** `simulator run`'s configuration; `npm start` (scripts/start.sh) sets the SIMULATOR_* ones. */
export const loadSimulatorConfig = defineConfig(
  {
    // An admin kubeconfig of the local API server: the simulator plays its controllers.
    SIMULATOR_KUBECONFIG: z.string().min(1, 'must name a kubeconfig file'),
    SIMULATOR_GATEWAY_URL: url(['http', 'https'], 'http://127.0.0.1:4000'),
    // Opens the demo tenants through the public API, as a platform admin would.
    TALLY_ADMIN_API_KEY: z.string().startsWith('tly_', 'must start with tly_'),
    // Signs the demo members' development JWTs, as the cloud's identity provider would.
    TALLY_JWT_SECRET: secret('jwt_secret', z.string().min(16, 'must be at least 16 characters')),
    SIMULATOR_METRICS_PORT: port(9470),
    SIMULATOR_HUBBLE_PORT: port(4245),
    SIMULATOR_CREDENTIALS_FILE: z.string().min(1).default('.tally/demo-credentials.json'),
    // The backfilled history [FROM, UNTIL), settled once the tenants are open (npm start sets
    // them on every start; the settled file makes it once).
    SIMULATOR_HISTORY_FROM: historyTime,
    SIMULATOR_HISTORY_UNTIL: historyTime,
    SIMULATOR_HISTORY_SETTLED_FILE: z.string().min(1).default('.tally/history-settled'),
    // Written once Prometheus serves the history (npm start imports it in the background of
    // the first start); settling waits for it. Unset: the history is taken to be there.
    SIMULATOR_HISTORY_LOADED_FILE: z.string().min(1).optional(),
    SIMULATOR_BALANCE_OF_THE_NEARLY_EMPTY: z
      .string()
      .regex(/^\d+(\.\d{1,6})?$/, 'must be an amount such as 5.000000')
      .default('5.000000'),
    SIMULATOR_RESYNC_MS: positiveInt(2000),
    SIMULATOR_FLOW_INTERVAL_MS: positiveInt(1000),
  },
  ['TALLY_ADMIN_API_KEY', 'TALLY_JWT_SECRET'],
);

export type SimulatorConfig = ReturnType<typeof loadSimulatorConfig>;
