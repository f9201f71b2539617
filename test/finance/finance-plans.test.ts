import { Client } from 'pg';
import {
  DEBT_STATES_SQL,
  FinanceOverviewRepository,
  LIVE_TOTALS_SQL,
  ROLLED_UP_TOTALS_SQL,
  ROLL_UP_DAY_SQL,
} from '@tally/account/finance/finance-overview.repository';
import { GetFinanceOverview } from '@tally/account/finance/get-finance-overview';
import { DEBT_BOARD_SQL } from '@tally/metering/debt-board/debt-board.repository';
import { PrismaService } from '@tally/prisma';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { seedFinanceScale } from '../support/finance-scale';

const DAY_MS = 86_400_000;
const KINDS = ['usage', 'usage_adjustment', 'recharge'];

/**
 * The statements behind the finance overview and the debt board, planned by Postgres on a
 * platform of 10,000 tenants and 1,000,000 ledger entries over 30 days: what grows with the
 * ledger is read through an index, one day's range of it, never whole.
 */
describe('the finance pages’ query plans at 10,000 tenants and 1,000,000 entries', () => {
  let database: TestDatabase;
  let pg: Client;
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;

  const plan = async (sql: string, values: unknown[]) => {
    const { rows } = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    await seedFinanceScale(pg, { tenants: 10_000, entries: 1_000_000, days: 30 });
  }, 300_000);
  afterAll(async () => {
    await pg?.end();
    await database?.drop();
  });

  it('has the ledger it claims', async () => {
    const { rows } = await pg.query<{ entries: string; wallets: string }>(
      `SELECT (SELECT count(*) FROM account.ledger_entries)::text AS entries,
              (SELECT count(*) FROM account.wallets)::text AS wallets`,
    );
    expect(rows[0]).toEqual({ entries: '1000000', wallets: '10000' });
  });

  it("reads today's entries through the BRIN index on created_at, not the whole ledger", async () => {
    const text = await plan(LIVE_TOTALS_SQL, [
      'USD',
      new Date(today),
      new Date(today + DAY_MS),
      KINDS,
    ]);
    expect(text).toContain('ledger_entries_created_at_idx');
    expect(text).toContain('ledger_transactions_created_at_idx');
    expect(text).not.toMatch(/Seq Scan on ledger_(entries|transactions)/);
  });

  it('rolls a closed day up from that day’s entries only', async () => {
    const day = new Date(today - 3 * DAY_MS);
    const text = await plan(ROLL_UP_DAY_SQL, [
      day.toISOString().slice(0, 10),
      day,
      new Date(day.getTime() + DAY_MS),
    ]);
    expect(text).toContain('ledger_entries_created_at_idx');
    expect(text).toContain('ledger_transactions_created_at_idx');
    expect(text).not.toMatch(/Seq Scan on ledger_(entries|transactions)/);
  });

  it('reads rolled-up days by (currency, day) once the table is large enough to matter', async () => {
    // A few hundred rows: Postgres rightly reads them all; without that choice the key serves
    // the filter.
    await pg.query('SET enable_seqscan = off');
    try {
      const text = await plan(ROLLED_UP_TOTALS_SQL, [
        'USD',
        new Date(today - 30 * DAY_MS).toISOString().slice(0, 10),
        new Date(today).toISOString().slice(0, 10),
        KINDS,
      ]);
      expect(text).toContain('ledger_day_totals_pkey');
    } finally {
      await pg.query('RESET enable_seqscan');
    }
  });

  it('counts debt states from the wallets alone, never the ledger', async () => {
    const text = await plan(DEBT_STATES_SQL, ['USD']);
    expect(text).toMatch(/on wallets/);
    expect(text).not.toMatch(/ledger_entries|ledger_transactions/);
  });

  it("pages the debt board along one state's (since, wallet) index range", async () => {
    const first = await plan(DEBT_BOARD_SQL, ['CRITICAL', null, null, 51]);
    expect(first).toContain('wallet_debt_state_since_wallet_id_idx');
    expect(first).not.toMatch(/Sort/);
    const next = await plan(DEBT_BOARD_SQL, [
      'CRITICAL',
      '2026-12-01 10:00:00+00',
      '00000000-0000-4000-8000-000000000000',
      51,
    ]);
    expect(next).toContain('wallet_debt_state_since_wallet_id_idx');
  });

  it('answers a 30-day overview in well under a second once its closed days are rolled up', async () => {
    const prisma = new PrismaService({ databaseUrl: database.url, poolMax: 4 });
    try {
      const overview = new GetFinanceOverview(new FinanceOverviewRepository(prisma));
      const request = {
        principal: { kind: 'user', userId: 'u-finance', platformRole: 'FINANCE' } as const,
        input: {
          currency: 'USD',
          from: new Date(today - 29 * DAY_MS).toISOString(),
          to: new Date(today + DAY_MS).toISOString(),
        },
      };
      const timed = async () => {
        const started = performance.now();
        const view = await overview.execute(request);
        return { view, ms: performance.now() - started };
      };
      const first = await timed(); // rolls up the closed days: once per day, ever
      const again = await timed();
      expect(again.view).toEqual(first.view);
      // Exactly what a scan of the whole ledger finds in the period.
      const { rows } = await pg.query<{ recharges: string; charges: string }>(
        `SELECT sum(e.amount_micros) FILTER (WHERE t.kind = 'recharge')::text AS recharges,
                (-sum(e.amount_micros) FILTER (WHERE t.kind = 'usage'))::text AS charges
           FROM account.ledger_entries e JOIN account.ledger_transactions t ON t.id = e.transaction_id
          WHERE e.wallet_id IS NOT NULL AND e.created_at >= $1`,
        [request.input.from],
      );
      const sum = (key: 'rechargesMicros' | 'chargesMicros') =>
        again.view.days.reduce((total, day) => total + BigInt(day[key]), 0n).toString();
      expect([sum('rechargesMicros'), sum('chargesMicros')]).toEqual([
        rows[0].recharges,
        rows[0].charges,
      ]);
      expect(again.ms).toBeLessThan(1_000);
      process.stdout.write(
        `finance overview, 30 days of 1,000,000 entries: first ${first.ms.toFixed(0)} ms, then ${again.ms.toFixed(0)} ms\n`,
      );
    } finally {
      await prisma.onApplicationShutdown();
    }
  }, 120_000);
});
