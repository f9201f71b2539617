import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Principal, RpcClient } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { AddMemberInput } from './dto/add-member.input';
import { Membership } from './identity.models';
import { toMembership } from './identity.views';

@Resolver(() => Membership)
export class MembersResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => Membership, {
    description: 'Owners and admins add people; only owners and platform admins grant OWNER.',
    complexity: serviceCall(),
  })
  async addMember(
    @Args('input') input: AddMemberInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Membership> {
    const membership = await this.rpc.send('account.members.add', {
      principal,
      input: {
        tenantId: input.tenantId,
        externalId: input.externalId,
        email: input.email ?? undefined,
        role: input.role,
      },
    });
    return toMembership(membership);
  }
}
