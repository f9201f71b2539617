import { Client } from 'pg';

/**
 * EXPLAIN on a connection of its own where sequential scans are priced out. A test database
 * holds a few hundred rows, which the planner rightly reads whole; without that choice the plan
 * shows which index answers each part of a statement, as it would on a large table.
 */
export class QueryPlans {
  private constructor(private readonly db: Client) {}

  static async open(databaseUrl = process.env.DATABASE_URL): Promise<QueryPlans> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query('SET enable_seqscan = off');
    return new QueryPlans(db);
  }

  /** The plan of `sql` with `values`, one line of it per line. */
  async explain(sql: string, values: unknown[]): Promise<string> {
    const { rows } = await this.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  close(): Promise<void> {
    return this.db.end();
  }
}
