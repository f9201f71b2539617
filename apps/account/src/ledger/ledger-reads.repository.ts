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
    const transactions = await this.prisma.ledgerTransaction.findMany({
      where: { id: { in: validUuids(ids) } },
      include: { entries: { orderBy: { id: 'asc' } } },
    });
    return transactions.map(toTransactionView);
  }

  /** The tenants whose wallets each transaction touches (for authorization). */
  async tenantsOfTransactions(ids: readonly string[]): Promise<Map<string, Set<string>>> {
    const entries = await this.prisma.ledgerEntry.findMany({
      where: { transactionId: { in: validUuids(ids) }, walletId: { not: null } },
      select: { transactionId: true, wallet: { select: { tenantId: true } } },
    });
    const tenants = new Map<string, Set<string>>();
    for (const { transactionId, wallet } of entries) {
      if (wallet === null) continue;
      tenants.set(transactionId, (tenants.get(transactionId) ?? new Set()).add(wallet.tenantId));
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
  transaction: LedgerTransaction & { entries: LedgerEntry[] },
): LedgerTransactionView {
  return {
    id: transaction.id,
    kind: transaction.kind,
    idempotencyKey: transaction.idempotencyKey,
    createdAt: transaction.createdAt.toISOString(),
    entries: transaction.entries.map(toEntryView),
  };
}
