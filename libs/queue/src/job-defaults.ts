import type { DefaultJobOptions } from 'bullmq';

/**
 * Defaults for every job: retried with exponential backoff (1 s, 2 s, 4 s … about 4.5 h in
 * all), and failed jobs are kept so that nothing that failed is ever silently gone.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 15,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
