/**
 * What the debt controller needs from Kubernetes: stop, start again, or clear out every
 * workload of one namespace. Each call is idempotent and safe to repeat after a crash.
 */
export interface Suspender {
  suspend(namespace: string, reason: string): Promise<void>;
  resume(namespace: string): Promise<void>;
  reclaim(namespace: string): Promise<void>;
}

export const SUSPENDER = Symbol('SUSPENDER');
