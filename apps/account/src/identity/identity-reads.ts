import { Inject, Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@tally/errors';
import {
  isFinanceStaff,
  isService,
  type MembershipView,
  type Principal,
  type UserView,
} from '@tally/transport';
import { MembershipRepository, type IMembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import { UserRepository, type IUserRepository } from './user.repository';

/** Reads of people and memberships, each filtered to what the caller may see. */
@Injectable()
export class IdentityReads {
  constructor(
    @Inject(UserRepository) private readonly users: IUserRepository,
    @Inject(MembershipRepository) private readonly memberships: IMembershipRepository,
    private readonly access: TenantAccess,
  ) {}

  async me(principal: Principal): Promise<UserView> {
    if (principal.kind !== 'user') {
      throw forbidden(
        'Only signed-in people have a profile; keys act for a tenant or the platform',
        {
          reason: 'NOT_A_USER',
        },
      );
    }
    const user = await this.users.byId(principal.userId);
    if (user === null) throw notFound('User', principal.userId);
    return user;
  }

  async membersOfTenants(
    principal: Principal,
    tenantIds: readonly string[],
  ): Promise<MembershipView[]> {
    const rows = await this.memberships.byTenants(tenantIds);
    return this.access.readable(principal, rows, (m) => m.tenantId);
  }

  /** A person's memberships in the tenants the caller may read (all of them for oneself). */
  async membershipsOfUser(principal: Principal, userId: string): Promise<MembershipView[]> {
    const rows = await this.memberships.byUser(userId);
    return this.access.readable(principal, rows, (m) => m.tenantId);
  }

  /** Oneself, and people who belong to a tenant the caller may read. */
  async usersByIds(principal: Principal, ids: readonly string[]): Promise<UserView[]> {
    const users = await this.users.byIds(ids);
    if (seesEveryone(principal)) return users;
    const visible = new Set(
      (
        await this.access.readable(
          principal,
          await this.memberships.byUsers(ids),
          (m) => m.tenantId,
        )
      ).map((m) => m.userId),
    );
    if (principal.kind === 'user') visible.add(principal.userId);
    return users.filter((user) => visible.has(user.id));
  }
}

function seesEveryone(principal: Principal): boolean {
  return isFinanceStaff(principal) || isService(principal);
}
