import { Injectable } from '@nestjs/common';
import type { Wallet } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { WalletView } from '@tally/transport';

@Injectable()
export class WalletRepository {
  constructor(private readonly prisma: PrismaService) {}

  async byIds(ids: readonly string[]): Promise<WalletView[]> {
    const wallets = await this.prisma.wallet.findMany({ where: { id: { in: validUuids(ids) } } });
    return wallets.map(toWalletView);
  }

  async byId(id: string): Promise<WalletView | null> {
    const [wallet] = await this.byIds([id]);
    return wallet ?? null;
  }
}

export function toWalletView(wallet: Wallet): WalletView {
  return {
    id: wallet.id,
    tenantId: wallet.tenantId,
    kind: wallet.kind,
    subAccountId: wallet.subAccountId,
    balanceMicros: wallet.balanceMicros.toString(),
    currency: wallet.currency,
    debtState: wallet.debtState,
  };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from callers that cannot be UUIDs simply match nothing (NOT_FOUND, not a 500). */
export function validUuids(ids: readonly string[]): string[] {
  return ids.filter((id) => uuid.test(id));
}
