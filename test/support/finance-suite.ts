import { Client } from 'pg';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { AccountContext } from './account-context';
import type { AppName } from './app-processes';
import { FinanceFixtures } from './finance-fixtures';
import { GatewaySuite } from './gateway-suite';

/** What a finance suite works with once started. */
export interface FinanceWorld {
  readonly database: TestDatabase;
  readonly ctx: AccountContext;
  readonly pg: Client;
  readonly fixtures: FinanceFixtures;
  /** A FINANCE user's JWT. */
  readonly finance: string;
}

/**
 * The apps on a database of the suite's own, so platform-wide totals are exactly what the
 * suite wrote, with the ledger's own code (AccountContext), a SQL connection for the rows only
 * time or the debt ladder write (FinanceFixtures) and a finance user.
 */
export class FinanceSuite {
  readonly gateway = new GatewaySuite();
  private world?: FinanceWorld;

  /** `prepare` runs on the new database before the apps start (e.g. parking settlement). */
  async start(
    apps: readonly AppName[],
    env: Record<string, string> = {},
    prepare: (database: TestDatabase) => Promise<void> = async () => {},
  ): Promise<FinanceWorld> {
    const database = await createScratchDatabase({ migrated: true });
    await prepare(database);
    await this.gateway.start(apps, { DATABASE_URL: database.url, ...env });
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    this.world = {
      database,
      ctx: AccountContext.create(4, database.url),
      pg,
      fixtures: new FinanceFixtures(pg),
      finance: this.gateway.jwt((await this.gateway.fixtures.newUser('FINANCE')).externalId),
    };
    return this.world;
  }

  async stop(): Promise<void> {
    await this.world?.pg.end();
    await this.world?.ctx.close();
    await this.gateway.stop();
    await this.world?.database.drop();
  }
}
