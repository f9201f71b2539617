import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { parseWireMicros, toWireMicros } from '@tally/money';
import { RpcClient, type AlertView, type Principal } from '@tally/transport';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { Alert, AlertKind, AlertState, CreateAlertInput } from './alert.models';

/** Threshold alerts: metering keeps and evaluates them; account decides who may set them. */
@Resolver(() => Alert)
export class AlertResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => Alert, {
    description:
      'Owners, admins and finance. The wallet is evaluated at once: an alert whose condition already holds answers TRIGGERED.',
    complexity: serviceCall(),
  })
  async createAlert(
    @Args('input') input: CreateAlertInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Alert> {
    const view = await this.rpc.send('metering.alerts.create', {
      principal,
      input: {
        walletId: input.walletId,
        subAccountId: input.subAccountId ?? null,
        kind: input.kind,
        amountMicros: input.amount == null ? null : toWireMicros(input.amount),
        percent: input.percent ?? null,
        hours: input.hours ?? null,
      },
    });
    return toAlert(view);
  }

  @Query(() => [Alert], {
    description: "A wallet's alerts, oldest first (at most 20). Anyone who may read the wallet.",
    complexity: serviceCall(),
  })
  async alerts(
    @Args('walletId', { type: () => ID }) walletId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Alert[]> {
    const views = await this.rpc.send('metering.alerts.byWallet', {
      principal,
      input: { walletId },
    });
    return views.map(toAlert);
  }

  @Mutation(() => Alert, {
    description:
      'Owners, admins and finance. Answers the alert as it was; a TRIGGERED alert deleted sends no resolved notice.',
    complexity: serviceCall(),
  })
  async deleteAlert(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Alert> {
    return toAlert(await this.rpc.send('metering.alerts.delete', { principal, input: { id } }));
  }
}

function toAlert(view: AlertView): Alert {
  return {
    id: view.id,
    walletId: view.walletId,
    subAccountId: view.subAccountId,
    kind: view.kind as AlertKind,
    amount: view.amountMicros === null ? null : parseWireMicros(view.amountMicros),
    percent: view.percent,
    hours: view.hours,
    state: view.state as AlertState,
    lastTransitionAt: view.lastTransitionAt === null ? null : new Date(view.lastTransitionAt),
    createdAt: new Date(view.createdAt),
  };
}
