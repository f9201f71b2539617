import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { MoneyScalar, toWireMicros } from '@tally/money';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { CreditGrant } from './account.models';
import { toCreditGrant } from './account.views';

@Resolver(() => CreditGrant)
export class CreditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => CreditGrant, {
    description:
      'Finance or platform admin only. Promotional credit into a wallet from system:promotional_credit, spent before paid money; what is left at expiresAt leaves the wallet. Replays with the same idempotencyKey (or, without one, the same grant) return the first grant.',
    complexity: serviceCall(),
  })
  async grantCredit(
    @Args('walletId', { type: () => ID }) walletId: string,
    @Args('amount', { type: () => MoneyScalar }) amount: bigint,
    @Args('expiresAt', { type: () => Date }) expiresAt: Date,
    @Args('reason') reason: string,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreditGrant> {
    const view = await this.rpc.send('account.credits.grant', {
      principal,
      input: {
        walletId,
        amountMicros: toWireMicros(amount),
        expiresAt: expiresAt.toISOString(),
        reason,
        ...(idempotencyKey === null ? {} : { idempotencyKey }),
      },
    });
    return toCreditGrant(view);
  }
}
