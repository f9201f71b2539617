// What separates the migrations from prisma/schema.prisma, as SQL, computed offline. Used by
// `npm run db:diff` (scripts/db-diff.sh) to write the next migration, and by the schema-drift
// test, which expects no difference.
//
// Prisma's direct route, `migrate diff --from-url`, is refused when prisma.config uses a driver
// adapter, and the native engine that would not need one cannot be downloaded here. So:
//   1. a scratch database gets the existing migrations through our own runner, exactly as
//      production does (hand-written SQL included);
//   2. `prisma db pull` turns that database back into a Prisma schema;
//   3. `prisma migrate diff --from-schema-datamodel <pulled> --to-schema-datamodel schema.prisma`.
// Both Prisma commands go through ./prisma-cli.config.ts, which lets the WASM engine read
// Postgres catalogs. SQL that Prisma cannot model (triggers, CHECK constraints) is invisible
// to step 2 and to schema.prisma alike, so it never shows up as a difference.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../migrate';
import { runPrisma } from './prisma-cli';
import { createScratchDatabase, DEFAULT_ADMIN_URL } from './scratch-database';

export interface SchemaDiffOptions {
  /** A role that may create databases; a scratch database is created and dropped through it. */
  adminUrl: string;
  migrationsDir: string;
  schemaPath: string;
}

const ROOT = path.join(__dirname, '..', '..');
const SCHEMAS_LIST = /^(\s*schemas\s*=\s*)\[([^\]]*)\]/m;

/** SQL that takes a database built from `migrationsDir` to `schemaPath`; '' when they agree. */
export async function diffMigrationsToSchema(options: SchemaDiffOptions): Promise<string> {
  const scratch = await createScratchDatabase(options.adminUrl, 'tally_diff');
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tally-diff-'));
  try {
    await migrate({ databaseUrl: scratch.url, migrationsDir: options.migrationsDir });
    const from = await describeDatabase(scratch.url, options.schemaPath, workDir);
    const diff = await runPrisma(
      [
        'migrate',
        'diff',
        ...from,
        '--to-schema-datamodel',
        options.schemaPath,
        '--script',
        '--exit-code',
      ],
      scratch.url,
    );
    // --exit-code: 0 = no difference, 2 = a difference (printed on stdout), 1 = an error.
    if (diff.code === 0) return '';
    if (diff.code === 2) return diff.stdout;
    throw new Error(`prisma migrate diff failed:\n${diff.stderr}`);
  } finally {
    await scratch.drop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The `--from-...` arguments that stand for the migrated scratch database. */
async function describeDatabase(
  databaseUrl: string,
  schemaPath: string,
  workDir: string,
): Promise<string[]> {
  const schema = await readFile(schemaPath, 'utf8');
  const existing = await existingSchemas(databaseUrl, declaredSchemas(schema));
  if (existing.length === 0) return ['--from-empty'];

  // `db pull --force` replaces the models of a copy of schema.prisma with what the database
  // holds. The copy's datasource must list only the Postgres schemas that exist: Prisma takes
  // every listed one as present and would leave a new schema's CREATE SCHEMA out of the diff.
  const pulled = path.join(workDir, 'schema.prisma');
  await writeFile(pulled, schema.replace(SCHEMAS_LIST, `$1${JSON.stringify(existing)}`));
  const pull = await runPrisma(['db', 'pull', '--force', '--schema', pulled], databaseUrl);
  // P4001: the schemas exist but hold no tables yet.
  if (pull.code !== 0 && `${pull.stdout}${pull.stderr}`.includes('P4001')) return ['--from-empty'];
  if (pull.code !== 0) throw new Error(`prisma db pull failed:\n${pull.stderr}`);
  return ['--from-schema-datamodel', pulled];
}

// Tally lists its Postgres schemas; without a list, `db pull` would read `public` and take
// _prisma_migrations for a table the schema lacks.
function declaredSchemas(schema: string): string[] {
  const list = SCHEMAS_LIST.exec(schema)?.[2];
  if (list === undefined) throw new Error('schema.prisma: the datasource must list its `schemas`');
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
}

async function existingSchemas(databaseUrl: string, names: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname',
      [names],
    );
    return rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  diffMigrationsToSchema({
    adminUrl: process.env.TALLY_DB_ADMIN_URL ?? DEFAULT_ADMIN_URL,
    migrationsDir: path.join(ROOT, 'prisma', 'migrations'),
    schemaPath: path.join(ROOT, 'prisma', 'schema.prisma'),
  })
    .then((sql) => process.stdout.write(sql))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
