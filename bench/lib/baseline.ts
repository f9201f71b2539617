/**
 * The machine's baselines, measured by scripts/bench.sh in the same run as the benches and
 * handed to them through the environment. Run benches with `npm run bench`, not directly.
 */
export interface Baseline {
  /** pgbench -N -c 8 -j 2 -T 10 on a scale-10 database: transactions per second. */
  readonly pgbenchTps: number;
  /** psql \copy of 1,000,000 CSV rows into a logged table without indexes: rows per second. */
  readonly copyRowsPerSecond: number;
  /** The freshly created and migrated `tally_bench` database. */
  readonly databaseUrl: string;
  /** Redis for benches (db 15 of the configured server unless BENCH_REDIS_URL is set). */
  readonly redisUrl: string;
}

export type Env = Record<string, string | undefined>;

let cached: Baseline | undefined;

/** Reads the baselines from `env` (process.env by default); throws naming what is missing. */
export function baseline(env: Env = process.env): Baseline {
  if (env === process.env && cached) return cached;
  const result: Baseline = {
    pgbenchTps: positiveNumber(env, 'BENCH_PGBENCH_TPS'),
    copyRowsPerSecond: positiveNumber(env, 'BENCH_COPY_ROWS_PER_S'),
    databaseUrl: required(env, 'BENCH_DATABASE_URL'),
    redisUrl: required(env, 'REDIS_URL'),
  };
  if (env === process.env) cached = result;
  return result;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) {
    throw new Error(`${name} is not set: run benches through \`npm run bench\` (scripts/bench.sh)`);
  }
  return value;
}

function positiveNumber(env: Env, name: string): number {
  const value = Number(required(env, name));
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got "${env[name]}")`);
  }
  return value;
}
