import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { toWireMicros } from '@tally/money';
import { RpcData, type AlertView, type RpcRequest, type RpcResponse } from '@tally/transport';
import type { StoredAlert } from './alert.repository';
import { CreateAlert } from './create-alert';
import { WalletAlerts } from './wallet-alerts';

@Controller()
export class AlertsController {
  constructor(
    private readonly createAlert: CreateAlert,
    private readonly walletAlerts: WalletAlerts,
  ) {}

  @MessagePattern('metering.alerts.create')
  async create(
    @RpcData() request: RpcRequest<'metering.alerts.create'>,
  ): Promise<RpcResponse<'metering.alerts.create'>> {
    return toAlertView(await this.createAlert.execute(request));
  }

  @MessagePattern('metering.alerts.byWallet')
  async byWallet(
    @RpcData() { principal, input }: RpcRequest<'metering.alerts.byWallet'>,
  ): Promise<RpcResponse<'metering.alerts.byWallet'>> {
    return (await this.walletAlerts.ofWallet(principal, input.walletId)).map(toAlertView);
  }

  @MessagePattern('metering.alerts.delete')
  async delete(
    @RpcData() { principal, input }: RpcRequest<'metering.alerts.delete'>,
  ): Promise<RpcResponse<'metering.alerts.delete'>> {
    return toAlertView(await this.walletAlerts.delete(principal, input.id));
  }
}

function toAlertView(alert: StoredAlert): AlertView {
  return {
    id: alert.id,
    tenantId: alert.tenantId,
    walletId: alert.walletId,
    subAccountId: alert.subAccountId,
    kind: alert.kind,
    amountMicros: alert.amountMicros === null ? null : toWireMicros(alert.amountMicros),
    percent: alert.percent,
    hours: alert.hours,
    state: alert.state,
    lastTransitionAt: alert.lastTransitionAt?.toISOString() ?? null,
    createdAt: alert.createdAt.toISOString(),
  };
}
