import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { RechargeRepository } from '../recharge.repository';
import { settleSession, type SessionRecharges } from './settle-session';
import type { ApplyingEventHandler } from './stripe-event-handler';
import { sessionOf } from './stripe-session';

/** `checkout.session.async_payment_failed`: a delayed payment did not arrive; FAILED. */
@Injectable()
export class AsyncPaymentFailedHandler implements ApplyingEventHandler {
  readonly kind = 'apply';

  constructor(@Inject(RechargeRepository) private readonly recharges: SessionRecharges) {}

  async apply(payload: Prisma.JsonValue): Promise<void> {
    await settleSession(this.recharges, sessionOf(payload), 'FAILED');
  }
}
