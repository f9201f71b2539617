import { z } from 'zod';
import type { Env } from './load-config';

// Development secrets carry this marker, whether built in or generated into .env by
// `npm start`; production refuses any value that has it.
export const DEV_SECRET_MARKER = 'dev_';

export const port = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a TCP port number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

export const url = (protocols: readonly string[], fallback?: string) => {
  const base = z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    `must be a URL with scheme ${protocols.join(' or ')}`,
  );
  return fallback === undefined ? base : base.default(fallback);
};

export const positiveInt = (fallback: number) =>
  z.coerce.number().int('must be an integer').positive('must be positive').default(fallback);

const DEFAULT_DATABASE_URL = 'postgresql://tally:tally@127.0.0.1:5432/tally';
const PREFIX_CHARACTERS = /[^A-Za-z0-9_.-]/g;

/**
 * TALLY_TRANSPORT_PREFIX when unset: the database name of DATABASE_URL (each deployment has a
 * database of its own), with any character a prefix may not hold replaced by `_`.
 */
export function defaultTransportPrefix(databaseUrl: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(new URL(databaseUrl ?? DEFAULT_DATABASE_URL).pathname.slice(1));
  } catch {
    // DATABASE_URL's own check names the problem.
  }
  return name.replace(PREFIX_CHARACTERS, '_').slice(0, 64) || 'tally';
}

/** Variables whose default is computed from others, filled in before validation. */
export function withDerivedDefaults(env: Env): Env {
  return {
    ...env,
    TALLY_TRANSPORT_PREFIX: env.TALLY_TRANSPORT_PREFIX ?? defaultTransportPrefix(env.DATABASE_URL),
  };
}

/** The part of the configuration every app shares. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres', 'postgresql'], DEFAULT_DATABASE_URL),
  REDIS_URL: url(['redis', 'rediss'], 'redis://127.0.0.1:6379'),
  // The deployment's namespace on Redis pub/sub, which ignores the database number: every
  // service channel is `<prefix>:<pattern>`. Default: withDerivedDefaults.
  TALLY_TRANSPORT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, _, . or -'),
  TALLY_RPC_TIMEOUT_MS: positiveInt(5000),
  TALLY_SHUTDOWN_TIMEOUT_MS: positiveInt(10000),
});

export type BaseConfig = z.infer<typeof baseEnvSchema>;

/**
 * A secret with a development default. In production the variable must be set, and to a
 * value without the development marker.
 */
export function secret(
  devDefault: string,
  rule: z.ZodString = z.string().min(1, 'must not be empty'),
) {
  return rule.default(`${DEV_SECRET_MARKER}${devDefault}`);
}
