import { randomUUID } from 'node:crypto';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';
import { everyMinute, MeteringContext, newNamespace, pastHour } from '../support/metering-context';
import { ensurePriceBook } from '../support/price-books';

const GIB = 2n ** 30n;
const SETTLE = `mutation ($hour: DateTime!) {
  settleHour(hour: $hour) { id hour namespaces charged status startedAt finishedAt }
}`;
const USAGE = `query ($ns: String!, $from: DateTime!, $to: DateTime!) {
  workspace(namespace: $ns) { usage(from: $from, to: $to) { namespace hour resource quantity amount } }
}`;
const BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;

interface SettleReply {
  settleHour: { namespaces: number; charged: string; status: string; hour: string };
}

describe('hourly settlement through the gateway', () => {
  const suite = new GatewaySuite();
  const metering = MeteringContext.create();
  let owner: string;
  let tenantWallet: string;
  let subWallet: string;
  let subAccountId: string;
  let tenantId: string;

  beforeAll(async () => {
    await ensurePriceBook('EUR');
    await suite.start(['gateway', 'account', 'billing', 'metering']);
    const tenant = await suite.newTenant('Metered');
    ({ id: tenantId, walletId: tenantWallet, owner } = tenant);
    ({ id: subAccountId, walletId: subWallet } = await suite.newSubAccount(tenantId, 'research'));
  });
  afterAll(async () => {
    await metering.close();
    await suite.stop();
  });

  const workspace = (subAccount: string | null = null) =>
    suite.newWorkspace(tenantId, newNamespace('team'), subAccount);

  async function balance(walletId: string, token = owner): Promise<string> {
    const reply = await suite.gql<{ wallet: { balance: string } }>(token, BALANCE, {
      id: walletId,
    });
    return reply.data!.wallet.balance;
  }

  it('charges each namespace-hour once with one line per resource, at the book in force', async () => {
    const hour = pastHour();
    const web = await workspace();
    const batch = await workspace(subAccountId);
    const before = { tenant: await balance(tenantWallet), sub: await balance(subWallet) };

    // web: half a core and 1 GiB all hour. batch: 2 cores for 30 of the 60 minutes (short).
    await metering.record([
      ...everyMinute(web, 'CPU', hour, 30_000_000n),
      ...everyMinute(web, 'MEMORY', hour, GIB * 60n),
      ...everyMinute(batch, 'CPU', hour, 120_000_000n, 30),
    ]);
    // An unattributed namespace (no workspace) is never charged.
    await metering.record(everyMinute(newNamespace('kube'), 'CPU', hour, 60_000_000n));

    const first = await suite.admin<SettleReply>(SETTLE, { hour: hour.toISOString() });
    expect(first.errors).toBeUndefined();
    // Seeded prices: CPU 0.03/core-hour, MEMORY 0.004/GiB-hour.
    // web: 0.5 core-hour → 0.015 + 1 GiB-hour → 0.004; batch: 1 core-hour → 0.03.
    expect(first.data!.settleHour).toMatchObject({
      hour: hour.toISOString(),
      namespaces: 2,
      charged: '0.049000',
      status: 'SUCCEEDED',
    });
    expect(await balance(tenantWallet)).toBe(minus(before.tenant, 19_000n));
    expect(await balance(subWallet)).toBe(minus(before.sub, 30_000n));

    const usage = await suite.gql<{ workspace: { usage: unknown[] } }>(owner, USAGE, {
      ns: web,
      from: hour.toISOString(),
      to: new Date(hour.getTime() + 3_600_000).toISOString(),
    });
    expect(usage.data!.workspace.usage).toEqual([
      {
        namespace: web,
        hour: hour.toISOString(),
        resource: 'CPU',
        quantity: '0.500000',
        amount: '0.015000',
      },
      {
        namespace: web,
        hour: hour.toISOString(),
        resource: 'MEMORY',
        quantity: '1.000000',
        amount: '0.004000',
      },
    ]);

    // Again: nothing new is charged, and late samples do not change a settled hour.
    await metering.record(
      everyMinute(batch, 'CPU', new Date(hour.getTime() + 30 * 60_000), 1n, 30),
    );
    const again = await suite.admin<SettleReply>(SETTLE, { hour: hour.toISOString() });
    expect(again.data!.settleHour).toMatchObject({ namespaces: 0, charged: '0.000000' });
    expect(await balance(subWallet)).toBe(minus(before.sub, 30_000n));
  });

  it('prices each wallet with its own currency’s book, and fails the run for a currency without one', async () => {
    const hour = pastHour();
    const eur = await suite.newTenant('Euro', undefined, 'EUR');
    const usd = await suite.newTenant('Dollar');
    const [eurNs, usdNs] = [newNamespace('eur'), newNamespace('usd')];
    await suite.newWorkspace(eur.id, eurNs);
    await suite.newWorkspace(usd.id, usdNs);
    // A wallet in a currency no book prices: a tenant opened before createTenant checked.
    const xts = await metering.prisma.pool.query<{ wallet: string }>(
      `WITH t AS (INSERT INTO account.tenants (id, name, currency)
                  VALUES (gen_random_uuid(), 'Legacy', 'XTS') RETURNING id)
       INSERT INTO account.wallets (id, tenant_id, kind, currency)
       SELECT gen_random_uuid(), t.id, 'TENANT', 'XTS' FROM t RETURNING id AS wallet`,
    );
    const xtsWallet = xts.rows[0].wallet;
    const xtsNs = newNamespace('xts');
    await suite.fixtures.legacyWorkspace(xtsNs, xtsWallet);

    // One core all hour in each.
    await metering.record([
      ...everyMinute(eurNs, 'CPU', hour, 60_000_000n),
      ...everyMinute(usdNs, 'CPU', hour, 60_000_000n),
      ...everyMinute(xtsNs, 'CPU', hour, 60_000_000n),
    ]);
    const settle = () =>
      suite.admin<{ settleHour: { namespaces: number; status: string; error: string | null } }>(
        `mutation ($hour: DateTime!) { settleHour(hour: $hour) { namespaces status error } }`,
        { hour: hour.toISOString() },
      );
    const first = await settle();
    expect(first.errors).toBeUndefined();
    expect(first.data!.settleHour).toMatchObject({ namespaces: 2, status: 'FAILED' });
    expect(first.data!.settleHour.error).toMatch(
      new RegExp(`no price book in force at ${hour.toISOString()}.*1 in XTS \\(${xtsNs}\\)`),
    );
    // EUR's book: 0.02 a core-hour; USD's: 0.03. Each wallet pays in its own currency.
    expect(await balance(eur.walletId, eur.owner)).toBe('-0.020000');
    expect(await balance(usd.walletId, usd.owner)).toBe('-0.030000');
    const xtsBalance = await metering.prisma.pool.query<{ balance: string }>(
      `SELECT balance_micros::text AS balance FROM account.wallets WHERE id = $1`,
      [xtsWallet],
    );
    expect(xtsBalance.rows[0].balance).toBe('0');
    const frozen = await metering.prisma.pool.query<{ namespace: string; currency: string }>(
      `SELECT namespace, currency FROM metering.usage_charges
        WHERE hour = $1 AND namespace = ANY ($2) ORDER BY currency`,
      [hour, [eurNs, usdNs, xtsNs]],
    );
    expect(frozen.rows).toEqual([
      { namespace: eurNs, currency: 'EUR' },
      { namespace: usdNs, currency: 'USD' },
    ]);

    // Every later run of the hour says so again; nothing more is charged.
    const again = await settle();
    expect(again.data!.settleHour).toMatchObject({ namespaces: 0, status: 'FAILED' });
    expect(again.data!.settleHour.error).toContain(xtsNs);
    expect(await balance(eur.walletId, eur.owner)).toBe('-0.020000');
  });

  it('posts the charge as a balanced transaction keyed charge:<namespace>:<hour>, for that hour', async () => {
    const hour = pastHour();
    const ns = await workspace();
    await metering.record(everyMinute(ns, 'NETWORK_EGRESS', hour, GIB / 60n + 1n));
    await suite.admin(SETTLE, { hour: hour.toISOString() });
    const { rows } = await metering.prisma.pool.query<{
      account: string;
      amount: string;
      usage_hour: Date;
    }>(
      `SELECT e.account, e.amount_micros::text AS amount, t.usage_hour
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.idempotency_key = $1 ORDER BY e.amount_micros`,
      [`charge:${ns}:${hour.toISOString()}`],
    );
    // 60 × (GiB/60 + 1) bytes is a hair over 1 GiB: 0.08 rounded up to the next micro-unit.
    // The ledger knows the hour the charge is for, whenever it was posted: statements use it.
    expect(rows).toEqual([
      { account: `wallet:${tenantWallet}`, amount: '-80001', usage_hour: hour },
      { account: 'system:revenue:network_egress', amount: '80001', usage_hour: hour },
    ]);
  });

  it('refuses settleHour to anyone but a platform admin, and hours that are not whole and past', async () => {
    const hour = pastHour().toISOString();
    expect(outcome(await suite.gql(owner, SETTLE, { hour }))).toBe('FORBIDDEN');
    const notWhole = new Date(Date.parse(hour) + 60_000).toISOString();
    expect(outcome(await suite.admin(SETTLE, { hour: notWhole }))).toBe('BAD_USER_INPUT');
    const current = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    expect(outcome(await suite.admin(SETTLE, { hour: current }))).toBe('BAD_USER_INPUT');
  });

  it('answers usage only to who may read the workspace, over at most 31 days', async () => {
    const ns = await workspace();
    const from = pastHour();
    const stranger = suite.jwt(`stranger-${randomUUID()}`);
    const seen = await suite.gql<{ workspace: unknown }>(stranger, USAGE, {
      ns,
      from: from.toISOString(),
      to: new Date(from.getTime() + 3_600_000).toISOString(),
    });
    expect(seen.data!.workspace).toBeNull();
    const tooLong = await suite.gql(owner, USAGE, {
      ns,
      from: from.toISOString(),
      to: new Date(from.getTime() + 32 * 86_400_000).toISOString(),
    });
    expect(outcome(tooLong)).toBe('BAD_USER_INPUT');
  });
});

function minus(balance: string, micros: bigint): string {
  const value = BigInt(balance.replace('.', '')) - micros;
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(7, '0');
  return `${sign}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}
