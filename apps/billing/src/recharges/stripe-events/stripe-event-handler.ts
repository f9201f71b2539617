import type { Prisma } from '@prisma/client';
import type { SessionFields } from './stripe-session';

/**
 * An event that pays for a Checkout Session. It only names the paid session: the batch
 * credits all its paid sessions together (CreditPaidSessions, one ledger message).
 */
export interface PaymentEventHandler {
  readonly kind: 'payment';
  /** The session the event pays for; null when it does not pay (yet). */
  paidSession(payload: Prisma.JsonValue): SessionFields | null;
}

/**
 * Any other event, applied on its own, after the batch's payments are credited (a refund in
 * the same batch as its payment then finds the payment recorded). Throws to be retried.
 */
export interface ApplyingEventHandler {
  readonly kind: 'apply';
  apply(payload: Prisma.JsonValue): Promise<void>;
}

export type StripeEventHandler = PaymentEventHandler | ApplyingEventHandler;
