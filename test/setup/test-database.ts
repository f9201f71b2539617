// Databases for integration tests, on the Postgres server of TALLY_TEST_ADMIN_URL (a role that
// may create databases; scripts/test.sh points it at the `tally` role).
import path from 'node:path';
import {
  createScratchDatabase as createDatabase,
  DEFAULT_ADMIN_URL,
  migrate,
} from './migration-tooling';

export const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'prisma', 'migrations');
export const SCHEMA_PATH = path.join(__dirname, '..', '..', 'prisma', 'schema.prisma');

// One prefix for every test database, so a leaked one is easy to recognise.
const PREFIX = 'tally_test';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export function testAdminUrl(): string {
  return process.env.TALLY_TEST_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

/**
 * A database of the caller's own, empty unless `migrated` (then with all migrations applied).
 * Drop it in `afterAll`; it is dropped even while connections to it are still open.
 */
export async function createScratchDatabase(
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const database = await createDatabase(testAdminUrl(), PREFIX);
  if (!options.migrated) return database;
  try {
    await migrate({ databaseUrl: database.url, migrationsDir: MIGRATIONS_DIR });
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}
