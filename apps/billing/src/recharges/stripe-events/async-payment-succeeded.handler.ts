import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { PaymentEventHandler } from './stripe-event-handler';
import { sessionOf, type SessionFields } from './stripe-session';

/** `checkout.session.async_payment_succeeded`: a delayed payment arrived. */
@Injectable()
export class AsyncPaymentSucceededHandler implements PaymentEventHandler {
  readonly kind = 'payment';

  paidSession(payload: Prisma.JsonValue): SessionFields {
    return sessionOf(payload);
  }
}
