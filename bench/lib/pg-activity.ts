import type { Pool } from 'pg';

/** Cumulative counters of one database (pg_stat_database) and its tables (pg_stat_user_tables). */
export type PgActivity = Map<string, number>;

/**
 * What the database has done so far: commits and, per table, scans and rows written. Two
 * snapshots around a measured run say which tables it worked on, and how much (a regression
 * that is a query too many shows here first). Postgres backends publish their counters when
 * they go idle, at most once a second and within ten seconds (PGSTAT_IDLE_INTERVAL), so take
 * the second snapshot ten seconds after the run.
 */
export async function pgActivity(pool: Pool): Promise<PgActivity> {
  const activity: PgActivity = new Map();
  const { rows: database } = await pool.query<{ xact_commit: string }>(
    'SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()',
  );
  activity.set('commits', Number(database[0].xact_commit));
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT schemaname || '.' || relname AS name, seq_scan, idx_scan, n_tup_ins, n_tup_upd, n_tup_del
       FROM pg_stat_user_tables`,
  );
  for (const row of rows) {
    for (const counter of ['seq_scan', 'idx_scan', 'n_tup_ins', 'n_tup_upd', 'n_tup_del']) {
      activity.set(`${row.name} ${counter}`, Number(row[counter] ?? 0));
    }
  }
  return activity;
}

/** The counters that moved between two snapshots, largest first, one per line. */
export function activityBetween(before: PgActivity, after: PgActivity): string {
  return [...after]
    .map(([name, value]) => [name, value - (before.get(name) ?? 0)] as const)
    .filter(([, moved]) => moved > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, moved]) => `  ${name.padEnd(56)} ${moved}`)
    .join('\n');
}
