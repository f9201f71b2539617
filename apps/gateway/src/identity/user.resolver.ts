import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { Membership, User } from './identity.models';
import { toMembership, toUser } from './identity.views';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly reads: RequestReadsFactory) {}

  @Query(() => User, {
    description: 'The signed-in person (JWT callers only).',
    complexity: serviceCall(),
  })
  async me(@CurrentPrincipal() principal: Principal, @CurrentRequest() req: object): Promise<User> {
    return toUser(await this.reads.for(req, principal).send('account.me', {}));
  }

  @ResolveField(() => [Membership], { complexity: serviceCall() })
  async memberships(
    @Parent() user: User,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Membership[]> {
    const rows = await this.reads
      .for(req, principal)
      .send('account.members.byUser', { userId: user.id });
    return rows.map(toMembership);
  }
}
