import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Principal, RpcClient } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Membership, User } from './identity.models';
import { toMembership, toUser } from './identity.views';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => User, { description: 'The signed-in person (JWT callers only).' })
  async me(@CurrentPrincipal() principal: Principal): Promise<User> {
    return toUser(await this.rpc.send('account.me', { principal, input: {} }));
  }

  @ResolveField(() => [Membership])
  async memberships(
    @Parent() user: User,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Membership[]> {
    const rows = await this.rpc.send('account.members.byUser', {
      principal,
      input: { userId: user.id },
    });
    return rows.map(toMembership);
  }
}
