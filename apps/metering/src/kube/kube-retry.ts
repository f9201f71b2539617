/** How often and how patiently a failed Kubernetes call is retried. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
};

/**
 * The HTTP status of a failed Kubernetes call; undefined when no response came (network error,
 * timeout). client-node's ApiException carries it as a numeric `code`; it is read by shape,
 * not `instanceof`, because jest loads the client in another realm.
 */
export function kubeStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

/**
 * Worth retrying: 429 and 5xx, and calls that got no answer (node-fetch's FetchError for
 * refused/reset connections, AbortError for our request timeout). Every other 4xx is an
 * answer the caller must handle (404 on delete = done, 409 on create = already there, 403 =
 * missing permission), so it is never retried.
 */
export function isTransient(error: unknown): boolean {
  const status = kubeStatus(error);
  if (status !== undefined) return status === 429 || status >= 500;
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  return name === 'FetchError' || name === 'AbortError' || name === 'TimeoutError';
}

export type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `call`, retrying transient failures with exponential backoff and full jitter. */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  wait: Sleep = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await wait(Math.random() * ceiling);
    }
  }
}
