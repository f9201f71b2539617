import { Injectable } from '@nestjs/common';
import type { Membership } from '@prisma/client';
import { isForeignKeyViolation, PrismaService } from '@tally/prisma';
import type { MemberRole, MembershipView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

/** What `add` did: memberships are never overwritten, so an existing one is reported. */
export type AddMembershipOutcome = 'added' | 'already_member' | 'unknown_tenant';

/**
 * Memberships: who holds which role in which tenant.
 * Use cases depend on this interface (injected as the class) so that their specs can hand
 * them the in-memory fake of libs/testing, which is checked against it by the compiler.
 */
export interface IMembershipRepository {
  roleOf(userId: string, tenantId: string): Promise<MemberRole | null>;
  add(tenantId: string, userId: string, role: MemberRole): Promise<AddMembershipOutcome>;
  byTenants(tenantIds: readonly string[]): Promise<MembershipView[]>;
  byUser(userId: string): Promise<MembershipView[]>;
  byUsers(userIds: readonly string[]): Promise<MembershipView[]>;
}

@Injectable()
export class MembershipRepository implements IMembershipRepository {
  constructor(private readonly prisma: PrismaService) {}

  async roleOf(userId: string, tenantId: string): Promise<MemberRole | null> {
    // A tenant id that cannot be a UUID names no tenant (NOT_FOUND upstream, not a 500).
    if (validUuids([userId, tenantId]).length !== 2) return null;
    const membership = await this.prisma.membership.findUnique({
      where: { tenantId_userId: { tenantId, userId } },
      select: { role: true },
    });
    return membership?.role ?? null;
  }

  async add(tenantId: string, userId: string, role: MemberRole): Promise<AddMembershipOutcome> {
    if (validUuids([tenantId]).length !== 1) return 'unknown_tenant';
    try {
      // ON CONFLICT DO NOTHING: two concurrent adds of one person cannot both succeed.
      const { count } = await this.prisma.membership.createMany({
        data: [{ tenantId, userId, role }],
        skipDuplicates: true,
      });
      return count === 1 ? 'added' : 'already_member';
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        return 'unknown_tenant';
      }
      throw error;
    }
  }

  async byTenants(tenantIds: readonly string[]): Promise<MembershipView[]> {
    const rows = await this.prisma.membership.findMany({
      where: { tenantId: { in: validUuids(tenantIds) } },
      orderBy: [{ tenantId: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(toMembershipView);
  }

  async byUser(userId: string): Promise<MembershipView[]> {
    return this.byUsers([userId]);
  }

  async byUsers(userIds: readonly string[]): Promise<MembershipView[]> {
    const rows = await this.prisma.membership.findMany({
      where: { userId: { in: validUuids(userIds) } },
      orderBy: [{ userId: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(toMembershipView);
  }
}

function toMembershipView(row: Membership): MembershipView {
  return { tenantId: row.tenantId, userId: row.userId, role: row.role };
}
