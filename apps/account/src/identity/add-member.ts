import { Inject, Injectable } from '@nestjs/common';
import { conflict, notFound } from '@tally/errors';
import type { Authenticated, MembershipView, Principal, RpcRequest } from '@tally/transport';
import { MembershipRepository, type IMembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import { emailFrom, externalIdFrom, memberRoleFrom } from './identity-input';
import { assertMayGrant, type Granter } from './member-grants';
import { UserRepository, type IUserRepository } from './user.repository';

type AddMemberInput = RpcRequest<'account.members.add'>['input'];

/** Gives a person (known or not yet) a role in a tenant. */
@Injectable()
export class AddMember {
  constructor(
    private readonly access: TenantAccess,
    @Inject(MembershipRepository) private readonly memberships: IMembershipRepository,
    @Inject(UserRepository) private readonly users: IUserRepository,
  ) {}

  async execute({ principal, input }: Authenticated<AddMemberInput>): Promise<MembershipView> {
    await this.access.assert(principal, input.tenantId, 'manage');
    const role = memberRoleFrom(input.role);
    assertMayGrant(await this.granterOf(principal, input.tenantId), role);
    const externalId = externalIdFrom(input.externalId);
    const email = emailFrom(input.email);

    // The e-mail given here only fills in a new user: one tenant's admin must not be able to
    // change the address of a person who also belongs to other tenants.
    const user = await this.users.findOrCreate(externalId, email);
    const outcome = await this.memberships.add(input.tenantId, user.id, role);
    switch (outcome) {
      case 'added':
        return { tenantId: input.tenantId, userId: user.id, role };
      case 'already_member':
        throw conflict(`${externalId} is already a member of this tenant`, {
          reason: 'ALREADY_MEMBER',
        });
      case 'unknown_tenant':
        throw notFound('Tenant', input.tenantId);
    }
  }

  private async granterOf(principal: Principal, tenantId: string): Promise<Granter> {
    switch (principal.kind) {
      case 'service':
      case 'admin_key':
        return 'PLATFORM';
      // An API key acts as an ADMIN of its tenant.
      case 'api_key':
        return 'ADMIN';
      case 'user':
        if (principal.platformRole === 'PLATFORM_ADMIN') return 'PLATFORM';
        return (await this.memberships.roleOf(principal.userId, tenantId)) ?? 'MEMBER';
    }
  }
}
