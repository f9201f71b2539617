import { Inject, Injectable, Logger } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Recharge } from '@prisma/client';
import {
  principalName,
  rechargeReturnPath,
  RpcClient,
  type Authenticated,
  type RechargeView,
  type StartRechargeInput,
} from '@tally/transport';
import Stripe from 'stripe';
import { BILLING_CONFIG, type BillingConfig } from '../billing.config';
import { bonusFor, bonusRules } from './bonus-rules';
import { LocalCheckout } from './local-checkout';
import { rechargeLimits, rechargeMicros } from './recharge-amount';
import { RechargeRepository, toRechargeView } from './recharge.repository';
import { toStripeAmount } from './stripe-amount';
import { callStripe } from './stripe-unavailable';

/**
 * Starts a top-up: records the recharge (once per tenant and idempotency key) and opens a
 * Stripe Checkout Session for it (in development, a session of the local checkout page: see
 * LocalCheckout). The wallet is credited later, by the webhook.
 *
 * Who may recharge: anyone who can see the wallet (account decides, with the caller's own
 * principal, so another tenant's wallet is NOT_FOUND). Paying money in is harmless to the
 * tenant, so members are not kept out.
 */
@Injectable()
export class StartRecharge {
  private readonly logger = new Logger(StartRecharge.name);

  constructor(
    private readonly recharges: RechargeRepository,
    private readonly rpc: RpcClient,
    private readonly stripe: Stripe,
    private readonly localCheckout: LocalCheckout,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async execute({ principal, input }: Authenticated<StartRechargeInput>): Promise<RechargeView> {
    // The wallet first: one the caller may not see is NOT_FOUND whatever else they sent.
    const [wallet] = await this.rpc.send('account.wallets.byIds', {
      principal,
      input: { ids: [input.walletId] },
    });
    if (wallet === undefined) throw notFound('Wallet', input.walletId);
    const limits = rechargeLimits(this.config.TALLY_RECHARGE_MIN, this.config.TALLY_RECHARGE_MAX);
    const amountMicros = rechargeMicros(input.amountMicros, limits);
    const idempotencyKey = input.idempotencyKey.trim();
    if (idempotencyKey.length === 0 || idempotencyKey.length > 200) {
      throw badInput('idempotencyKey must be 1 to 200 characters', {
        reason: 'BAD_IDEMPOTENCY_KEY',
      });
    }
    // In the wallet's currency's smallest unit: cents, whole yen, thousandths of a dinar.
    const stripeAmount = toStripeAmount(amountMicros, wallet.currency);

    // The first-recharge part is a promise until the payment succeeds: the tenant's first
    // recharge to succeed claims it (see ProcessStripeEvents).
    const bonus = bonusFor(
      amountMicros,
      bonusRules(this.config),
      !(await this.recharges.firstBonusClaimed(wallet.tenantId)),
    );
    const { recharge } = await this.recharges.createOnce({
      tenantId: wallet.tenantId,
      walletId: wallet.id,
      amountMicros,
      ...bonus,
      currency: wallet.currency,
      idempotencyKey,
      createdBy: principalName(principal),
    });
    if (recharge.stripeSessionId !== null) return toRechargeView(recharge);

    const session = this.localCheckout.enabled
      ? this.localCheckout.open()
      : await this.openStripeSession(recharge, stripeAmount);
    return toRechargeView(await this.recharges.attachSession(recharge.id, session.id, session.url));
  }

  private async openStripeSession(
    recharge: Recharge,
    stripeAmount: number,
  ): Promise<{ id: string; url: string | null }> {
    // A replay whose first attempt died before storing the session lands here too; Stripe's
    // idempotency key makes it answer the session it already created.
    // Unreachable Stripe: the recharge stays PENDING without a session, and a retry with the
    // same idempotency key comes back here to open it.
    const session = await callStripe(this.logger, 'open a Checkout Session', () =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: recharge.currency.toLowerCase(),
                unit_amount: stripeAmount,
                product_data: { name: 'Tally wallet recharge' },
              },
            },
          ],
          client_reference_id: recharge.id,
          metadata: {
            rechargeId: recharge.id,
            walletId: recharge.walletId,
            tenantId: recharge.tenantId,
          },
          success_url: `${this.config.TALLY_PUBLIC_URL}${rechargeReturnPath(recharge.id)}`,
          cancel_url: `${this.config.TALLY_PUBLIC_URL}${rechargeReturnPath(recharge.id)}`,
        },
        { idempotencyKey: `recharge:${recharge.id}` },
      ),
    );
    return { id: session.id, url: session.url };
  }
}
