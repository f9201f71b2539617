import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { Membership, User } from '../identity/identity.models';
import { toUser } from '../identity/identity.views';
import { serviceCall } from '../graphql/query-cost';
import { AccountLoadersFactory } from './account-loaders';
import { Tenant } from './account.models';
import { toTenant } from './account.views';

@Resolver(() => Membership)
export class MembershipResolver {
  constructor(private readonly loaders: AccountLoadersFactory) {}

  @ResolveField(() => Tenant, { complexity: serviceCall() })
  async tenant(
    @Parent() membership: Membership,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant> {
    return toTenant((await this.loaders.for(req, principal).tenants.load(membership.tenantId))!);
  }

  @ResolveField(() => User, {
    description: 'The member: whoever may see the membership may see who holds it.',
    complexity: serviceCall(),
  })
  async user(
    @Parent() membership: Membership,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<User> {
    return toUser((await this.loaders.for(req, principal).users.load(membership.userId))!);
  }
}
