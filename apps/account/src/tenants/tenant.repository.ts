import { Injectable } from '@nestjs/common';
import type { Tenant, Wallet } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { TenantView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

export interface NewTenant {
  readonly name: string;
  readonly currency: string;
  readonly ownerExternalId: string;
  readonly ownerEmail?: string;
}

@Injectable()
export class TenantRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The tenant, its wallet and its owner's membership appear together or not at all. */
  async create(tenant: NewTenant): Promise<TenantView> {
    return this.prisma.$transaction(async (tx) => {
      const owner = await tx.user.upsert({
        where: { externalId: tenant.ownerExternalId },
        create: { externalId: tenant.ownerExternalId, email: tenant.ownerEmail },
        update: {},
      });
      const created = await tx.tenant.create({
        data: {
          name: tenant.name,
          currency: tenant.currency,
          wallets: { create: { kind: 'TENANT', currency: tenant.currency } },
          memberships: { create: { userId: owner.id, role: 'OWNER' } },
        },
        include: { wallets: true },
      });
      return toTenantView(created);
    });
  }

  /** E-mail addresses of the tenant's owners and admins, for notices about its money. */
  async contacts(tenantId: string): Promise<string[]> {
    const members = await this.prisma.membership.findMany({
      where: { tenantId, role: { in: ['OWNER', 'ADMIN'] }, user: { email: { not: null } } },
      select: { user: { select: { email: true } } },
    });
    return members.map((member) => member.user.email!);
  }

  async byIds(ids: readonly string[]): Promise<TenantView[]> {
    const tenants = await this.prisma.tenant.findMany({
      where: { id: { in: validUuids(ids) } },
      include: { wallets: { where: { kind: 'TENANT' } } },
    });
    return tenants.map(toTenantView);
  }
}

function toTenantView(tenant: Tenant & { wallets: Wallet[] }): TenantView {
  const wallet = tenant.wallets.find((w) => w.kind === 'TENANT');
  if (wallet === undefined) throw new Error(`tenant ${tenant.id} has no wallet`);
  return { id: tenant.id, name: tenant.name, currency: tenant.currency, walletId: wallet.id };
}
