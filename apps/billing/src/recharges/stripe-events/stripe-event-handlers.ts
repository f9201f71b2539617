import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AsyncPaymentFailedHandler } from './async-payment-failed.handler';
import { AsyncPaymentSucceededHandler } from './async-payment-succeeded.handler';
import { ChargeRefundedHandler } from './charge-refunded.handler';
import { CheckoutSessionCompletedHandler } from './checkout-session-completed.handler';
import { CheckoutSessionExpiredHandler } from './checkout-session-expired.handler';
import type { StripeEventHandler } from './stripe-event-handler';

/** The handler of each Stripe event type billing acts on; every other type is ignored. */
export const STRIPE_EVENT_MAPPING: ReadonlyMap<string, Type<StripeEventHandler>> = new Map<
  string,
  Type<StripeEventHandler>
>([
  ['checkout.session.completed', CheckoutSessionCompletedHandler],
  ['checkout.session.async_payment_succeeded', AsyncPaymentSucceededHandler],
  ['checkout.session.async_payment_failed', AsyncPaymentFailedHandler],
  ['checkout.session.expired', CheckoutSessionExpiredHandler],
  ['charge.refunded', ChargeRefundedHandler],
]);

/** STRIPE_EVENT_MAPPING's handlers, as the module built them. */
@Injectable()
export class StripeEventHandlers {
  constructor(private readonly moduleRef: ModuleRef) {}

  for(type: string): StripeEventHandler | undefined {
    const handler = STRIPE_EVENT_MAPPING.get(type);
    return handler === undefined ? undefined : this.moduleRef.get(handler);
  }
}
