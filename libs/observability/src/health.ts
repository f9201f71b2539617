/** A dependency the app needs to do its work; /readyz is false while any check fails. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
  /** Releases what the check holds open (its own connection), at shutdown. */
  close?(): void | Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
}

export async function runChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (readiness) => {
      const { name } = readiness;
      try {
        await withTimeout(
          readiness.check(),
          timeoutMs,
          `${name} did not answer within ${timeoutMs} ms`,
        );
        return { name, ok: true };
      } catch (error) {
        return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
