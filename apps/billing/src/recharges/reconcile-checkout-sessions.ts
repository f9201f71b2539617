import { Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import Stripe from 'stripe';
import { CreditPaidSessions } from './credit-paid-sessions';
import { LocalCheckout } from './local-checkout';
import { RechargeRepository } from './recharge.repository';
import { sessionFields, type SessionFields } from './stripe-events/stripe-session';

export interface ReconcileOutcome {
  readonly sessionsSeen: number;
  /** Paid sessions whose recharge had not been credited: credited now. */
  readonly credited: number;
}

/**
 * The safety net under the webhook: lists the Checkout Sessions Stripe created over the last
 * `hours` and credits every paid one whose recharge is not SUCCEEDED yet (its webhook never
 * came, or is still retrying), through the webhook's own path and ledger key
 * (`stripe:<session>`), so a late webhook and this job never credit twice.
 */
@Injectable()
export class ReconcileCheckoutSessions {
  private readonly logger = new Logger(ReconcileCheckoutSessions.name);

  constructor(
    private readonly stripe: Stripe,
    private readonly recharges: RechargeRepository,
    private readonly creditPaidSessions: CreditPaidSessions,
    private readonly localCheckout: LocalCheckout,
  ) {}

  async execute(hours: number): Promise<ReconcileOutcome> {
    // Recharges are paid on the local checkout page, whose only path is the webhook: there is
    // no Stripe to list sessions from (its key is the development one).
    if (this.localCheckout.enabled) return { sessionsSeen: 0, credited: 0 };
    const since = Math.floor(Date.now() / 1000) - hours * 3600;
    let sessionsSeen = 0;
    const unpaid: SessionFields[] = [];
    for await (const session of this.stripe.checkout.sessions.list({
      created: { gte: since },
      limit: 100,
    })) {
      sessionsSeen++;
      if (session.payment_status !== 'paid') continue;
      const fields = sessionFields(session as unknown as Prisma.JsonValue);
      if (fields.rechargeId === null) continue;
      const recharge = await this.recharges.byId(fields.rechargeId);
      if (recharge === null || recharge.status === 'SUCCEEDED' || recharge.status === 'REFUNDED') {
        continue;
      }
      unpaid.push(fields);
    }
    const failures = await this.creditPaidSessions.execute(unpaid);
    for (const [sessionId, error] of failures) {
      this.logger.error({ sessionId, err: error }, 'a paid session could not be credited');
    }
    const credited = unpaid.length - failures.size;
    if (credited > 0) this.logger.warn({ credited }, 'paid sessions credited without a webhook');
    return { sessionsSeen, credited };
  }
}
