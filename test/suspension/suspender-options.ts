import type { SuspenderOptions } from '@tally/metering/suspension/create-namespace-suspender';

/** The suspender settings of the suites (reclaim off, as in production by default). */
export const TEST_SUSPENDER_OPTIONS: SuspenderOptions = {
  requestTimeoutMs: 10_000,
  concurrency: 4,
  reclaim: { enabled: false, deletePersistentVolumeClaims: false },
};
