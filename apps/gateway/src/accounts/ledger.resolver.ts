import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { toWireMicros } from '@tally/money';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { AccountLoadersFactory } from './account-loaders';
import { LedgerEntry, LedgerTransaction } from './account.models';
import { toTransaction } from './account.views';
import { AdjustBalanceInput, TransferInput } from './dto/account.inputs';

@Resolver(() => LedgerEntry)
export class LedgerResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
  ) {}

  @Mutation(() => LedgerTransaction, {
    description:
      'Moves money between two wallets of the same tenant. Replays with the same idempotencyKey return the first result.',
    complexity: serviceCall(),
  })
  async transfer(
    @Args('input') input: TransferInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LedgerTransaction> {
    const view = await this.rpc.send('account.ledger.transfer', {
      principal,
      input: {
        fromWalletId: input.fromWalletId,
        toWalletId: input.toWalletId,
        amountMicros: toWireMicros(input.amount),
        idempotencyKey: input.idempotencyKey,
      },
    });
    return toTransaction(view);
  }

  @Mutation(() => LedgerTransaction, {
    description: 'Finance or platform admin only; reason is kept in the audit trail.',
    complexity: serviceCall(),
  })
  async adjustBalance(
    @Args('input') input: AdjustBalanceInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LedgerTransaction> {
    const view = await this.rpc.send('account.ledger.adjust', {
      principal,
      input: {
        walletId: input.walletId,
        amountMicros: toWireMicros(input.amount),
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      },
    });
    return toTransaction(view);
  }

  @ResolveField(() => LedgerTransaction, { complexity: serviceCall() })
  async transaction(
    @Parent() entry: LedgerEntry,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<LedgerTransaction> {
    const view = await this.loaders.for(req, principal).transactions.load(entry.transactionId);
    return toTransaction(view!);
  }
}
