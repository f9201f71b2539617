import { Injectable } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import type {
  EntriesFilter,
  EntriesPage,
  LedgerEntryView,
  LedgerTransactionView,
  MicrosString,
} from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

/** Reading the ledger: pages of a wallet's entries and whole transactions. */
@Injectable()
export class LedgerReadsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Newest first; the cursor is the last entry id seen. The conditions are only those the
   * filter names, so every page is a walk down ledger_entries_wallet_page_idx from the cursor
   * (an `OR $n IS NULL` form would leave a generic plan that starts each page at the top).
   */
  async entriesPage(
    walletId: string,
    first: number,
    afterId: bigint | null,
    filter: EntriesFilter,
  ): Promise<EntriesPage> {
    const values: unknown[] = [walletId, first + 1];
    const where = ['e.wallet_id = $1'];
    const condition = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (afterId !== null) condition((n) => `e.id < ${n}`, afterId.toString());
    if (filter.kind !== null) condition((n) => `t.kind = ${n}`, filter.kind);
    if (filter.from !== null) condition((n) => `e.created_at >= ${n}`, filter.from);
    if (filter.to !== null) condition((n) => `e.created_at < ${n}`, filter.to);
    const { rows } = await this.prisma.pool.query<WalletEntryRow>(
      `SELECT e.id::text, e.transaction_id, e.wallet_id, e.account, e.amount_micros::text,
              e.created_at, t.kind
         FROM account.ledger_entries e
         JOIN account.ledger_transactions t ON t.id = e.transaction_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.id DESC
        LIMIT $2`,
      values,
    );
    const page = rows.slice(0, first);
    return {
      entries: page.map((row) => ({
        id: row.id,
        transactionId: row.transaction_id,
        walletId: row.wallet_id,
        account: row.account,
        amountMicros: row.amount_micros,
        createdAt: row.created_at.toISOString(),
        kind: row.kind,
      })),
      hasNextPage: rows.length > first,
      endCursor: page.length > 0 ? page[page.length - 1].id : null,
    };
  }

  // The read-back of every posting: one statement in plain SQL.
  async transactionsByIds(ids: readonly string[]): Promise<LedgerTransactionView[]> {
    const { rows } = await this.prisma.pool.query<TransactionEntryRow>({
      name: 'transactions_by_ids',
      text: `SELECT t.id, t.kind, t.idempotency_key, t.created_at,
                    e.id::text AS entry_id, e.wallet_id, e.account, e.amount_micros::text,
                    e.created_at AS entry_created_at
               FROM account.ledger_transactions t
               JOIN account.ledger_entries e ON e.transaction_id = t.id
              WHERE t.id = ANY ($1::uuid[])
              ORDER BY t.id, e.id`,
      values: [validUuids(ids)],
    });
    const transactions = new Map<string, LedgerTransactionView & { entries: LedgerEntryView[] }>();
    for (const row of rows) {
      let transaction = transactions.get(row.id);
      if (transaction === undefined) {
        transaction = {
          id: row.id,
          kind: row.kind,
          idempotencyKey: row.idempotency_key,
          createdAt: row.created_at.toISOString(),
          entries: [],
        };
        transactions.set(row.id, transaction);
      }
      transaction.entries.push({
        id: row.entry_id,
        transactionId: row.id,
        walletId: row.wallet_id,
        account: row.account,
        amountMicros: row.amount_micros,
        createdAt: row.entry_created_at.toISOString(),
      });
    }
    return [...transactions.values()];
  }

  /** The tenants whose wallets each transaction touches (for authorization). */
  async tenantsOfTransactions(ids: readonly string[]): Promise<Map<string, Set<string>>> {
    const { rows } = await this.prisma.pool.query<{ transaction_id: string; tenant_id: string }>(
      `SELECT DISTINCT e.transaction_id, w.tenant_id
         FROM account.ledger_entries e JOIN account.wallets w ON w.id = e.wallet_id
        WHERE e.transaction_id = ANY ($1::uuid[])`,
      [validUuids(ids)],
    );
    const tenants = new Map<string, Set<string>>();
    for (const row of rows) {
      tenants.set(
        row.transaction_id,
        (tenants.get(row.transaction_id) ?? new Set()).add(row.tenant_id),
      );
    }
    return tenants;
  }
}

interface WalletEntryRow {
  id: string;
  transaction_id: string;
  wallet_id: string;
  account: string;
  amount_micros: MicrosString;
  created_at: Date;
  kind: string;
}

interface TransactionEntryRow {
  id: string;
  kind: string;
  idempotency_key: string;
  created_at: Date;
  entry_id: string;
  wallet_id: string | null;
  account: string;
  /** bigint as text: the wire form already. */
  amount_micros: MicrosString;
  entry_created_at: Date;
}
