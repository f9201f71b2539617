// schema.prisma is what the Prisma client is generated from; the migrations are what every
// database actually gets. This suite fails when the two disagree on anything Prisma models:
// tables, columns, types (BIGINT, timestamptz, jsonb, enums), nullability, defaults, indexes,
// unique and foreign keys. The comparison is Prisma's own (scripts/migrate/schema-diff.ts): a
// database built by our runner from the migrations, read back by `prisma db pull`, diffed
// against schema.prisma by `prisma migrate diff`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diffMigrationsToSchema } from '../setup/migration-tooling';
import { MIGRATIONS_DIR, SCHEMA_PATH, testAdminUrl } from '../setup/test-database';

describe('prisma/schema.prisma against prisma/migrations', () => {
  let tempDir: string;

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'tally-drift-'));
  });

  afterAll(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  const diffTo = (schemaPath: string) =>
    diffMigrationsToSchema({ adminUrl: testAdminUrl(), migrationsDir: MIGRATIONS_DIR, schemaPath });

  it('describe the same database', async () => {
    // A failure shows the SQL that is missing: `npm run db:diff -- <name>` writes it as a migration.
    expect(await diffTo(SCHEMA_PATH)).toBe('');
  });

  it('notices a field that no migration creates', async () => {
    // Keeps the check above honest: it must fail on a real difference, not pass vacuously.
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const changed = schema.replace(/^(model \w+ \{\n)/m, '$1  driftProbe Int?\n');
    expect(changed).not.toBe(schema);
    const changedPath = path.join(tempDir, 'schema.prisma');
    await writeFile(changedPath, changed);

    expect(await diffTo(changedPath)).toMatch(/ADD COLUMN\s+"driftProbe" INTEGER/);
  });
});
