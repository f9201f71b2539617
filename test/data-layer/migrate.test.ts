import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate, MigrationError, runPrisma } from '../setup/migration-tooling';
import {
  createScratchDatabase,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  TestDatabase,
} from '../setup/test-database';

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
}

describe('scripts/migrate.ts', () => {
  const databases: TestDatabase[] = [];
  const tempDirs: string[] = [];
  let migrationNames: string[];

  beforeAll(async () => {
    migrationNames = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  });

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function freshDatabase(): Promise<string> {
    const database = await createScratchDatabase();
    databases.push(database);
    return database.url;
  }

  // A copy of the real migrations that a test may extend or tamper with.
  async function copyOfMigrations(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tally-migrations-'));
    tempDirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    return dir;
  }

  async function addMigration(dir: string, name: string, sql: string): Promise<void> {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }

  async function query<T extends object>(url: string, sql: string): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  const history = (url: string) =>
    query<HistoryRow>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count
         FROM public._prisma_migrations ORDER BY migration_name`,
    );

  it('applies every migration to a fresh database and records it as Prisma would', async () => {
    const url = await freshDatabase();
    const result = await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });

    expect(result).toEqual({ applied: migrationNames, skipped: [] });
    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql');
      expect(row.checksum).toBe(
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      );
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('creates _prisma_migrations with exactly the columns of Prisma Migrate', async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
    const columns = await query<{ c: (string | null)[] }>(
      url,
      `SELECT ARRAY[column_name::text, data_type::text, character_maximum_length::text,
                    is_nullable::text, column_default::text] AS c
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.c)).toEqual([
      ['id', 'character varying', '36', 'NO', null],
      ['checksum', 'character varying', '64', 'NO', null],
      ['finished_at', 'timestamp with time zone', null, 'YES', null],
      ['migration_name', 'character varying', '255', 'NO', null],
      ['logs', 'text', null, 'YES', null],
      ['rolled_back_at', 'timestamp with time zone', null, 'YES', null],
      ['started_at', 'timestamp with time zone', null, 'NO', 'now()'],
      ['applied_steps_count', 'integer', null, 'NO', '0'],
    ]);
    const [primaryKey] = await query<{ columns: string }>(
      url,
      `SELECT pg_get_constraintdef(oid) AS columns FROM pg_constraint
        WHERE conrelid = 'public._prisma_migrations'::regclass AND contype = 'p'`,
    );
    expect(primaryKey.columns).toBe('PRIMARY KEY (id)');
  });

  it('leaves a history that Prisma Migrate itself reads as up to date', async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });

    // `migrate status` runs the history checks of `migrate deploy` without applying anything.
    const status = await runPrisma(['migrate', 'status', '--schema', SCHEMA_PATH], url);
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.code).toBe(0);
  });

  it('records exactly the history that `prisma migrate deploy` records', async () => {
    // Prisma's deploy only works offline for simple SQL (its adapter splits scripts on ';'),
    // so both sides run a small migration set of the test's own. (The CLI then idles ~10 s on
    // an advisory-lock timer its WASM engine never clears.)
    const root = await mkdtemp(path.join(os.tmpdir(), 'tally-parity-'));
    tempDirs.push(root);
    const dir = path.join(root, 'migrations');
    await mkdir(dir);
    await cp(
      path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(dir, 'migration_lock.toml'),
    );
    await cp(SCHEMA_PATH, path.join(root, 'schema.prisma'));
    await addMigration(dir, '20000101000000_one', 'CREATE TABLE public.one (id int);\n');
    await addMigration(dir, '20000102000000_two', 'ALTER TABLE public.one ADD COLUMN n text;\n');
    const ours = await freshDatabase();
    const prismas = await freshDatabase();

    await migrate({ databaseUrl: ours, migrationsDir: dir });
    const deploy = await runPrisma(
      ['migrate', 'deploy', '--schema', path.join(root, 'schema.prisma')],
      prismas,
    );
    expect(deploy.stderr).not.toMatch(/error/i);

    const rows = (url: string) =>
      query(
        url,
        `SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count,
                finished_at IS NOT NULL AS finished
           FROM public._prisma_migrations ORDER BY migration_name`,
      );
    expect(await rows(ours)).toEqual(await rows(prismas));
    expect(await rows(ours)).toHaveLength(2);
  });

  it('applies nothing the second time', async () => {
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
    const second = await migrate({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });

    expect(second).toEqual({ applied: [], skipped: migrationNames });
    expect(await history(url)).toHaveLength(migrationNames.length);
  });

  it('lets two concurrent runners apply each migration exactly once', async () => {
    const dir = await copyOfMigrations();
    // More than one migration, and ones that fail when run twice, so a race would show.
    await addMigration(
      dir,
      '29990101000000_first_extra',
      'CREATE TABLE public.first_extra (id int);',
    );
    await addMigration(
      dir,
      '29990102000000_second_extra',
      'CREATE TABLE public.second_extra (id int);',
    );
    const url = await freshDatabase();

    const results = await Promise.all([
      migrate({ databaseUrl: url, migrationsDir: dir }),
      migrate({ databaseUrl: url, migrationsDir: dir }),
    ]);

    const applied = results.flatMap((result) => result.applied).sort();
    expect(applied).toEqual([
      ...migrationNames,
      '29990101000000_first_extra',
      '29990102000000_second_extra',
    ]);
    // The runner that waited for the lock found everything done.
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, applied.length]);
    const names = (await history(url)).map((row) => row.migration_name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses to run when an applied migration was edited, naming it', async () => {
    const dir = await copyOfMigrations();
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, migrationsDir: dir });
    const edited = migrationNames[0];
    await appendFile(path.join(dir, edited, 'migration.sql'), '\n-- an afterthought\n');

    const run = migrate({ databaseUrl: url, migrationsDir: dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(`Migration ${edited} was modified after it was applied`);
  });

  it('refuses to run when an applied migration is missing from disk, naming it', async () => {
    const dir = await copyOfMigrations();
    await addMigration(dir, '29990101000000_dropped_later', 'SELECT 1;');
    const url = await freshDatabase();
    await migrate({ databaseUrl: url, migrationsDir: dir });
    await rm(path.join(dir, '29990101000000_dropped_later'), { recursive: true });

    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      'Migration 29990101000000_dropped_later is applied in the database but its directory is missing',
    );
  });

  it('rolls a failing migration back completely and keeps the ones before it', async () => {
    const dir = await copyOfMigrations();
    await addMigration(
      dir,
      '29990101000000_broken',
      'CREATE TABLE public.half_done (id int);\nSELECT * FROM public.no_such_table;',
    );
    const url = await freshDatabase();

    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back: .*no_such_table/,
    );
    expect((await history(url)).map((row) => row.migration_name)).toEqual(migrationNames);
    const leftovers = await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    expect(leftovers).toEqual([]);
  });
});
