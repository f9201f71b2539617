import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/**
 * Reads the environment once: a `.env` file (TALLY_ENV_FILE, else `.env` in the working
 * directory) fills in what the real environment leaves unset. This is the only place in Tally
 * that reads `process.env`.
 */
export function readEnv(cwd = process.cwd()): Env {
  let fromFile: Env = {};
  try {
    fromFile = parseDotenv(readFileSync(process.env.TALLY_ENV_FILE ?? join(cwd, '.env')));
  } catch {
    // No .env: the built-in local defaults apply.
  }
  return { ...fromFile, ...process.env };
}

/**
 * Validates `env` against `schema`. Each problem names the variable and the reason; values
 * of variables listed in `secrets` are never echoed.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Env,
  secrets: ReadonlySet<string> = new Set(),
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const value = env[variable];
    const shown =
      value === undefined ? 'not set' : secrets.has(variable) ? 'value hidden' : `got "${value}"`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}
