import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Posting } from '@tally/account/ledger/ledger.types';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { billingMonth, previousMonth } from '@tally/billing/invoices/billing-month';
import { InvoiceRepository } from '@tally/billing/invoices/invoice.repository';
import { NO_CREDIT_LINES } from '@tally/billing/statements/statement';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type { StatementBody } from '@tally/transport';
import { outcome } from '../identity/identity-fixtures';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { markHoursSettled } from '../support/metering-context';
import { waitFor } from '../support/ports';
import {
  creditTiedOut,
  tiedOut,
  toMicros,
  type CreditLinesReply,
  type StatementReply,
} from '../support/statement-figures';

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) {
  createTenant(input: $input) { id wallet { id } }
}`;
const CREATE_SUB = `mutation ($input: CreateSubAccountInput!) {
  createSubAccount(input: $input) { id wallet { id } }
}`;
const TRANSFER = `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const GENERATE = `mutation ($month: String!) {
  generateStatements(month: $month) { month usageCutoff tenants issued alreadyDone failed }
}`;
const INVOICES = `query ($tenantId: ID!) {
  invoices(tenantId: $tenantId) {
    id number status total currency pdfUrl periodStart periodEnd voidReason tenant { id }
  }
}`;
const REISSUE = `mutation ($id: ID!, $reason: String!) {
  reissueInvoice(id: $id, reason: $reason) {
    id number status total pdfUrl periodStart voidReason reissueOf
  }
}`;
const STATEMENT = `query ($tenantId: ID!, $month: String!) {
  statement(tenantId: $tenantId, month: $month) {
    final usageSince usageCutoff opening recharges charges priorPeriod chargesPostedLater
    chargesOfOtherStatements adjustments other closing invoiceId
    wallets {
      walletId opening recharges charges priorPeriod chargesPostedLater chargesOfOtherStatements
      adjustments internalTransfers other closing
    }
    usage { namespace resource amount }
    priorPeriodLines { month namespace resource amount }
    otherLines { kind amount }
  }
}`;
const CREDIT_LINES =
  'creditOpening creditsGranted creditsMovedIn creditsUsed creditsMovedOut creditsExpired creditClosing';
const CREDIT_STATEMENT = `query ($tenantId: ID!, $month: String!) {
  statement(tenantId: $tenantId, month: $month) {
    final opening recharges charges priorPeriod chargesPostedLater chargesOfOtherStatements
    adjustments other closing ${CREDIT_LINES}
    wallets {
      walletId opening recharges charges priorPeriod chargesPostedLater chargesOfOtherStatements
      adjustments internalTransfers other closing ${CREDIT_LINES}
    }
  }
}`;
const GRANT_CREDIT = `mutation ($walletId: ID!, $amount: Money!, $expiresAt: DateTime!, $reason: String!) {
  grantCredit(walletId: $walletId, amount: $amount, expiresAt: $expiresAt, reason: $reason) { id }
}`;
const VOID = `mutation ($id: ID!, $reason: String!) {
  voidInvoice(id: $id, reason: $reason) { id status voidReason number total }
}`;

const M = 1_000_000n;
const HOUR_MS = 3_600_000;
const fmt = (micros: bigint) => {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  return `${sign}${abs / M}.${(abs % M).toString().padStart(6, '0')}`;
};

/** A ledger-level record of what the test posted, to compute the expected figures. */
interface Posted {
  readonly transactionId: string;
  readonly at: Date;
  /** wallet id → amount */
  readonly walletAmounts: ReadonlyMap<string, bigint>;
  readonly kind: string;
  /** Usage only: the hour it is for. */
  readonly usageHour?: Date;
}

/**
 * Runs on a database of its own: a month closes only once every hour of it is settled, and
 * this suite decides which hours are (metering.settled_hours), without other suites' hours.
 */
describe('monthly statements and invoices', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let ctx: AccountContext;
  let db: Client;
  // The month before this one, which billing closes at start-up: one of its hours is left
  // unsettled until the first test settles it.
  const lastMonth = billingMonth(previousMonth(new Date()));
  const unsettledHour = new Date(lastMonth.start.getTime() + 100 * HOUR_MS);

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    db = new Client({ connectionString: database.url });
    await db.connect();
    // A posted hour in the far future: metering's own schedule then finds no hour due.
    await settle(new Date('2999-01-01T00:00:00Z'), new Date('2999-01-01T01:00:00Z'));
    await settleMonth(lastMonth.month, unsettledHour);
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      TALLY_MONTH_CLOSE_RETRY_SECONDS: '1',
    });
    ctx = AccountContext.create(4, database.url);
  });

  afterAll(async () => {
    await db?.end();
    await ctx?.close();
    await suite.stop();
    await database?.drop();
  });

  const settle = (from: Date, to: Date, except: Date | null = null) =>
    markHoursSettled(db, from, to, except);

  function settleMonth(month: string, except: Date | null = null): Promise<void> {
    const { start, end } = billingMonth(month);
    return settle(start, end, except);
  }

  /** A wallet's balance at an instant, straight from the ledger's entries. */
  async function balanceAt(walletId: string, at: Date): Promise<bigint> {
    const { rows } = await db.query<{ sum: string | null }>(
      `SELECT sum(amount_micros)::text AS sum FROM account.ledger_entries
        WHERE wallet_id = $1 AND created_at < $2`,
      [walletId, at],
    );
    return BigInt(rows[0].sum ?? '0');
  }

  async function statementOf(owner: string, tenantId: string, month: string) {
    const reply = await suite.gql<{ statement: StatementReply }>(owner, STATEMENT, {
      tenantId,
      month,
    });
    expect(outcome(reply)).toBe('OK');
    return reply.data!.statement;
  }

  /** Moves transactions to the instant they "were posted": the ledger refuses edits, so the
   *  test lifts its append-only triggers inside one transaction (nothing else sees it). */
  async function postedAt(transactionIds: readonly string[], at: Date): Promise<void> {
    await db.query('BEGIN');
    try {
      await db.query(
        `ALTER TABLE account.ledger_entries DISABLE TRIGGER ledger_entries_append_only`,
      );
      await db.query(
        `ALTER TABLE account.ledger_transactions DISABLE TRIGGER ledger_transactions_append_only`,
      );
      await db.query(
        `UPDATE account.ledger_entries SET created_at = $2 WHERE transaction_id = ANY ($1::uuid[])`,
        [transactionIds, at],
      );
      await db.query(
        `UPDATE account.ledger_transactions SET created_at = $2 WHERE id = ANY ($1::uuid[])`,
        [transactionIds, at],
      );
      await db.query(
        `ALTER TABLE account.ledger_entries ENABLE TRIGGER ledger_entries_append_only`,
      );
      await db.query(
        `ALTER TABLE account.ledger_transactions ENABLE TRIGGER ledger_transactions_append_only`,
      );
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }

  /** By default it existed before the months under test, so month-end runs include it. */
  async function newTenant(createdAt = new Date('2025-12-01T00:00:00Z')) {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await suite.admin<{ createTenant: { id: string; wallet: { id: string } } }>(
      CREATE_TENANT,
      { input: { name: 'Acme', currency: 'USD', ownerExternalId } },
    );
    const tenant = reply.data!.createTenant;
    await db.query(`UPDATE account.tenants SET created_at = $2 WHERE id = $1`, [
      tenant.id,
      createdAt,
    ]);
    return { tenantId: tenant.id, walletId: tenant.wallet.id, owner: suite.jwt(ownerExternalId) };
  }

  async function post(posting: Posting, at: Date, log: Posted[]): Promise<void> {
    const result = await ctx.postTransaction.execute(posting, systemJob);
    await postedAt([result.transactionId], at);
    const walletAmounts = new Map<string, bigint>();
    for (const line of posting.lines) {
      if ('walletId' in line.account) walletAmounts.set(line.account.walletId, line.amountMicros);
    }
    log.push({
      transactionId: result.transactionId,
      at,
      walletAmounts,
      kind: posting.kind,
      usageHour: posting.usageHour,
    });
  }

  const recharge = (walletId: string, amount: bigint): Posting => ({
    kind: 'recharge',
    idempotencyKey: `stripe:cs_test_${randomUUID()}`,
    lines: [
      { account: { walletId }, amountMicros: amount },
      { account: { system: SystemAccount.StripeClearing }, amountMicros: -amount },
    ],
  });

  /** An hourly charge exactly as settlement posts it. */
  const charge = (
    walletId: string,
    namespace: string,
    hour: Date,
    byResource: Partial<Record<'cpu' | 'memory' | 'storage', bigint>>,
    kind: 'usage' | 'usage_adjustment' = 'usage',
    n = 1,
  ): Posting => {
    const revenue = {
      cpu: SystemAccount.RevenueCpu,
      memory: SystemAccount.RevenueMemory,
      storage: SystemAccount.RevenueStorage,
    };
    const lines = Object.entries(byResource).map(([resource, amount]) => ({
      account: { system: revenue[resource as keyof typeof revenue] },
      amountMicros: amount,
    }));
    const total = lines.reduce((sum, line) => sum + line.amountMicros, 0n);
    return {
      kind,
      idempotencyKey:
        kind === 'usage'
          ? `charge:${namespace}:${hour.toISOString()}`
          : `recon:${namespace}:${hour.toISOString()}:${n}`,
      usageHour: hour,
      lines: [{ account: { walletId }, amountMicros: -total }, ...lines],
    };
  };

  it('does not close a month while one of its hours is unsettled, and closes it once it is', async () => {
    // Billing's start-up job closes last month, of which the suite left one hour unsettled.
    const { tenantId, walletId, owner } = await newTenant(
      new Date(lastMonth.start.getTime() + 24 * HOUR_MS),
    );
    const hour = new Date(lastMonth.start.getTime() + 5 * HOUR_MS);
    const ns = `job-${randomUUID().slice(0, 8)}`;
    await post(recharge(walletId, 10n * M), new Date(hour.getTime() - HOUR_MS), []);
    await post(
      charge(walletId, ns, hour, { cpu: 4_200_000n }),
      new Date(hour.getTime() + HOUR_MS),
      [],
    );

    // The job asked metering, was told which hour is missing, and waits (asking again).
    const waiting = await waitFor('month-end to wait for the unsettled hour', async () =>
      suite.cluster
        .output('billing')
        .split('\n')
        .find(
          (line) =>
            line.includes('month not settled yet') &&
            line.includes(`"month":"${lastMonth.month}"`) &&
            line.includes(`"firstUnsettledHour":"${unsettledHour.toISOString()}"`),
        ),
    );
    expect(JSON.parse(waiting)).toMatchObject({ unsettledHours: 1 });
    // generateStatements refuses it too, saying why; and nothing was issued.
    const refused = await suite.admin(GENERATE, { month: lastMonth.month });
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({
      reason: 'MONTH_NOT_SETTLED',
      unsettledHours: 1,
      firstUnsettledHour: unsettledHour.toISOString(),
    });
    const stored = () =>
      db.query<{ charges: string }>(
        `SELECT charges_micros::text AS charges FROM billing.statements
          WHERE tenant_id = $1 AND period_start = $2`,
        [tenantId, lastMonth.start],
      );
    expect((await stored()).rows).toEqual([]);

    // Once the hour is settled, the waiting job closes the month on its own.
    await settle(unsettledHour, new Date(unsettledHour.getTime() + HOUR_MS));
    const [statement] = await waitFor('the month-end job to close the month', async () => {
      const { rows } = await stored();
      return rows.length > 0 ? rows : undefined;
    });
    expect(statement).toEqual({ charges: '4200000' });
    const invoices = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    expect(invoices.data!.invoices.map((i) => [i.periodStart, i.total])).toEqual([
      [lastMonth.start.toISOString(), fmt(4_200_000n)],
    ]);
  });

  it('ties a month of recharges, transfers, adjustments, bonuses and hourly charges out to the ledger, the last hour settled after midnight included', async () => {
    const { tenantId, walletId: main, owner } = await newTenant();
    const subs = await Promise.all(
      ['dev', 'ops'].map(async (name) => {
        const reply = await suite.admin<{
          createSubAccount: { id: string; wallet: { id: string } };
        }>(CREATE_SUB, { input: { tenantId, name } });
        return reply.data!.createSubAccount.wallet.id;
      }),
    );
    const [dev, ops] = subs;
    const nsMain = `web-${randomUUID().slice(0, 8)}`;
    const nsDev = `dev-${randomUUID().slice(0, 8)}`;
    const log: Posted[] = [];
    const feb = new Date('2026-02-20T10:00:00Z');
    const mar = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));
    // The last hour's charge, settled after midnight; metering marks the hour posted at 00:06.
    const apr = new Date('2026-04-01T00:05:00Z');
    const cutoff = new Date('2026-04-01T00:06:00Z');
    await settleMonth('2026-03');

    // Before the month: the opening balances.
    await post(recharge(main, 500n * M), feb, log);
    await post(
      charge(main, nsMain, new Date('2026-02-20T09:00:00Z'), { cpu: 1_234_567n }),
      feb,
      log,
    );

    // The month.
    await post(recharge(main, 250n * M), mar(1, 0), log);
    for (const [txId, at] of [
      [await transfer(main, dev, 120_500_001n), mar(2)],
      [await transfer(main, ops, 40n * M), mar(2)],
      [await transfer(ops, main, 5n * M), mar(20)],
      [await adjust(dev, 3_000_007n), mar(15)],
      [await adjust(main, -1_000_000n), mar(16)],
    ] as const) {
      await postedAt([txId], at);
      log.push({ transactionId: txId, at, walletAmounts: await walletAmountsOf(txId), kind: 'x' });
    }
    for (let h = 0; h < 48; h += 1) {
      const hour = new Date(Date.UTC(2026, 2, 10, h));
      const at = new Date(hour.getTime() + 3_600_000 + 120_000);
      await post(charge(main, nsMain, hour, { cpu: 10_001n + BigInt(h), memory: 2_003n }), at, log);
      await post(charge(dev, nsDev, hour, { cpu: 70_007n, storage: 1n }), at, log);
    }
    await post(
      charge(dev, nsDev, new Date('2026-03-10T05:00:00Z'), { cpu: -3_000n }, 'usage_adjustment'),
      mar(11),
      log,
    );
    await post(
      {
        kind: 'bonus',
        idempotencyKey: `bonus:${randomUUID()}`,
        lines: [
          { account: { walletId: main }, amountMicros: 12_500_000n },
          { account: { system: SystemAccount.PromotionalCredit }, amountMicros: -12_500_000n },
        ],
      },
      mar(1, 1),
      log,
    );
    // The last hour of the month, posted after midnight: it is March's usage, on March's
    // invoice, although it moves the balance in April.
    await post(charge(main, nsMain, new Date('2026-03-31T23:00:00Z'), { cpu: 999n }), apr, log);

    const run = await suite.admin<{
      generateStatements: { usageCutoff: string; issued: number; failed: number };
    }>(GENERATE, { month: '2026-03' });
    expect(outcome(run)).toBe('OK');
    expect(run.data!.generateStatements).toMatchObject({
      failed: 0,
      usageCutoff: cutoff.toISOString(),
    });

    // What the ledger says, straight from its tables.
    const start = new Date('2026-03-01T00:00:00Z');
    const end = new Date('2026-04-01T00:00:00Z');
    // Charged: usage of March's hours posted before the cutoff; some of it after the end.
    const charged = log.filter(
      (p) => p.usageHour && p.usageHour >= start && p.usageHour < end && p.at < cutoff,
    );
    const chargesOf = (wallet: string | null, of = charged) =>
      of.reduce((sum, p) => sum - sumFor(p, wallet), 0n);
    const postedLaterOf = (wallet: string | null) =>
      chargesOf(
        wallet,
        charged.filter((p) => p.at >= end),
      );

    const reply = await suite.gql<{ statement: StatementReply }>(owner, STATEMENT, {
      tenantId,
      month: '2026-03',
    });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    expect(statement).toMatchObject({
      final: true,
      usageSince: start.toISOString(),
      usageCutoff: cutoff.toISOString(),
    });

    const wallets = [main, dev, ops];
    let opening = 0n;
    let closing = 0n;
    for (const wallet of wallets) {
      const row = statement.wallets.find((w) => w.walletId === wallet)!;
      const open = await balanceAt(wallet, start);
      const close = await balanceAt(wallet, end);
      opening += open;
      closing += close;
      expect(row.opening).toBe(fmt(open));
      expect(row.closing).toBe(fmt(close));
      expect(row).toMatchObject({
        charges: fmt(chargesOf(wallet)),
        chargesPostedLater: fmt(postedLaterOf(wallet)),
        chargesOfOtherStatements: fmt(0n),
        priorPeriod: fmt(0n),
      });
      expect(tiedOut(row)).toBe(close);
    }
    expect(
      statement.wallets.map((w) => BigInt(toMicros(w.internalTransfers!))).reduce((a, b) => a + b),
    ).toBe(0n);
    expect(statement.opening).toBe(fmt(opening));
    expect(statement.closing).toBe(fmt(closing));
    expect(statement.recharges).toBe(fmt(250n * M));
    expect(statement.adjustments).toBe(fmt(3_000_007n - 1_000_000n));
    expect(statement.otherLines).toEqual([{ kind: 'bonus', amount: fmt(12_500_000n) }]);
    expect(statement.charges).toBe(fmt(chargesOf(null)));
    expect(statement.chargesPostedLater).toBe(fmt(999n));
    expect(tiedOut(statement)).toBe(closing);
    const usageTotal = statement.usage.reduce(
      (sum, line) => sum + BigInt(toMicros(line.amount)),
      0n,
    );
    expect(usageTotal).toBe(chargesOf(null));
    expect(statement.usage).toEqual(
      expect.arrayContaining([
        { namespace: nsDev, resource: 'CPU', amount: fmt(48n * 70_007n - 3_000n) },
        { namespace: nsDev, resource: 'STORAGE', amount: fmt(48n) },
        { namespace: nsMain, resource: 'MEMORY', amount: fmt(48n * 2_003n) },
        {
          namespace: nsMain,
          resource: 'CPU',
          amount: fmt(48n * 10_001n + (47n * 48n) / 2n + 999n),
        },
      ]),
    );

    const invoices = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    expect(outcome(invoices)).toBe('OK');
    expect(invoices.data!.invoices).toHaveLength(1);
    const [invoice] = invoices.data!.invoices;
    expect(invoice).toMatchObject({
      status: 'ISSUED',
      total: fmt(chargesOf(null)),
      currency: 'USD',
      periodStart: '2026-03-01T00:00:00.000Z',
      periodEnd: '2026-04-01T00:00:00.000Z',
      pdfUrl: `/invoices/${invoice.id}/pdf`,
      tenant: { id: tenantId },
    });
    expect(invoice.number).toMatch(/^\d{4}-\d{6}$/);
    expect(statement.invoiceId).toBe(invoice.id);

    // April is not generated: its statement is the figures so far, not stored. The charge
    // posted after midnight moves its balance but is charged on March's statement. A month
    // still running cannot be generated; tenants cannot generate.
    const april = await suite.gql<{ statement: StatementReply }>(owner, STATEMENT, {
      tenantId,
      month: '2026-04',
    });
    expect(april.data!.statement).toMatchObject({
      final: false,
      usageSince: cutoff.toISOString(),
      usageCutoff: null,
      charges: fmt(0n),
      chargesOfOtherStatements: fmt(999n),
      opening: statement.closing,
      invoiceId: null,
    });
    expect(tiedOut(april.data!.statement)).toBe(BigInt(toMicros(april.data!.statement.closing)));
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(outcome(await suite.admin(GENERATE, { month: thisMonth }))).toBe('BAD_USER_INPUT');
    expect(outcome(await suite.gql(owner, GENERATE, { month: '2026-03' }))).toBe('FORBIDDEN');

    // Running the month again changes nothing.
    const again = await suite.admin<{ generateStatements: { issued: number } }>(GENERATE, {
      month: '2026-03',
    });
    expect(again.data!.generateStatements.issued).toBe(0);
    const still = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    expect(still.data!.invoices.map((i) => i.number)).toEqual([invoice.number]);

    // The PDF: the owner gets it; no token, another tenant or a made-up id get nothing.
    const pdfUrl = `${suite.cluster.url('gateway')}${invoice.pdfUrl}`;
    const pdf = await fetch(pdfUrl, { headers: { authorization: `Bearer ${owner}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(pdfUrl)).status).toBe(401);
    const stranger = await newTenant();
    const other = await fetch(pdfUrl, { headers: { authorization: `Bearer ${stranger.owner}` } });
    expect(other.status).toBe(404);
    const forged = await fetch(`${suite.cluster.url('gateway')}/invoices/${randomUUID()}/pdf`, {
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(forged.status).toBe(404);
    const strangerList = await suite.gql(stranger.owner, INVOICES, { tenantId });
    expect(outcome(strangerList)).toBe('NOT_FOUND');

    // Void: not the tenant's to do; finance may, once, and says why.
    expect(outcome(await suite.gql(owner, VOID, { id: invoice.id, reason: 'no' }))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(await suite.gql(stranger.owner, VOID, { id: invoice.id, reason: 'x' }))).toBe(
      'NOT_FOUND',
    );
    // A blank reason: only who may void learns it is wrong; the others get what they got above.
    expect(outcome(await suite.gql(owner, VOID, { id: invoice.id, reason: ' ' }))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(await suite.gql(stranger.owner, VOID, { id: invoice.id, reason: ' ' }))).toBe(
      'NOT_FOUND',
    );
    const finance = await suite.fixtures.newUser('FINANCE');
    expect(
      outcome(
        await suite.gql(suite.jwt(finance.externalId), VOID, { id: invoice.id, reason: ' ' }),
      ),
    ).toBe('BAD_USER_INPUT');
    const voided = await suite.gql<{ voidInvoice: InvoiceReply }>(
      suite.jwt(finance.externalId),
      VOID,
      {
        id: invoice.id,
        reason: 'Issued with the wrong address',
      },
    );
    expect(outcome(voided)).toBe('OK');
    expect(voided.data!.voidInvoice).toMatchObject({
      status: 'VOID',
      voidReason: 'Issued with the wrong address',
      number: invoice.number,
      total: invoice.total,
    });
    expect(outcome(await suite.admin(VOID, { id: invoice.id, reason: 'again' }))).toBe('CONFLICT');
    const { rows: voids } = await db.query(
      `SELECT voided_by FROM billing.invoice_voids WHERE invoice_id = $1`,
      [invoice.id],
    );
    expect(voids).toEqual([{ voided_by: `user:${finance.id}` }]);

    async function transfer(from: string, to: string, amount: bigint): Promise<string> {
      const reply = await suite.admin<{ transfer: { id: string } }>(TRANSFER, {
        input: {
          fromWalletId: from,
          toWalletId: to,
          amount: fmt(amount),
          idempotencyKey: randomUUID(),
        },
      });
      expect(outcome(reply)).toBe('OK');
      return reply.data!.transfer.id;
    }
    async function adjust(walletId: string, amount: bigint): Promise<string> {
      const reply = await suite.admin<{ adjustBalance: { id: string } }>(ADJUST, {
        input: { walletId, amount: fmt(amount), reason: 'test', idempotencyKey: randomUUID() },
      });
      expect(outcome(reply)).toBe('OK');
      return reply.data!.adjustBalance.id;
    }
    async function walletAmountsOf(transactionId: string): Promise<Map<string, bigint>> {
      const { rows } = await db.query<{ wallet_id: string; amount: string }>(
        `SELECT wallet_id, amount_micros::text AS amount FROM account.ledger_entries
          WHERE transaction_id = $1 AND wallet_id IS NOT NULL`,
        [transactionId],
      );
      return new Map(rows.map((r) => [r.wallet_id, BigInt(r.amount)]));
    }
  });

  it('charges a correction posted after its month closed on the next statement, as a prior-period line, both tied out to the ledger', async () => {
    const { tenantId, walletId, owner } = await newTenant();
    const ns = `web-${randomUUID().slice(0, 8)}`;
    const log: Posted[] = [];
    const at = (iso: string) => new Date(iso);
    const lastHourOfApril = at('2026-04-30T23:00:00Z');
    await post(recharge(walletId, 100n * M), at('2026-04-01T08:00:00Z'), log);
    await post(
      charge(walletId, ns, at('2026-04-10T05:00:00Z'), { cpu: 1_000_000n }),
      at('2026-04-10T06:05:00Z'),
      log,
    );
    // Corrected while April is open: on April's statement.
    await post(
      charge(walletId, ns, at('2026-04-10T05:00:00Z'), { cpu: -100_000n }, 'usage_adjustment'),
      at('2026-04-20T00:30:00Z'),
      log,
    );
    // April's last hour, settled after midnight: April's usage, May's balance.
    await post(
      charge(walletId, ns, lastHourOfApril, { cpu: 2_000_000n, memory: 7n }),
      at('2026-05-01T00:05:00Z'),
      log,
    );
    await settleMonth('2026-04');
    const aprilRun = await suite.admin<{ generateStatements: { failed: number } }>(GENERATE, {
      month: '2026-04',
    });
    expect(aprilRun.data!.generateStatements).toMatchObject({
      failed: 0,
      usageCutoff: '2026-05-01T00:06:00.000Z',
    });

    // After April closed: a correction of its last hour, then May's own usage.
    await post(
      charge(walletId, ns, lastHourOfApril, { cpu: 50_000n }, 'usage_adjustment'),
      at('2026-05-03T09:00:00Z'),
      log,
    );
    await post(
      charge(walletId, ns, at('2026-05-05T10:00:00Z'), { cpu: 300_000n }),
      at('2026-05-05T11:05:00Z'),
      log,
    );
    await settleMonth('2026-05');
    const mayRun = await suite.admin<{ generateStatements: { failed: number } }>(GENERATE, {
      month: '2026-05',
    });
    expect(mayRun.data!.generateStatements).toMatchObject({
      failed: 0,
      usageCutoff: '2026-06-01T00:06:00.000Z',
    });

    const april = await statementOf(owner, tenantId, '2026-04');
    const may = await statementOf(owner, tenantId, '2026-05');
    expect(april).toMatchObject({
      usageSince: '2026-04-01T00:00:00.000Z',
      usageCutoff: '2026-05-01T00:06:00.000Z',
      charges: fmt(2_900_007n),
      priorPeriod: fmt(0n),
      chargesPostedLater: fmt(2_000_007n),
      chargesOfOtherStatements: fmt(0n),
      usage: [
        { namespace: ns, resource: 'CPU', amount: fmt(2_900_000n) },
        { namespace: ns, resource: 'MEMORY', amount: fmt(7n) },
      ],
      priorPeriodLines: [],
    });
    expect(may).toMatchObject({
      usageSince: '2026-05-01T00:06:00.000Z',
      usageCutoff: '2026-06-01T00:06:00.000Z',
      opening: april.closing,
      charges: fmt(350_000n),
      priorPeriod: fmt(50_000n),
      chargesPostedLater: fmt(0n),
      // April's last hour moved May's balance; April's statement charged it.
      chargesOfOtherStatements: fmt(2_000_007n),
      usage: [{ namespace: ns, resource: 'CPU', amount: fmt(300_000n) }],
      priorPeriodLines: [
        { month: '2026-04', namespace: ns, resource: 'CPU', amount: fmt(50_000n) },
      ],
    });

    // Both tie out to the ledger to the micro-unit: balances by posting time, the lines add up
    // to them, and every micro-unit of usage the ledger holds is charged exactly once.
    for (const [statement, month] of [
      [april, '2026-04'],
      [may, '2026-05'],
    ] as const) {
      const { start, end } = billingMonth(month);
      expect(statement.opening).toBe(fmt(await balanceAt(walletId, start)));
      expect(statement.closing).toBe(fmt(await balanceAt(walletId, end)));
      expect(tiedOut(statement)).toBe(BigInt(toMicros(statement.closing)));
      expect(statement.wallets).toHaveLength(1);
      expect(tiedOut(statement.wallets[0])).toBe(BigInt(toMicros(statement.closing)));
    }
    const { rows } = await db.query<{ used: string }>(
      `SELECT (-sum(e.amount_micros))::text AS used
         FROM account.ledger_entries e
         JOIN account.ledger_transactions t ON t.id = e.transaction_id
        WHERE e.wallet_id = $1 AND t.kind IN ('usage', 'usage_adjustment')`,
      [walletId],
    );
    expect(BigInt(toMicros(april.charges)) + BigInt(toMicros(may.charges))).toBe(
      BigInt(rows[0].used),
    );
    expect(BigInt(rows[0].used)).toBe(
      log.filter((p) => p.usageHour).reduce((sum, p) => sum - sumFor(p, walletId), 0n),
    );
    const invoices = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    expect(invoices.data!.invoices.map((i) => [i.periodStart, i.total])).toEqual([
      ['2026-05-01T00:00:00.000Z', fmt(350_000n)],
      ['2026-04-01T00:00:00.000Z', fmt(2_900_007n)],
    ]);
  });

  it('keeps an issued invoice immutable in the database itself', async () => {
    const { tenantId, walletId } = await newTenant();
    const log: Posted[] = [];
    await post(recharge(walletId, 10n * M), new Date('2026-06-01T01:00:00Z'), log);
    await post(
      charge(walletId, `ns-${randomUUID().slice(0, 8)}`, new Date('2026-06-02T00:00:00Z'), {
        cpu: 5n,
      }),
      new Date('2026-06-02T01:05:00Z'),
      log,
    );
    await settleMonth('2026-06');
    await suite.admin(GENERATE, { month: '2026-06' });
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM billing.invoices WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(rows).toHaveLength(1);
    const id = rows[0].id;
    // Announced to the tenant's webhooks from the issuing transaction.
    const { rows: events } = await db.query<{ type: string }>(
      `SELECT payload->>'type' AS type FROM billing.outbox
        WHERE topic = 'outbound.event' AND payload->'data'->>'invoiceId' = $1`,
      [id],
    );
    expect(events).toEqual([{ type: 'invoice.issued' }]);
    for (const sql of [
      `UPDATE billing.invoices SET total_micros = 1 WHERE id = $1`,
      `UPDATE billing.invoices SET number = number || 'x' WHERE id = $1`,
      `UPDATE billing.invoices SET status = 'DRAFT' WHERE id = $1`,
      `UPDATE billing.invoices SET status = 'VOID', total_micros = 0 WHERE id = $1`,
      `DELETE FROM billing.invoices WHERE id = $1`,
      `UPDATE billing.statements SET closing_micros = 0 WHERE id = (SELECT statement_id FROM billing.invoices WHERE id = $1)`,
    ]) {
      await expect(db.query(sql, [id])).rejects.toThrow(/immutable|cannot be deleted/);
    }
    // The one allowed move, then nothing more.
    await db.query(`UPDATE billing.invoices SET status = 'VOID' WHERE id = $1`, [id]);
    await expect(
      db.query(`UPDATE billing.invoices SET status = 'ISSUED' WHERE id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
  });

  it('reissues an invoice under a new number for the same statement, once, voiding it first, each step audited', async () => {
    const { tenantId, walletId, owner } = await newTenant();
    const log: Posted[] = [];
    await post(recharge(walletId, 10n * M), new Date('2026-07-01T01:00:00Z'), log);
    const hour = new Date('2026-07-02T00:00:00Z');
    await post(
      charge(walletId, `ns-${randomUUID().slice(0, 8)}`, hour, { cpu: 3n * M }),
      new Date('2026-07-02T01:05:00Z'),
      log,
    );
    await settleMonth('2026-07');
    await suite.admin(GENERATE, { month: '2026-07' });
    const listed = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    const [original] = listed.data!.invoices;
    expect(original).toMatchObject({ status: 'ISSUED', total: fmt(3n * M) });

    const user = await suite.fixtures.newUser('FINANCE');
    const finance = suite.jwt(user.externalId);
    const reissue = (token: string, reason: string) =>
      suite.gql<{ reissueInvoice: InvoiceReply & { reissueOf: string } }>(token, REISSUE, {
        id: original.id,
        reason,
      });
    // Not the tenant's to do (an owner, an admin, a member), nor another tenant's to see.
    expect(outcome(await reissue(owner, 'mine'))).toBe('FORBIDDEN');
    for (const role of ['ADMIN', 'MEMBER'] as const) {
      const member = await suite.fixtures.newMember(tenantId, role);
      expect(outcome(await reissue(suite.jwt(member.externalId), 'mine'))).toBe('FORBIDDEN');
    }
    expect(outcome(await reissue((await newTenant()).owner, 'theirs'))).toBe('NOT_FOUND');
    expect(outcome(await reissue(finance, '  '))).toBe('BAD_USER_INPUT');

    const first = await reissue(finance, 'Customer changed its billing address');
    expect(outcome(first)).toBe('OK');
    const reissued = first.data!.reissueInvoice;
    expect(reissued).toMatchObject({
      status: 'ISSUED',
      total: original.total,
      periodStart: original.periodStart,
      reissueOf: original.id,
    });
    expect(reissued.number).not.toBe(original.number);
    expect(Number(reissued.number.slice(5))).toBeGreaterThan(Number(original.number.slice(5)));
    // Asked again: the same reissue, nothing more written.
    const again = await reissue(finance, 'Customer changed its billing address');
    expect(again.data!.reissueInvoice.id).toBe(reissued.id);

    const after = await suite.gql<{ invoices: InvoiceReply[] }>(owner, INVOICES, { tenantId });
    expect(after.data!.invoices.map((i) => [i.number, i.status, i.voidReason])).toEqual([
      [reissued.number, 'ISSUED', null],
      [original.number, 'VOID', 'Customer changed its billing address'],
    ]);
    const statement = await statementOf(owner, tenantId, '2026-07');
    expect(statement.invoiceId).toBe(reissued.id);
    const pdf = await fetch(`${suite.cluster.url('gateway')}${reissued.pdfUrl}`, {
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Audited from the transactions themselves: once each, whatever was asked twice.
    const { rows: audits } = await db.query<{ kind: string; target: string }>(
      `SELECT payload->>'kind' AS kind, payload->>'targetId' AS target FROM billing.outbox
        WHERE topic = 'audit.record' AND payload->>'tenantId' = $1 ORDER BY id`,
      [tenantId],
    );
    expect(audits).toEqual([
      { kind: 'INVOICE_VOIDED', target: original.id },
      { kind: 'INVOICE_REISSUED', target: reissued.id },
    ]);
    const trail = await waitFor('the audit trail', async () => {
      const reply = await suite.admin<{
        auditLog: { edges: { node: { kind: string; actorId: string; reason: string } }[] };
      }>(`query ($t: ID) { auditLog(tenantId: $t) { edges { node { kind actorId reason } } } }`, {
        t: tenantId,
      });
      const nodes = reply.data?.auditLog.edges.map((e) => e.node) ?? [];
      return nodes.length === 2 ? nodes : undefined;
    });
    expect(trail).toEqual([
      {
        kind: 'INVOICE_REISSUED',
        actorId: user.id,
        reason: 'Customer changed its billing address',
      },
      { kind: 'INVOICE_VOIDED', actorId: user.id, reason: 'Customer changed its billing address' },
    ]);
  });

  it('numbers invoices without gaps when many are issued at once, rolled-back ones included', async () => {
    const prisma = new PrismaService({ databaseUrl: database.url, poolMax: 12 });
    const invoices = new InvoiceRepository(prisma);
    try {
      const tenants = Array.from({ length: 24 }, () => randomUUID());
      const periodStart = new Date('2026-07-01T00:00:00Z');
      const periodEnd = new Date('2026-08-01T00:00:00Z');
      const body = (tenantId: string): StatementBody => ({
        tenantId,
        tenantName: 't',
        currency: 'USD',
        periodStart: periodStart.toISOString(),
        periodEnd: periodEnd.toISOString(),
        usageSince: periodStart.toISOString(),
        usageCutoff: periodEnd.toISOString(),
        openingMicros: toWireMicros(0n),
        rechargesMicros: toWireMicros(10n),
        chargesMicros: toWireMicros(7n),
        priorPeriodMicros: toWireMicros(0n),
        chargesPostedLaterMicros: toWireMicros(0n),
        chargesOfOtherStatementsMicros: toWireMicros(0n),
        adjustmentsMicros: toWireMicros(0n),
        otherMicros: toWireMicros(0n),
        closingMicros: toWireMicros(3n),
        ...NO_CREDIT_LINES,
        wallets: [],
        usage: [],
        priorPeriod: [],
        other: [],
      });
      const render = async () => Buffer.from('%PDF-test');
      const failing = async () => {
        throw new Error('renderer crashed');
      };
      const attempts = tenants.flatMap((tenantId, i) => [
        // Every tenant twice (idempotent), every third one first through a crash.
        invoices.issue(
          { tenantId, periodStart, periodEnd, usageCutoff: periodEnd, body: body(tenantId) },
          7n,
          i % 3 === 0 ? failing : render,
        ),
        invoices.issue(
          { tenantId, periodStart, periodEnd, usageCutoff: periodEnd, body: body(tenantId) },
          7n,
          render,
        ),
      ]);
      await Promise.allSettled(attempts);
      await Promise.all(
        tenants.map((tenantId) =>
          invoices.issue(
            { tenantId, periodStart, periodEnd, usageCutoff: periodEnd, body: body(tenantId) },
            7n,
            render,
          ),
        ),
      );
      const { rows } = await db.query<{ tenant_id: string; year: number; sequence: number }>(
        `SELECT tenant_id, year, sequence FROM billing.invoices WHERE tenant_id = ANY ($1::uuid[])`,
        [tenants],
      );
      expect(new Set(rows.map((r) => r.tenant_id)).size).toBe(tenants.length);
      expect(rows).toHaveLength(tenants.length);
      // Across the whole year: numbers 1..n, each once, and the counter at n.
      const year = rows[0].year;
      const {
        rows: [all],
      } = await db.query<{ n: number; max: number; distinct: number; last: number }>(
        `SELECT count(*)::int AS n, max(sequence) AS max, count(DISTINCT sequence)::int AS distinct,
                (SELECT last_number FROM billing.invoice_counters WHERE year = $1) AS last
           FROM billing.invoices WHERE year = $1`,
        [year],
      );
      expect(all.n).toBe(all.max);
      expect(all.distinct).toBe(all.n);
      expect(all.last).toBe(all.n);
    } finally {
      await prisma.onApplicationShutdown();
    }
  });

  it('states credit a transfer moves to a sub-account as moved out and in on the issued statement, granted and used only what was granted and spent, tied out to the ledger', async () => {
    const { tenantId, walletId: main, owner } = await newTenant();
    const sub = await suite.admin<{ createSubAccount: { wallet: { id: string } } }>(CREATE_SUB, {
      input: { tenantId, name: 'research' },
    });
    const dept = sub.data!.createSubAccount.wallet.id;
    const ns = `lab-${randomUUID().slice(0, 8)}`;
    const aug = (day: number, hour = 12) => new Date(Date.UTC(2026, 7, day, hour));
    const log: Posted[] = [];
    await post(recharge(main, 1n * M), aug(1, 1), log);
    const finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
    const granted = await suite.gql<{ grantCredit: { id: string } }>(finance, GRANT_CREDIT, {
      walletId: main,
      amount: '5',
      expiresAt: new Date(Date.now() + 365 * 24 * HOUR_MS).toISOString(),
      reason: 'welcome credit',
    });
    expect(outcome(granted)).toBe('OK');
    const grantPosting = await grantTransaction(granted.data!.grantCredit.id);
    await postedAt([grantPosting], aug(2));
    await creditPostedAt([grantPosting], aug(2));
    // Spent from the grant: 4.499999 credit and 1 paid left.
    await post(charge(main, ns, aug(3, 10), { cpu: 500_001n }), aug(3, 11), log);
    await creditPostedAt([log[log.length - 1].transactionId], aug(3, 11));
    // 1 paid, then 2.000001 of the grant, which arrives in the sub-account as a grant.
    const moved = await suite.gql<{ transfer: { id: string } }>(owner, TRANSFER, {
      input: { fromWalletId: main, toWalletId: dept, amount: '3.000001', idempotencyKey: 'mv' },
    });
    expect(outcome(moved)).toBe('OK');
    await postedAt([moved.data!.transfer.id], aug(4));
    await creditPostedAt([moved.data!.transfer.id], aug(4));
    await post(charge(dept, ns, aug(5, 10), { cpu: 250_000n }), aug(5, 11), log);
    await creditPostedAt([log[log.length - 1].transactionId], aug(5, 11));

    await settleMonth('2026-08');
    expect(outcome(await suite.admin(GENERATE, { month: '2026-08' }))).toBe('OK');
    const reply = await suite.gql<{ statement: CreditStatementReply }>(owner, CREDIT_STATEMENT, {
      tenantId,
      month: '2026-08',
    });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    expect(statement).toMatchObject({
      final: true,
      creditOpening: '0.000000',
      creditsGranted: '5.000000',
      creditsMovedIn: '2.000001',
      creditsUsed: '0.750001',
      creditsMovedOut: '2.000001',
      creditsExpired: '0.000000',
      creditClosing: '4.249999',
    });
    const ofWallet = (id: string) => statement.wallets.find((w) => w.walletId === id)!;
    expect(ofWallet(main)).toMatchObject({
      creditsGranted: '5.000000',
      creditsMovedIn: '0.000000',
      creditsUsed: '0.500001',
      creditsMovedOut: '2.000001',
      creditClosing: '2.499998',
    });
    expect(ofWallet(dept)).toMatchObject({
      creditsGranted: '0.000000',
      creditsMovedIn: '2.000001',
      creditsUsed: '0.250000',
      creditsMovedOut: '0.000000',
      creditClosing: '1.750001',
    });

    // Tied out to the ledger to the micro-unit: balances by their entries, credit by the grants
    // the month left open, and the lines add up to both.
    const { start, end } = billingMonth('2026-08');
    for (const wallet of [main, dept]) {
      const lines = ofWallet(wallet);
      expect(lines.opening).toBe(fmt(await balanceAt(wallet, start)));
      expect(lines.closing).toBe(fmt(await balanceAt(wallet, end)));
      expect(tiedOut(lines)).toBe(await balanceAt(wallet, end));
      expect(lines.creditClosing).toBe(fmt(await openCreditAt(wallet, end)));
      expect(creditTiedOut(lines)).toBe(await openCreditAt(wallet, end));
    }
    expect(tiedOut(statement)).toBe(BigInt(toMicros(statement.closing)));
    expect(creditTiedOut(statement)).toBe(BigInt(toMicros(statement.creditClosing)));
    // What is stored is what is shown.
    const { rows } = await db.query<{ moved_in: string; moved_out: string }>(
      `SELECT figures->>'creditsMovedInMicros' AS moved_in,
              figures->>'creditsMovedOutMicros' AS moved_out
         FROM billing.statements WHERE tenant_id = $1 AND period_start = $2`,
      [tenantId, start],
    );
    expect(rows).toEqual([{ moved_in: '2000001', moved_out: '2000001' }]);

    async function grantTransaction(grantId: string): Promise<string> {
      const { rows: grants } = await db.query<{ transaction_id: string }>(
        `SELECT transaction_id FROM account.credit_grants WHERE id = $1`,
        [grantId],
      );
      return grants[0].transaction_id;
    }
  });

  /** Grants and draws of the transactions "were written" at `at`, as postedAt moves entries. */
  async function creditPostedAt(transactionIds: readonly string[], at: Date): Promise<void> {
    await db.query(
      `UPDATE account.credit_grants SET created_at = $2 WHERE transaction_id = ANY ($1::uuid[])`,
      [transactionIds, at],
    );
    await db.query(
      `UPDATE account.credit_draws SET created_at = $2 WHERE transaction_id = ANY ($1::uuid[])`,
      [transactionIds, at],
    );
  }

  /** A wallet's open credit at an instant, straight from its grants and draws (none expired). */
  async function openCreditAt(walletId: string, at: Date): Promise<bigint> {
    const { rows } = await db.query<{ open: string }>(
      `SELECT ((SELECT coalesce(sum(amount_micros), 0) FROM account.credit_grants
                 WHERE wallet_id = $1 AND created_at < $2)
             - (SELECT coalesce(sum(d.amount_micros), 0) FROM account.credit_draws d
                  JOIN account.credit_grants g ON g.id = d.grant_id
                 WHERE g.wallet_id = $1 AND d.created_at < $2))::text AS open`,
      [walletId, at],
    );
    return BigInt(rows[0].open);
  }
});

type CreditWalletReply = StatementReply['wallets'][number] & CreditLinesReply;
type CreditStatementReply = Omit<StatementReply, 'wallets'> &
  CreditLinesReply & { wallets: CreditWalletReply[] };

interface InvoiceReply {
  id: string;
  number: string;
  status: string;
  total: string;
  pdfUrl: string;
  periodStart: string;
  voidReason: string | null;
}

function sumFor(posted: Posted, wallet: string | null): bigint {
  let sum = 0n;
  for (const [walletId, amount] of posted.walletAmounts) {
    if (wallet === null || walletId === wallet) sum += amount;
  }
  return sum;
}
