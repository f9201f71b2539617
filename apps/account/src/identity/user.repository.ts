import { Injectable } from '@nestjs/common';
import type { User } from '@prisma/client';
import { PrismaService } from '@tally/prisma';
import type { UserView } from '@tally/transport';
import { validUuids } from '../wallets/wallet.repository';

/** People, by our id or the identity provider's.
 * Use cases depend on this interface (injected as the class) so that their specs can hand
 * them the in-memory fake of libs/testing, which is checked against it by the compiler.
 */
export interface IUserRepository {
  byExternalId(externalId: string): Promise<UserView | null>;
  findOrCreate(externalId: string, email: string | null): Promise<UserView>;
  setEmail(id: string, email: string): Promise<UserView>;
  byIds(ids: readonly string[]): Promise<UserView[]>;
  byId(id: string): Promise<UserView | null>;
}

@Injectable()
export class UserRepository implements IUserRepository {
  constructor(private readonly prisma: PrismaService) {}

  async byExternalId(externalId: string): Promise<UserView | null> {
    const user = await this.prisma.user.findUnique({ where: { externalId } });
    return user === null ? null : toUserView(user);
  }

  /**
   * The user with this external id, created on first sight. Concurrent first requests of one
   * person both succeed: the insert is ON CONFLICT DO NOTHING, then the row is read.
   */
  async findOrCreate(externalId: string, email: string | null): Promise<UserView> {
    const existing = await this.byExternalId(externalId);
    if (existing !== null) return existing;
    await this.prisma.user.createMany({ data: [{ externalId, email }], skipDuplicates: true });
    const created = await this.byExternalId(externalId);
    if (created === null) throw new Error(`user ${externalId} vanished after insert`);
    return created;
  }

  async setEmail(id: string, email: string): Promise<UserView> {
    return toUserView(await this.prisma.user.update({ where: { id }, data: { email } }));
  }

  async byIds(ids: readonly string[]): Promise<UserView[]> {
    const users = await this.prisma.user.findMany({ where: { id: { in: validUuids(ids) } } });
    return users.map(toUserView);
  }

  async byId(id: string): Promise<UserView | null> {
    const [user] = await this.byIds([id]);
    return user ?? null;
  }
}

function toUserView(user: User): UserView {
  return {
    id: user.id,
    externalId: user.externalId,
    email: user.email,
    platformRole: user.platformRole,
  };
}
