import { Injectable } from '@nestjs/common';
import type { LedgerEntry } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import { toWireMicros } from '@tally/money';
import type {
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

  /** Newest first; the cursor is the last entry id seen. */
  async entriesPage(walletId: string, first: number, afterId: bigint | null): Promise<EntriesPage> {
    const rows = await this.prisma.ledgerEntry.findMany({
      where: { walletId, ...(afterId === null ? {} : { id: { lt: afterId } }) },
      orderBy: { id: 'desc' },
      take: first + 1,
    });
    const page = rows.slice(0, first);
    return {
      entries: page.map(toEntryView),
      hasNextPage: rows.length > first,
      endCursor: page.length > 0 ? page[page.length - 1].id.toString() : null,
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

export function toEntryView(entry: LedgerEntry): LedgerEntryView {
  return {
    id: entry.id.toString(),
    transactionId: entry.transactionId,
    walletId: entry.walletId,
    account: entry.account,
    amountMicros: toWireMicros(entry.amountMicros),
    createdAt: entry.createdAt.toISOString(),
  };
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
