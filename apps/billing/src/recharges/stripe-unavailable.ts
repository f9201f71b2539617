import type { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import Stripe from 'stripe';

/**
 * Runs one Stripe call; when Stripe cannot be reached (refused, reset, timed out — the SDK has
 * already retried) the caller gets STRIPE_UNAVAILABLE, marked retryable, instead of INTERNAL.
 * Nothing is wrong with the request and nothing was created at Stripe, so the same request
 * (same idempotency key) can simply be sent again. Stripe's own refusals pass through as they are.
 */
export async function callStripe<T>(logger: Logger, what: string, call: () => Promise<T>) {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeConnectionError)) throw error;
    // A warning, not an error with a stack: an outage of Stripe is not a bug of ours.
    logger.warn({ reason: error.message }, `Stripe could not be reached to ${what}`);
    throw stripeUnavailable();
  }
}

export function stripeUnavailable(): DomainError {
  return new DomainError(
    ErrorCode.STRIPE_UNAVAILABLE,
    'Stripe cannot be reached right now; send the same request again in a moment',
    { retryable: true },
  );
}
