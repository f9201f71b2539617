import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import type { PaymentEventHandler } from './stripe-event-handler';
import { sessionOf, type SessionFields } from './stripe-session';

/**
 * `checkout.session.completed`: the payer finished Checkout. A card payment is paid by then;
 * a delayed method (a bank debit) is not yet, and `async_payment_succeeded` or `_failed`
 * follows.
 */
@Injectable()
export class CheckoutSessionCompletedHandler implements PaymentEventHandler {
  readonly kind = 'payment';

  paidSession(payload: Prisma.JsonValue): SessionFields | null {
    const session = sessionOf(payload);
    return session.paymentStatus === 'paid' ? session : null;
  }
}
