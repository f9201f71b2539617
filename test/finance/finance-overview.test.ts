import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';
import { FinanceFixtures } from '../support/finance-fixtures';
import { FinanceSuite } from '../support/finance-suite';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OVERVIEW = `query ($currency: String!, $from: DateTime!, $to: DateTime!) {
  financeOverview(currency: $currency, from: $from, to: $to) {
    currency balance paid promotional wallets pendingUsage
    walletsByDebtState { state wallets }
    dailyTotals { day charges recharges }
  }
}`;

interface Overview {
  currency: string;
  balance: string;
  paid: string;
  promotional: string;
  wallets: number;
  pendingUsage: string;
  walletsByDebtState: { state: string; wallets: number }[];
  dailyTotals: { day: string; charges: string; recharges: string }[];
}

const today = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;
const dayIso = (ms: number) => new Date(ms).toISOString();

/**
 * financeOverview through the gateway against the real account service, on a database of the
 * suite's own so every total is exactly what the test posted: balances split into paid money
 * and open promotional credit, pending usage (open estimates, and what of a frozen hour is not
 * posted yet), wallets per debt state, and charges and recharges per UTC day, closed days from
 * their rolled-up totals and today from the entries.
 */
describe('financeOverview(currency, from, to)', () => {
  const env = new FinanceSuite();
  const suite = env.gateway;
  let ctx: AccountContext;
  let pg: Client;
  let history: FinanceFixtures;
  let finance: string;
  const period = () => ({ from: dayIso(today() - 6 * DAY_MS), to: dayIso(today() + DAY_MS) });
  const threeDaysAgo = () => today() - 3 * DAY_MS;

  const overview = async (token: string, variables: Record<string, unknown>) => {
    const reply = await suite.gql<{ financeOverview: Overview }>(token, OVERVIEW, variables);
    expect(reply.errors).toBeUndefined();
    return reply.data!.financeOverview;
  };

  beforeAll(async () => {
    ({ ctx, pg, fixtures: history, finance } = await env.start(['gateway', 'account']));
  }, 120_000);
  afterAll(() => env.stop());

  it('is zero everywhere on a platform without money', async () => {
    // Days long closed: the days the next tests post to are not rolled up before they do.
    const empty = await overview(finance, {
      currency: 'USD',
      from: '2020-01-01T00:00:00Z',
      to: '2020-01-08T00:00:00Z',
    });
    expect(empty).toMatchObject({
      balance: '0.000000',
      paid: '0.000000',
      promotional: '0.000000',
      wallets: 0,
      pendingUsage: '0.000000',
      walletsByDebtState: [],
    });
    expect(empty.dailyTotals).toHaveLength(7);
    expect(
      empty.dailyTotals.every((d) => d.charges === '0.000000' && d.recharges === '0.000000'),
    ).toBe(true);
  });

  it('adds up every wallet of the currency exactly: paid and promotional, pending, debt states, days', async () => {
    const a = await ctx.newTenant('USD');
    const b = await ctx.newTenant('USD');
    const euro = await ctx.newTenant('EUR');
    await ctx.credit(a.walletId, 100_000_000n);
    await ctx.grant(a.walletId, 20_000_000n, new Date(Date.now() + 30 * DAY_MS));
    // Promotional credit is spent first: 5 of the 20 are gone.
    await ctx.charge(a.walletId, 5_000_000n);
    await ctx.credit(b.walletId, 50_500_001n);
    await ctx.credit(euro.walletId, 999_000_000n);
    await pg.query(`UPDATE account.wallets SET debt_state = 'LOW_BALANCE' WHERE id = $1`, [
      b.walletId,
    ]);
    // Three days ago: a recharge of 7, usage of 2 and a correction giving 0.5 back.
    const past = new Date(threeDaysAgo() + 10 * HOUR_MS);
    await history.postedAt(past, b.walletId, 'recharge', 7_000_000n);
    await history.postedAt(past, b.walletId, 'usage', -2_000_000n);
    await history.postedAt(past, b.walletId, 'usage_adjustment', 500_000n);
    await pendingHours(a.walletId, b.walletId);

    const usd = await overview(finance, { currency: 'USD', ...period() });
    // a: 100 + 20 − 5 = 115 (15 of it credit); b: 50.500001 + 7 − 2 + 0.5 − 0.25 posted.
    expect(usd).toMatchObject({
      currency: 'USD',
      balance: '170.750001',
      promotional: '15.000000',
      paid: '155.750001',
      wallets: 2,
      // a's open hour 1.25; b's frozen hour of 0.75, 0.25 of it posted: 0.5.
      pendingUsage: '1.750000',
    });
    expect(sortByState(usd.walletsByDebtState)).toEqual([
      { state: 'LOW_BALANCE', wallets: 1 },
      { state: 'NORMAL', wallets: 1 },
    ]);
    const byDay = new Map(usd.dailyTotals.map((d) => [d.day, d]));
    expect(byDay.get(dayIso(threeDaysAgo()))).toEqual({
      day: dayIso(threeDaysAgo()),
      charges: '1.500000',
      recharges: '7.000000',
    });
    // Today: 5 charged to a and the 0.25 of b's frozen hour; 100 and 50.500001 recharged.
    expect(byDay.get(dayIso(today()))).toEqual({
      day: dayIso(today()),
      charges: '5.250000',
      recharges: '150.500001',
    });
    expect(usd.dailyTotals.map((d) => d.day)).toEqual(
      [...Array(7).keys()].map((n) => dayIso(today() - (6 - n) * DAY_MS)),
    );

    const eur = await overview(finance, { currency: 'EUR', ...period() });
    expect(eur).toMatchObject({
      balance: '999.000000',
      paid: '999.000000',
      wallets: 1,
      pendingUsage: '0.000000',
    });
  });

  it('reads a closed day from its rolled-up totals, written once', async () => {
    const { rows } = await pg.query<{ day: string; kind: string; amount: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, amount_micros::text AS amount
         FROM account.ledger_day_totals WHERE currency = 'USD' ORDER BY kind`,
    );
    const day = dayIso(threeDaysAgo()).slice(0, 10);
    expect(rows).toEqual([
      { day, kind: 'recharge', amount: '7000000' },
      { day, kind: 'usage', amount: '-2000000' },
      { day, kind: 'usage_adjustment', amount: '500000' },
    ]);
    const rolledUp = await pg.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM account.ledger_rolled_up_days WHERE day >= $1::date',
      [period().from],
    );
    // The six closed days of the period (today is open); yesterday may still be in its grace hour.
    expect([5, 6]).toContain(rolledUp.rows[0].n);

    // Proof the overview reads the rollup, not the entries: a changed total shows.
    await pg.query(
      `UPDATE account.ledger_day_totals SET amount_micros = 8000000
        WHERE currency = 'USD' AND kind = 'recharge' AND day = $1::date`,
      [day],
    );
    const usd = await overview(finance, { currency: 'USD', ...period() });
    expect(usd.dailyTotals.find((d) => d.day === dayIso(threeDaysAgo()))?.recharges).toBe(
      '8.000000',
    );
  });

  it.each(['OWNER', 'ADMIN', 'MEMBER'] as const)('is FORBIDDEN to a tenant %s', async (role) => {
    const { tenantId } = await ctx.newTenant('USD');
    const token = suite.jwt((await suite.fixtures.newMember(tenantId, role)).externalId);
    const reply = await suite.gql(token, OVERVIEW, { currency: 'USD', ...period() });
    expect(reply.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reply.data).toBeNull();
  });

  it('is open to a platform admin', async () => {
    const admin = suite.jwt((await suite.fixtures.newUser('PLATFORM_ADMIN')).externalId);
    expect((await overview(admin, { currency: 'USD', ...period() })).wallets).toBeGreaterThan(0);
  });

  it.each([
    ['a currency not in ISO form', { currency: 'usd' }, 'BAD_CURRENCY'],
    ['a from that is not midnight', { from: dayIso(today() + HOUR_MS) }, 'BAD_DAY'],
    ['an empty period', { to: dayIso(today() - 6 * DAY_MS) }, 'BAD_PERIOD'],
    ['93 days', { from: dayIso(today() - 92 * DAY_MS) }, 'BAD_PERIOD'],
  ])('refuses %s with BAD_USER_INPUT', async (_, change, reason) => {
    const reply = await suite.gql(finance, OVERVIEW, { currency: 'USD', ...period(), ...change });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  /**
   * a: an open hour estimated at 1.25. b: an hour settlement froze at 0.75, of which a charge
   * of 0.25 is posted so far.
   */
  async function pendingHours(aWallet: string, bWallet: string) {
    const hour = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS);
    await pg.query(
      `INSERT INTO account.wallet_pending_hours (wallet_id, hour, state, amount_micros, through_minute)
       VALUES ($1, $2, 'OPEN', 1250000, $2)`,
      [aWallet, new Date(hour.getTime() + HOUR_MS)],
    );
    await pg.query(
      `INSERT INTO account.wallet_pending_hours (wallet_id, hour, state, amount_micros, entries_after)
       SELECT $1, $2, 'FROZEN', 750000, last_value FROM account.ledger_entries_id_seq`,
      [bWallet, hour],
    );
    await ctx.postBatch.execute(
      [
        {
          kind: 'usage',
          idempotencyKey: `charge:finance-${randomUUID().slice(0, 8)}:${hour.toISOString()}`,
          usageHour: hour,
          lines: [
            { account: { walletId: bWallet }, amountMicros: -250_000n },
            { account: { system: SystemAccount.RevenueCpu }, amountMicros: 250_000n },
          ],
        },
      ],
      systemJob,
    );
  }
});

function sortByState<T extends { state: string }>(rows: T[]): T[] {
  return [...rows].sort((x, y) => (x.state < y.state ? -1 : 1));
}
