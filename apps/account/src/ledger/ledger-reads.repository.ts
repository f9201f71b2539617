import { Injectable } from '@nestjs/common';
import type { LedgerEntry, LedgerTransaction } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { EntriesPage, LedgerEntryView, LedgerTransactionView } from '@tally/transport';
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

  async transactionsByIds(ids: readonly string[]): Promise<LedgerTransactionView[]> {
    const where = { transactionId: { in: validUuids(ids) } };
    const [transactions, entries] = await Promise.all([
      this.prisma.ledgerTransaction.findMany({ where: { id: where.transactionId } }),
      this.prisma.ledgerEntry.findMany({ where, orderBy: { id: 'asc' } }),
    ]);
    const entriesOf = new Map<string, LedgerEntry[]>();
    for (const entry of entries) {
      entriesOf.set(entry.transactionId, [...(entriesOf.get(entry.transactionId) ?? []), entry]);
    }
    return transactions.map((t) => toTransactionView(t, entriesOf.get(t.id) ?? []));
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
    amountMicros: entry.amountMicros.toString(),
    createdAt: entry.createdAt.toISOString(),
  };
}

export function toTransactionView(
  transaction: LedgerTransaction,
  entries: readonly LedgerEntry[],
): LedgerTransactionView {
  return {
    id: transaction.id,
    kind: transaction.kind,
    idempotencyKey: transaction.idempotencyKey,
    createdAt: transaction.createdAt.toISOString(),
    entries: entries.map(toEntryView),
  };
}
