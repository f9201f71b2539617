import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { toWireMicros } from '@tally/money';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { SpendingCapChange } from './account.models';
import { toSubAccount, toWorkspace } from './account.views';
import { SetSpendingCapInput } from './dto/account.inputs';

@Resolver(() => SpendingCapChange)
export class SpendingCapResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => SpendingCapChange, {
    description:
      "Owners, admins, finance: the monthly spending cap of one workspace or one sub-account (null removes it). Reaching it suspends that scope's namespaces only (SPENDING_CAP), whatever the wallet holds.",
    complexity: serviceCall(),
  })
  async setSpendingCap(
    @Args('input') input: SetSpendingCapInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SpendingCapChange> {
    const changed = await this.rpc.send('account.spendingCaps.set', {
      principal,
      input: {
        workspaceId: input.workspaceId ?? null,
        subAccountId: input.subAccountId ?? null,
        monthlyCapMicros: input.monthlyCap == null ? null : toWireMicros(input.monthlyCap),
      },
    });
    return {
      workspace: changed.workspace && toWorkspace(changed.workspace),
      subAccount: changed.subAccount && toSubAccount(changed.subAccount),
    };
  }
}
