import { randomUUID } from 'node:crypto';
import { LedgerRepository } from '@tally/account/ledger/ledger.repository';
import type { Posting } from '@tally/account/ledger/ledger.types';
import { contentHash } from '@tally/account/ledger/posting-rules';
import { formatMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import { SystemAccount } from '@tally/transport';
import { GatewaySuite } from '../support/gateway-suite';

const EXPORT = `mutation ($walletId: ID!, $filter: LedgerEntryFilter) {
  exportLedgerEntries(walletId: $walletId, filter: $filter) { url expiresAt }
}`;
const ENTRIES = `query ($id: ID!, $first: Int, $filter: LedgerEntryFilter) {
  wallet(id: $id) {
    entries(first: $first, filter: $filter) {
      edges { node { id amount transaction { kind } } }
      pageInfo { hasNextPage }
    }
  }
}`;
const HEADER = 'created_at,entry_id,transaction_id,kind,account,amount,currency';

interface EntryRow {
  id: string;
  amount: string;
}

/**
 * A wallet's ledger entries, filtered, in pages and as a streamed CSV export, through the
 * gateway against the real account service, Redis and Postgres: the export holds exactly the
 * entries the filter selects, across many pages of the account service, ties out to the
 * balance, opens once, and is refused to whoever may not read the wallet.
 */
describe('ledger entries: filters and the CSV export', () => {
  const suite = new GatewaySuite();
  const prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
  let tenant: Awaited<ReturnType<GatewaySuite['newTenant']>>;
  /** Between the first and the second seeded batch, and between the second and the third. */
  let firstCut: string;
  let secondCut: string;

  /** `count` adjustments of 1 to `count` micro-units into the tenant's wallet, in one statement. */
  const seedAdjustments = async (batch: string, count: number) => {
    const postings: Posting[] = Array.from({ length: count }, (_, i) => ({
      kind: 'adjustment',
      idempotencyKey: `export-test:${tenant.walletId}:${batch}:${i}`,
      reason: 'export test',
      lines: [
        { account: { walletId: tenant.walletId }, amountMicros: BigInt(i + 1) },
        { account: { system: SystemAccount.Adjustments }, amountMicros: -BigInt(i + 1) },
      ],
    }));
    await new LedgerRepository(prisma).post(
      postings,
      postings.map(contentHash),
      { actor: { type: 'system', id: 'export-test' } },
      false,
    );
  };
  const databaseNow = async () =>
    (
      await prisma.pool.query<{ now: Date }>('SELECT clock_timestamp() AS now')
    ).rows[0].now.toISOString();
  /** The wallet's entries the filter selects, newest first, as the database has them. */
  const expectedRows = async (where = 'true', values: unknown[] = []) =>
    (
      await prisma.pool.query<EntryRow>(
        `SELECT e.id::text, e.amount_micros::text AS amount
           FROM account.ledger_entries e
           JOIN account.ledger_transactions t ON t.id = e.transaction_id
          WHERE e.wallet_id = $1 AND ${where}
          ORDER BY e.id DESC`,
        [tenant.walletId, ...values],
      )
    ).rows.map((row) => ({ id: row.id, amount: formatMicros(BigInt(row.amount)) }));

  const exportLink = async (filter?: Record<string, unknown>, token = tenant.owner) => {
    const reply = await suite.gql<{ exportLedgerEntries: { url: string; expiresAt: string } }>(
      token,
      EXPORT,
      { walletId: tenant.walletId, filter },
    );
    expect(reply.errors).toBeUndefined();
    return reply.data!.exportLedgerEntries;
  };
  const download = (url: string) => fetch(`${suite.cluster.url('gateway')}${url}`);
  const csvRows = (csv: string): EntryRow[] => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.at(-1)).toBe('');
    return lines.slice(1, -1).map((line) => {
      const cells = line.split(',');
      expect(cells).toHaveLength(7);
      expect(cells[6]).toBe('USD');
      return { id: cells[1], amount: cells[5] };
    });
  };

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    tenant = await suite.newTenant(`export ${randomUUID().slice(0, 8)}`);
    await seedAdjustments('a', 1_500);
    firstCut = await databaseNow();
    await seedAdjustments('b', 2_500);
    secondCut = await databaseNow();
    await seedAdjustments('c', 700);
    const department = await suite.newSubAccount(tenant.id);
    const moved = await suite.gql(
      tenant.owner,
      `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
      {
        input: {
          fromWalletId: tenant.walletId,
          toWalletId: department.walletId,
          amount: '0.000100',
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(moved.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await suite.stop();
    await prisma.onApplicationShutdown();
  });

  it('exports every entry across account-service pages, newest first, tying out to the balance', async () => {
    const { url, expiresAt } = await exportLink();
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    const response = await download(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ledger-${tenant.walletId}.csv"`,
    );
    const rows = csvRows(await response.text());

    expect(rows).toHaveLength(1_500 + 2_500 + 700 + 1);
    expect(rows).toEqual(await expectedRows());
    const balance = await suite.gql<{ wallet: { balance: string } }>(
      tenant.owner,
      `query ($id: ID!) { wallet(id: $id) { balance } }`,
      { id: tenant.walletId },
    );
    const sum = rows.reduce((total, row) => total + BigInt(row.amount.replace('.', '')), 0n);
    expect(formatMicros(sum)).toBe(balance.data!.wallet.balance);
  });

  it('exports exactly what a kind and a date range select', async () => {
    const transfers = csvRows(
      await (await download((await exportLink({ kind: 'transfer' })).url)).text(),
    );
    expect(transfers).toEqual(await expectedRows(`t.kind = 'transfer'`));
    expect(transfers).toHaveLength(1);

    const middle = csvRows(
      await (await download((await exportLink({ from: firstCut, to: secondCut })).url)).text(),
    );
    expect(middle).toHaveLength(2_500);
    expect(middle).toEqual(
      await expectedRows('e.created_at >= $2 AND e.created_at < $3', [firstCut, secondCut]),
    );
  });

  it('pages with the same filters through the API', async () => {
    const reply = await suite.gql<{
      wallet: {
        entries: {
          edges: { node: { amount: string; transaction: { kind: string } } }[];
          pageInfo: { hasNextPage: boolean };
        };
      };
    }>(tenant.owner, ENTRIES, {
      id: tenant.walletId,
      first: 100,
      filter: { kind: 'adjustment', to: firstCut },
    });
    expect(reply.errors).toBeUndefined();
    const { edges, pageInfo } = reply.data!.wallet.entries;
    expect(edges.map((edge) => edge.node.amount)).toEqual(
      (await expectedRows(`t.kind = 'adjustment' AND e.created_at < $2`, [firstCut]))
        .slice(0, 100)
        .map((row) => row.amount),
    );
    expect(edges.every((edge) => edge.node.transaction.kind === 'adjustment')).toBe(true);
    expect(pageInfo.hasNextPage).toBe(true);
  });

  it('opens a link once: a second download, or a made-up link, is 404 NOT_FOUND', async () => {
    const { url } = await exportLink({ kind: 'transfer' });
    expect((await download(url)).status).toBe(200);

    for (const gone of [url, '/exports/not-a-ticket', `/exports/${'A'.repeat(43)}`]) {
      const response = await download(gone);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it("refuses another tenant's wallet, bad filters and pages over 200, with their codes", async () => {
    const stranger = await suite.newTenant('stranger');
    const refusals: [string, string, Record<string, unknown>, string, string | undefined][] = [
      ['another tenant', stranger.owner, { walletId: tenant.walletId }, 'NOT_FOUND', undefined],
      [
        'a reversed range',
        tenant.owner,
        { walletId: tenant.walletId, filter: { from: secondCut, to: firstCut } },
        'BAD_USER_INPUT',
        'BAD_RANGE',
      ],
      [
        'an empty kind',
        tenant.owner,
        { walletId: tenant.walletId, filter: { kind: '' } },
        'BAD_USER_INPUT',
        'BAD_KIND',
      ],
      [
        'a date that is none',
        tenant.owner,
        { walletId: tenant.walletId, filter: { from: 'yesterday' } },
        'BAD_USER_INPUT',
        undefined,
      ],
    ];
    for (const [what, token, variables, code, reason] of refusals) {
      const reply = await suite.gql(token, EXPORT, variables);
      expect([what, reply.errors?.[0]?.extensions?.code]).toEqual([what, code]);
      if (reason !== undefined) {
        expect([what, reply.errors?.[0]?.extensions?.reason]).toEqual([what, reason]);
      }
    }

    const tooMany = await suite.gql(
      tenant.owner,
      `query ($id: ID!) { wallet(id: $id) { entries(first: 201) { edges { cursor } } } }`,
      { id: tenant.walletId },
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_PAGE_SIZE',
    });
  });
});
