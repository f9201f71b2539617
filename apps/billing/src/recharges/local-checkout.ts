import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { LocalCheckoutView } from '@tally/transport';
import { BILLING_CONFIG, localCheckoutEnabled, type BillingConfig } from '../billing.config';
import { RechargeRepository, toRechargeView } from './recharge.repository';
import { toStripeAmount } from './stripe-amount';

/** Session ids of the local checkout page; Stripe's own start with `cs_live_` or `cs_test_`. */
const LOCAL_SESSION = /^cs_local_[0-9a-f]{48}$/;

export interface CheckoutSession {
  readonly id: string;
  readonly url: string;
}

/**
 * Development's stand-in for Stripe Checkout (TALLY_LOCAL_CHECKOUT): a session is an
 * unguessable id, and its page on the gateway reads the recharge by that id alone — the id is
 * the capability, as the URL of a Stripe Checkout Session is. The page pays by posting signed
 * Stripe events to the gateway's webhook, so crediting goes the production way.
 */
@Injectable()
export class LocalCheckout {
  readonly enabled: boolean;

  constructor(
    private readonly recharges: RechargeRepository,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {
    this.enabled = localCheckoutEnabled(config);
  }

  open(): CheckoutSession {
    const id = `cs_local_${randomBytes(24).toString('hex')}`;
    return { id, url: `${this.config.TALLY_PUBLIC_URL}/checkout/${id}` };
  }

  /** The recharge a local session pays; null for any other id, or when the page is off. */
  async rechargeOf(sessionId: string): Promise<LocalCheckoutView | null> {
    if (!this.enabled || !LOCAL_SESSION.test(sessionId)) return null;
    const recharge = await this.recharges.bySessionId(sessionId);
    if (recharge === null) return null;
    return {
      recharge: toRechargeView(recharge),
      amountTotal: toStripeAmount(recharge.amountMicros, recharge.currency),
    };
  }
}
