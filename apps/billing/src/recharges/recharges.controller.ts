import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { badInput } from '@tally/errors';
import { assertMayPrice } from '../price-book/price-book-access';
import { LocalCheckout } from './local-checkout';
import { ReceiveStripeEvents } from './receive-stripe-events';
import { ReconcileCheckoutSessions } from './reconcile-checkout-sessions';
import { RechargeById } from './recharge-by-id';
import { StartRecharge } from './start-recharge';
import { TenantRecharges } from './tenant-recharges';

@Controller()
export class RechargesController {
  constructor(
    private readonly startRecharge: StartRecharge,
    private readonly rechargeById: RechargeById,
    private readonly receiveEvents: ReceiveStripeEvents,
    private readonly reconcileSessions: ReconcileCheckoutSessions,
    private readonly localCheckout: LocalCheckout,
    private readonly tenantRecharges: TenantRecharges,
  ) {}

  @MessagePattern('billing.recharges.start')
  start(@RpcData() request: RpcRequest<'billing.recharges.start'>) {
    return this.startRecharge.execute(request);
  }

  @MessagePattern('billing.recharges.byId')
  byId(@RpcData() request: RpcRequest<'billing.recharges.byId'>) {
    return this.rechargeById.execute(request);
  }

  @MessagePattern('billing.recharges.byTenant')
  byTenant(@RpcData() request: RpcRequest<'billing.recharges.byTenant'>) {
    return this.tenantRecharges.execute(request);
  }

  @MessagePattern('billing.recharges.byLocalSession')
  byLocalSession(@RpcData() { sessionId }: RpcRequest<'billing.recharges.byLocalSession'>) {
    return this.localCheckout.rechargeOf(sessionId);
  }

  @MessagePattern('billing.stripe.reconcile')
  reconcile(@RpcData() { principal, input }: RpcRequest<'billing.stripe.reconcile'>) {
    assertMayPrice(principal);
    if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 24 * 31) {
      throw badInput('hours must be between 1 and 744', { reason: 'BAD_HOURS' });
    }
    return this.reconcileSessions.execute(input.hours);
  }

  @MessagePattern('billing.stripe.receive')
  receive(@RpcData() request: RpcRequest<'billing.stripe.receive'>) {
    return this.receiveEvents.execute(request.events);
  }
}
