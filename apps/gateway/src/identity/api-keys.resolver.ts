import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type Principal, RpcClient } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { ApiKey, ApiKeyWithSecret } from './identity.models';
import { toApiKey } from './identity.views';

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ApiKeyWithSecret, { complexity: serviceCall() })
  async createApiKey(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('name') name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeyWithSecret> {
    const created = await this.rpc.send('account.apiKeys.create', {
      principal,
      input: { tenantId, name },
    });
    return { apiKey: toApiKey(created.apiKey), secret: created.secret };
  }

  @Mutation(() => ApiKey, {
    description: 'Takes effect on the next request; revoking twice is fine.',
    complexity: serviceCall(),
  })
  async revokeApiKey(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKey> {
    return toApiKey(await this.rpc.send('account.apiKeys.revoke', { principal, input: { id } }));
  }
}
