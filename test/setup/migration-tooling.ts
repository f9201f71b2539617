// The data-layer tooling of scripts/ (migration runner, scratch databases, schema diff), for the
// test setup and the suites that test it. scripts/ is not a library and has no @tally alias, so
// this file is the one place where tests reach into it.
/* eslint-disable no-restricted-imports */
export { migrate, MigrationError } from '../../scripts/migrate';
export { runPrisma } from '../../scripts/migrate/prisma-cli';
export { diffMigrationsToSchema } from '../../scripts/migrate/schema-diff';
export {
  createScratchDatabase,
  DEFAULT_ADMIN_URL,
  dropDatabase,
} from '../../scripts/migrate/scratch-database';
