import { Injectable } from '@nestjs/common';
import type { SubAccount, Wallet } from '@prisma/client';
import { conflict } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import type { SubAccountView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

export const withWallet = { wallet: true } as const;

@Injectable()
export class SubAccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A sub-account and its empty wallet, in the tenant's currency. */
  async create(
    tenantId: string,
    currency: string,
    name: string,
    monthlyBudgetMicros: bigint | null,
  ): Promise<SubAccountView> {
    try {
      const created = await this.prisma.subAccount.create({
        data: {
          tenantId,
          name,
          monthlyBudgetMicros,
          wallet: { create: { tenantId, kind: 'SUB_ACCOUNT', currency } },
        },
        include: withWallet,
      });
      return toSubAccountView(created);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A sub-account named ${name} already exists`, { reason: 'NAME_TAKEN' });
      }
      throw error;
    }
  }

  async setBudget(id: string, monthlyBudgetMicros: bigint | null): Promise<SubAccountView> {
    const updated = await this.prisma.subAccount.update({
      where: { id },
      data: { monthlyBudgetMicros },
      include: withWallet,
    });
    return toSubAccountView(updated);
  }

  async byIds(ids: readonly string[]): Promise<SubAccountView[]> {
    const rows = await this.prisma.subAccount.findMany({
      where: { id: { in: validUuids(ids) } },
      include: withWallet,
    });
    return rows.map(toSubAccountView);
  }

  async byTenants(tenantIds: readonly string[]): Promise<SubAccountView[]> {
    const rows = await this.prisma.subAccount.findMany({
      where: { tenantId: { in: validUuids(tenantIds) } },
      include: withWallet,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toSubAccountView);
  }

  /** Every sub-account with a budget, for the monthly top-up. */
  async withBudgets(): Promise<SubAccountView[]> {
    const rows = await this.prisma.subAccount.findMany({
      where: { monthlyBudgetMicros: { gt: 0n } },
      include: withWallet,
      orderBy: { id: 'asc' },
    });
    return rows.map(toSubAccountView);
  }
}

export function toSubAccountView(row: SubAccount & { wallet: Wallet | null }): SubAccountView {
  if (row.wallet === null) throw new Error(`sub-account ${row.id} has no wallet`);
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    monthlyBudgetMicros:
      row.monthlyBudgetMicros === null ? null : toWireMicros(row.monthlyBudgetMicros),
    spendingCapMicros: row.spendingCapMicros === null ? null : toWireMicros(row.spendingCapMicros),
    walletId: row.wallet.id,
  };
}
