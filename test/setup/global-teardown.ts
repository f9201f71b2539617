// Drops the database global-setup.ts created, unless TALLY_KEEP_TEST_DB=1 (to inspect it).
import { dropDatabase } from './migration-tooling';
import { testAdminUrl } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.TALLY_TEST_DATABASE;
  if (name === undefined) return;
  if (process.env.TALLY_KEEP_TEST_DB === '1') {
    console.log(`\nKept the test database ${name} (TALLY_KEEP_TEST_DB=1).`);
    return;
  }
  await dropDatabase(testAdminUrl(), name);
}
