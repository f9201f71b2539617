import { DAILY_SPEND_STATEMENTS } from '@tally/metering/spend/spend.repository';
import { GatewaySuite } from '../support/gateway-suite';
import { QueryPlans } from '../support/query-plans';
import { everyMinute, MeteringContext, newNamespace, pastHour } from '../support/metering-context';

const GIB = 2n ** 30n;
const DAY_MS = 86_400_000;
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }`;
const DAILY_SPEND = `query ($id: ID!, $from: DateTime!, $to: DateTime!, $groupBy: SpendGrouping!) {
  tenant(id: $id) { dailySpend(from: $from, to: $to, groupBy: $groupBy) { day key amount } } }`;

interface Spend {
  day: string;
  key: string;
  amount: string;
}
type Reply = { tenant: { dailySpend: Spend[] } | null };

const byDayAndKey = (a: Spend, b: Spend) =>
  a.day === b.day ? a.key.localeCompare(b.key) : a.day.localeCompare(b.day);

describe('Tenant.dailySpend through the gateway', () => {
  const suite = new GatewaySuite();
  const metering = MeteringContext.create();
  let tenant: { id: string; walletId: string; owner: string };
  let subAccountId: string;
  let web: string;
  let batch: string;
  // Two settled hours a day apart, and the two UTC days that hold them.
  let first: Date;
  let second: Date;
  let from: string;
  let to: string;
  let days: [string, string];

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing', 'metering']);
    tenant = await suite.newTenant('Spender');
    ({ id: subAccountId } = await suite.newSubAccount(tenant.id, 'research'));
    web = await suite.newWorkspace(tenant.id, newNamespace('web'));
    batch = await suite.newWorkspace(tenant.id, newNamespace('batch'), subAccountId);

    first = pastHour();
    second = new Date(first.getTime() + DAY_MS);
    const midnight = Math.floor(first.getTime() / DAY_MS) * DAY_MS;
    from = new Date(midnight).toISOString();
    to = new Date(midnight + 2 * DAY_MS).toISOString();
    days = [from.slice(0, 10), new Date(midnight + DAY_MS).toISOString().slice(0, 10)];

    // Seeded prices: CPU 0.03/core-hour, MEMORY 0.004/GiB-hour. First hour: web half a core
    // and 1 GiB (0.015 + 0.004), batch 2 cores for 30 minutes (0.03). Second: web one core (0.03).
    await metering.record([
      ...everyMinute(web, 'CPU', first, 30_000_000n),
      ...everyMinute(web, 'MEMORY', first, GIB * 60n),
      ...everyMinute(batch, 'CPU', first, 120_000_000n, 30),
      ...everyMinute(web, 'CPU', second, 60_000_000n),
    ]);
    for (const hour of [first, second]) {
      const settled = await suite.admin<{ settleHour: { status: string } }>(SETTLE, {
        hour: hour.toISOString(),
      });
      expect(settled.data?.settleHour.status).toBe('SUCCEEDED');
    }
  });
  afterAll(async () => {
    await metering.close();
    await suite.stop();
  });

  const spend = (token: string, groupBy: string, range = { from, to }) =>
    suite.gql<Reply>(token, DAILY_SPEND, { id: tenant.id, ...range, groupBy });

  it('sums each day per namespace, exactly', async () => {
    const reply = await spend(tenant.owner, 'NAMESPACE');
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.tenant!.dailySpend).toEqual(
      [
        { day: days[0], key: web, amount: '0.019000' },
        { day: days[0], key: batch, amount: '0.030000' },
        { day: days[1], key: web, amount: '0.030000' },
      ].sort(byDayAndKey),
    );
  });

  it('sums each day per wallet: the sub-account by its id, the tenant wallet by the tenant id', async () => {
    const reply = await spend(tenant.owner, 'SUB_ACCOUNT');
    expect(reply.data!.tenant!.dailySpend.sort(byDayAndKey)).toEqual(
      [
        { day: days[0], key: tenant.id, amount: '0.019000' },
        { day: days[0], key: subAccountId, amount: '0.030000' },
        { day: days[1], key: tenant.id, amount: '0.030000' },
      ].sort(byDayAndKey),
    );
  });

  it('sums each day per resource, across namespaces and wallets', async () => {
    const reply = await spend(tenant.owner, 'RESOURCE');
    expect(reply.data!.tenant!.dailySpend).toEqual([
      { day: days[0], key: 'CPU', amount: '0.045000' },
      { day: days[0], key: 'MEMORY', amount: '0.004000' },
      { day: days[1], key: 'CPU', amount: '0.030000' },
    ]);
  });

  it('leaves out the days outside the range', async () => {
    const reply = await spend(tenant.owner, 'RESOURCE', { from: to, to: addDays(to, 1) });
    expect(reply.data!.tenant!.dailySpend).toEqual([]);
    const firstDay = await spend(tenant.owner, 'RESOURCE', { from, to: addDays(from, 1) });
    expect(firstDay.data!.tenant!.dailySpend.map((d) => d.day)).toEqual([days[0], days[0]]);
  });

  it('shows a MEMBER and finance what the owner sees, and another tenant nothing', async () => {
    const member = suite.jwt((await suite.fixtures.newMember(tenant.id, 'MEMBER')).externalId);
    const finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
    const owned = (await spend(tenant.owner, 'NAMESPACE')).data!.tenant!.dailySpend;
    expect((await spend(member, 'NAMESPACE')).data!.tenant!.dailySpend).toEqual(owned);
    expect((await spend(finance, 'NAMESPACE')).data!.tenant!.dailySpend).toEqual(owned);

    const other = await suite.newTenant('Other');
    const outsider = await spend(other.owner, 'NAMESPACE');
    expect(outsider.errors).toBeUndefined();
    expect(outsider.data!.tenant).toBeNull();
  });

  it.each([
    ['backwards', () => ({ from: to, to: from }), 'BAD_RANGE'],
    ['not at midnight', () => ({ from: addHours(from, 1), to }), 'NOT_WHOLE_DAYS'],
    ['longer than 92 days', () => ({ from, to: addDays(from, 93) }), 'RANGE_TOO_LONG'],
  ])('refuses a range %s with BAD_USER_INPUT and a reason', async (_, range, reason) => {
    const reply = await spend(tenant.owner, 'NAMESPACE', range());
    expect(reply.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['BAD_USER_INPUT', reason],
    ]);
  });

  it('refuses a grouping it does not have before asking any service', async () => {
    const reply = await spend(tenant.owner, 'APP');
    expect(reply.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('the statements behind it', () => {
    let plans: QueryPlans;
    beforeAll(async () => (plans = await QueryPlans.open()));
    afterAll(() => plans.close());

    it.each(Object.entries(DAILY_SPEND_STATEMENTS))(
      'reads %s from the (wallet_id, hour) indexes',
      async (_, sql) => {
        const plan = await plans.explain(sql, [[tenant.walletId], from, to]);
        expect(plan).not.toContain('Seq Scan');
        expect(plan).toContain('usage_charges_wallet_id_hour_idx');
        expect(plan).toContain('usage_adjustments_wallet_id_hour_idx');
      },
    );
  });
});

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}

function addHours(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
}
