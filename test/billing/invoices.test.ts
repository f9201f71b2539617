import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Posting } from '@tally/account/ledger/ledger.types';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { InvoiceRepository } from '@tally/billing/invoices/invoice.repository';
import { PrismaService } from '@tally/prisma';
import type { StatementBody } from '@tally/transport';
import { outcome } from '../identity/identity-fixtures';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) {
  createTenant(input: $input) { id wallet { id } }
}`;
const CREATE_SUB = `mutation ($input: CreateSubAccountInput!) {
  createSubAccount(input: $input) { id wallet { id } }
}`;
const TRANSFER = `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const GENERATE = `mutation ($month: String!) {
  generateStatements(month: $month) { month tenants issued alreadyDone failed }
}`;
const INVOICES = `query ($tenantId: ID!) {
  invoices(tenantId: $tenantId) {
    id number status total currency pdfUrl periodStart periodEnd voidReason tenant { id }
  }
}`;
const STATEMENT = `query ($tenantId: ID!, $month: String!) {
  statement(tenantId: $tenantId, month: $month) {
    final opening recharges charges adjustments other closing invoiceId
    wallets { walletId opening recharges charges adjustments internalTransfers other closing }
    usage { namespace resource amount }
    otherLines { kind amount }
  }
}`;
const VOID = `mutation ($id: ID!, $reason: String!) {
  voidInvoice(id: $id, reason: $reason) { id status voidReason number total }
}`;

const M = 1_000_000n;
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
}

describe('monthly statements and invoices', () => {
  const suite = new GatewaySuite();
  let ctx: AccountContext;
  let db: Client;

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    ctx = AccountContext.create(4);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await ctx?.close();
    await suite.stop();
  });

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

  async function newTenant() {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await suite.admin<{ createTenant: { id: string; wallet: { id: string } } }>(
      CREATE_TENANT,
      { input: { name: 'Acme', currency: 'USD', ownerExternalId } },
    );
    const tenant = reply.data!.createTenant;
    // Existed before the months under test, so month-end runs include it.
    await db.query(`UPDATE account.tenants SET created_at = '2025-12-01' WHERE id = $1`, [
      tenant.id,
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
    log.push({ transactionId: result.transactionId, at, walletAmounts, kind: posting.kind });
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
      lines: [{ account: { walletId }, amountMicros: -total }, ...lines],
    };
  };

  it('ties a month of recharges, transfers, adjustments, bonuses and hourly charges out to the ledger', async () => {
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
    const apr = new Date('2026-04-01T00:00:00.5Z');

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
    // The last hour of the month, posted after midnight: it belongs to April by posting time.
    await post(charge(main, nsMain, new Date('2026-03-31T23:00:00Z'), { cpu: 999n }), apr, log);

    const run = await suite.admin<{ generateStatements: { issued: number; failed: number } }>(
      GENERATE,
      { month: '2026-03' },
    );
    expect(outcome(run)).toBe('OK');
    expect(run.data!.generateStatements.failed).toBe(0);

    // What the ledger says, straight from its tables.
    const start = new Date('2026-03-01T00:00:00Z');
    const end = new Date('2026-04-01T00:00:00Z');
    const balanceAt = async (walletId: string, at: Date) => {
      const { rows } = await db.query<{ sum: string | null }>(
        `SELECT sum(amount_micros)::text AS sum FROM account.ledger_entries
          WHERE wallet_id = $1 AND created_at < $2`,
        [walletId, at],
      );
      return BigInt(rows[0].sum ?? '0');
    };
    const inMonth = log.filter((p) => p.at >= start && p.at < end);
    const chargesOf = (wallet: string | null) =>
      inMonth
        .filter((p) => p.kind === 'usage' || p.kind === 'usage_adjustment')
        .reduce((sum, p) => sum - sumFor(p, wallet), 0n);

    const reply = await suite.gql<{ statement: StatementReply }>(owner, STATEMENT, {
      tenantId,
      month: '2026-03',
    });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    expect(statement.final).toBe(true);

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
      expect(row.charges).toBe(fmt(chargesOf(wallet)));
      const movements =
        BigInt(toMicros(row.recharges)) -
        BigInt(toMicros(row.charges)) +
        BigInt(toMicros(row.adjustments)) +
        BigInt(toMicros(row.internalTransfers)) +
        BigInt(toMicros(row.other));
      expect(BigInt(toMicros(row.opening)) + movements).toBe(close);
    }
    expect(
      statement.wallets.map((w) => BigInt(toMicros(w.internalTransfers))).reduce((a, b) => a + b),
    ).toBe(0n);
    expect(statement.opening).toBe(fmt(opening));
    expect(statement.closing).toBe(fmt(closing));
    expect(statement.recharges).toBe(fmt(250n * M));
    expect(statement.adjustments).toBe(fmt(3_000_007n - 1_000_000n));
    expect(statement.otherLines).toEqual([{ kind: 'bonus', amount: fmt(12_500_000n) }]);
    expect(statement.charges).toBe(fmt(chargesOf(null)));
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

    // April is not generated: its statement is the figures so far (the charge posted after
    // midnight), not stored. A month still running cannot be generated; tenants cannot generate.
    const april = await suite.gql<{ statement: StatementReply }>(owner, STATEMENT, {
      tenantId,
      month: '2026-04',
    });
    expect(april.data!.statement).toMatchObject({
      final: false,
      charges: fmt(999n),
      opening: statement.closing,
      invoiceId: null,
    });
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

  it('numbers invoices without gaps when many are issued at once, rolled-back ones included', async () => {
    const prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 12 });
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
        openingMicros: '0',
        rechargesMicros: '10',
        chargesMicros: '7',
        adjustmentsMicros: '0',
        otherMicros: '0',
        closingMicros: '3',
        wallets: [],
        usage: [],
        other: [],
      });
      const render = async () => Buffer.from('%PDF-test');
      const failing = async () => {
        throw new Error('renderer crashed');
      };
      const attempts = tenants.flatMap((tenantId, i) => [
        // Every tenant twice (idempotent), every third one first through a crash.
        invoices.issue(
          { tenantId, periodStart, periodEnd, body: body(tenantId) },
          7n,
          i % 3 === 0 ? failing : render,
        ),
        invoices.issue({ tenantId, periodStart, periodEnd, body: body(tenantId) }, 7n, render),
      ]);
      await Promise.allSettled(attempts);
      await Promise.all(
        tenants.map((tenantId) =>
          invoices.issue({ tenantId, periodStart, periodEnd, body: body(tenantId) }, 7n, render),
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
      await prisma.onModuleDestroy();
    }
  });
});

interface InvoiceReply {
  id: string;
  number: string;
  status: string;
  total: string;
  pdfUrl: string;
  voidReason: string | null;
}

interface StatementReply {
  final: boolean;
  opening: string;
  recharges: string;
  charges: string;
  adjustments: string;
  other: string;
  closing: string;
  invoiceId: string | null;
  wallets: {
    walletId: string;
    opening: string;
    recharges: string;
    charges: string;
    adjustments: string;
    internalTransfers: string;
    other: string;
    closing: string;
  }[];
  usage: { namespace: string; resource: string; amount: string }[];
  otherLines: { kind: string; amount: string }[];
}

function toMicros(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [units, fraction = ''] = decimal.replace('-', '').split('.');
  const micros = BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return (negative ? -micros : micros).toString();
}

function sumFor(posted: Posted, wallet: string | null): bigint {
  let sum = 0n;
  for (const [walletId, amount] of posted.walletAmounts) {
    if (wallet === null || walletId === wallet) sum += amount;
  }
  return sum;
}
