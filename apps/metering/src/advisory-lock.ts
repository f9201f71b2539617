import type { Pool } from 'pg';

/**
 * Runs `work` while holding a Postgres session advisory lock on `key`, on a connection of its
 * own. The lock is the session's, so a worker killed mid-work loses its connection and with it
 * the lock: nothing is left locked behind a crash.
 */
export async function withAdvisoryLock<T>(
  pool: Pool,
  key: readonly [number, number],
  work: () => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...key]);
    }
  } finally {
    client.release();
  }
}

/** The first half of every advisory lock key Tally's metering takes. */
export const LockSpace = {
  Settlement: 0x7a11,
  Reconciliation: 0x7a12,
} as const;
