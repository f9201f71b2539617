// Tally's migration runner: applies prisma/migrations/*/migration.sql with plain `pg`, because
// `prisma migrate deploy` needs a native engine these machines cannot download. It keeps the
// history in Prisma's own `_prisma_migrations` table, so a machine that can run
// `prisma migrate deploy` later sees the same history and carries on from it.
//
// Each migration runs in one transaction together with its history row, so a migration.sql must
// not contain BEGIN/COMMIT or statements that refuse to run in a transaction (CREATE INDEX
// CONCURRENTLY); such a change needs a separate, hand-applied step.
//
// CLI: `npm run db:migrate` (DATABASE_URL, default postgresql://tally:tally@127.0.0.1:5432/tally).
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

export interface MigrateOptions {
  databaseUrl: string;
  migrationsDir: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The runner refused to run, or a migration failed; the message names the migration. */
export class MigrationError extends Error {}

export const DEFAULT_DATABASE_URL = 'postgresql://tally:tally@127.0.0.1:5432/tally';

// Prisma Migrate's own lock key: holding it also keeps a concurrent `prisma migrate deploy` out.
const MIGRATE_LOCK_KEY = 72707369;

// The DDL of Prisma's schema engine, in `public` (Prisma's place for it when `?schema=` is unset).
const CREATE_HISTORY_TABLE = `
  CREATE TABLE IF NOT EXISTS public._prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
  )`;

/** Applies pending migrations in name order, each with its history row in one transaction. */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const { databaseUrl, migrationsDir, log = () => undefined } = options;
  const migrations = await readMigrations(migrationsDir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A second runner blocks here, then finds everything applied.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    await client.query(CREATE_HISTORY_TABLE);
    const applied = await readAppliedChecksums(client);
    verifyHistory(applied, migrations);

    const result: MigrateResult = { applied: [], skipped: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        result.skipped.push(migration.name);
        continue;
      }
      log(`Applying ${migration.name}`);
      await applyMigration(client, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end();
  }
}

async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      // Prisma's checksum: sha256 of the file's text, hex.
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

async function readAppliedChecksums(client: Client): Promise<Map<string, string>> {
  const { rows } = await client.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM public._prisma_migrations ORDER BY started_at`,
  );
  const applied = new Map<string, string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue; // Prisma treats these as never applied.
    if (row.finished_at === null) {
      // Only `prisma migrate deploy` leaves these; our runner commits SQL and row together.
      throw new MigrationError(
        `Migration ${row.migration_name} is recorded as started but never finished. Repair the ` +
          `database, then mark it with \`prisma migrate resolve\` before migrating again.`,
      );
    }
    applied.set(row.migration_name, row.checksum);
  }
  return applied;
}

// Applied migrations are immutable: a changed or vanished file means this database and the code
// disagree about the schema, and guessing which one is right is not the runner's job.
function verifyHistory(applied: Map<string, string>, migrations: Migration[]): void {
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration.checksum]));
  for (const [name, checksum] of applied) {
    const fileChecksum = onDisk.get(name);
    if (fileChecksum === undefined) {
      throw new MigrationError(
        `Migration ${name} is applied in the database but its directory is missing from the ` +
          `migrations folder. Restore it; applied migrations must never be deleted.`,
      );
    }
    if (fileChecksum !== checksum) {
      throw new MigrationError(
        `Migration ${name} was modified after it was applied (checksum ${checksum} in the ` +
          `database, ${fileChecksum} on disk). Revert the file and put the change in a new migration.`,
      );
    }
  }
}

async function applyMigration(client: Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    // No parameters: pg uses the simple protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO public._prisma_migrations
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    // If the connection died, the server has rolled back already; report the original error.
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}

function redact(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const migrationsDir = path.join(__dirname, '..', 'prisma', 'migrations');
  console.log(`Migrating ${redact(databaseUrl)}`);
  const { applied, skipped } = await migrate({ databaseUrl, migrationsDir, log: console.log });
  console.log(`Applied ${applied.length} migration(s); ${skipped.length} already applied.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
