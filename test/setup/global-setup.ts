// Runs once before the integration suites: checks that Postgres and Redis answer, creates and
// migrates this run's database, and hands both URLs to the test workers through process.env
// (workers are forked after globalSetup and inherit its environment).
import Redis from 'ioredis';
import { Client } from 'pg';
import { createScratchDatabase, testAdminUrl } from './test-database';

// Tests get a Redis logical database of their own, emptied at the start of every run, so a
// developer's local data in db 0 is never touched.
const TEST_REDIS_DB = '15';
const START_HINT =
  'Run the suites through `npm test`, which starts both, or start them by hand: ' +
  '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, ' +
  '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""`.';

export default async function globalSetup(): Promise<void> {
  const adminUrl = testAdminUrl();
  const redisUrl = testRedisUrl();
  await assertPostgresAnswers(adminUrl);
  await flushRedis(redisUrl);

  const database = await createScratchDatabase({ migrated: true });
  process.env.DATABASE_URL = database.url;
  process.env.REDIS_URL = redisUrl;
  // Read by global-teardown.ts, which runs in this same process.
  process.env.TALLY_TEST_DATABASE = database.name;
}

function testRedisUrl(): string {
  const url = new URL(process.env.TALLY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (url.pathname === '' || url.pathname === '/') url.pathname = `/${TEST_REDIS_DB}`;
  return url.toString();
}

async function assertPostgresAnswers(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `Postgres does not answer at ${withoutCredentials(adminUrl)} (TALLY_TEST_ADMIN_URL): ` +
        `${reason(error)}\n${START_HINT}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function flushRedis(redisUrl: string): Promise<void> {
  // No retries and no offline queue: a missing server fails at once instead of hanging.
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // connect() only rejects with "Connection is closed"; the cause arrives as an error event.
  let cause: unknown;
  redis.on('error', (error) => (cause = error));
  try {
    await redis.connect();
    await redis.flushdb();
  } catch (error) {
    throw new Error(
      `Redis does not answer at ${withoutCredentials(redisUrl)} (TALLY_TEST_REDIS_URL): ` +
        `${reason(cause ?? error)}\n${START_HINT}`,
    );
  } finally {
    redis.disconnect();
  }
}

// host:port/database without credentials, for error messages.
function withoutCredentials(url: string): string {
  const { protocol, host, pathname } = new URL(url);
  return `${protocol}//${host}${pathname}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
