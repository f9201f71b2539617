import { Controller, Get, HttpCode, Inject, Logger, Param, Post, Res } from '@nestjs/common';
import { RpcClient, type LocalCheckoutView, type RechargeView } from '@tally/transport';
import type { Response } from 'express';
import { checkoutEvent, stripeSignature, type CheckoutOutcome } from './checkout-events';
import { checkoutPage, notFoundPage, resultPage } from './checkout-page';

export const LOCAL_CHECKOUT_WEBHOOK = Symbol('LOCAL_CHECKOUT_WEBHOOK');

/** Where the page posts its events: the gateway's own Stripe webhook, and its secret. */
export interface LocalCheckoutWebhook {
  readonly url: string;
  readonly secret: string;
}

/** How long Pay and Decline wait for billing to apply their event before answering anyway. */
const SETTLE_TIMEOUT_MS = 10_000;
const SETTLE_POLL_MS = 100;

/**
 * Development's stand-in for Stripe Checkout (GatewayModule loads it outside production only;
 * billing answers sessions only while TALLY_LOCAL_CHECKOUT is on). The session id in the path
 * is the capability, as a Stripe Checkout URL is: no sign-in. Pay and Decline post the event
 * Stripe would send, signed with the webhook secret, to /webhooks/stripe over HTTP, so the
 * recharge is credited by production's path: signature check, stored event, ledger key.
 */
@Controller('/checkout')
export class LocalCheckoutController {
  private readonly logger = new Logger(LocalCheckoutController.name);

  constructor(
    private readonly rpc: RpcClient,
    @Inject(LOCAL_CHECKOUT_WEBHOOK) private readonly webhook: LocalCheckoutWebhook,
  ) {}

  @Get(':sessionId')
  async show(@Param('sessionId') sessionId: string, @Res() res: Response): Promise<void> {
    const checkout = await this.checkoutOf(sessionId);
    if (checkout === null) return html(res, 404, notFoundPage());
    html(res, 200, checkoutPage(sessionId, checkout.recharge));
  }

  @Post(':sessionId/pay')
  @HttpCode(200)
  async pay(@Param('sessionId') sessionId: string, @Res() res: Response): Promise<void> {
    const checkout = await this.checkoutOf(sessionId);
    if (checkout === null) return html(res, 404, notFoundPage());
    const { recharge } = checkout;
    if (recharge.status === 'SUCCEEDED' || recharge.status === 'REFUNDED') {
      return html(
        res,
        200,
        resultPage(
          'Already paid',
          'This recharge was paid before: nothing was charged again.',
          recharge,
        ),
      );
    }
    if (recharge.status !== 'PENDING') {
      return html(
        res,
        409,
        resultPage(
          'Checkout closed',
          `This recharge is ${recharge.status}: it cannot be paid.`,
          recharge,
        ),
      );
    }
    const settled = await this.send('checkout.session.completed', sessionId, checkout);
    html(
      res,
      200,
      settled.status === 'SUCCEEDED'
        ? resultPage('Paid', 'Paid: the wallet is credited.', settled)
        : resultPage(
            'Payment sent',
            'The payment was sent; the wallet is credited in a moment.',
            settled,
          ),
    );
  }

  @Post(':sessionId/decline')
  @HttpCode(200)
  async decline(@Param('sessionId') sessionId: string, @Res() res: Response): Promise<void> {
    const checkout = await this.checkoutOf(sessionId);
    if (checkout === null) return html(res, 404, notFoundPage());
    if (checkout.recharge.status !== 'PENDING') {
      return html(
        res,
        409,
        resultPage(
          'Checkout closed',
          `This recharge is ${checkout.recharge.status}: nothing to decline.`,
          checkout.recharge,
        ),
      );
    }
    const settled = await this.send('checkout.session.expired', sessionId, checkout);
    html(res, 200, resultPage('Declined', 'Declined: nothing was paid.', settled));
  }

  private checkoutOf(sessionId: string): Promise<LocalCheckoutView | null> {
    return this.rpc.send('billing.recharges.byLocalSession', { sessionId });
  }

  /** Posts the event to the webhook, then waits (a while) for billing to apply it. */
  private async send(
    type: CheckoutOutcome,
    sessionId: string,
    checkout: LocalCheckoutView,
  ): Promise<RechargeView> {
    const payload = checkoutEvent(type, sessionId, checkout);
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripeSignature(payload, this.webhook.secret),
      },
      body: payload,
    });
    if (!response.ok) {
      throw new Error(
        `the Stripe webhook refused the local ${type}: ${response.status} ${await response.text()}`,
      );
    }
    this.logger.log({ sessionId, type }, 'local checkout event delivered to the Stripe webhook');
    return this.settledRecharge(sessionId, checkout.recharge);
  }

  private async settledRecharge(sessionId: string, pending: RechargeView): Promise<RechargeView> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let recharge = pending;
    while (recharge.status === 'PENDING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      recharge = (await this.checkoutOf(sessionId))?.recharge ?? recharge;
    }
    return recharge;
  }
}

function html(res: Response, status: number, body: string): void {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .setHeader('cache-control', 'no-store')
    // Nothing but the page itself: no scripts, no external assets, forms back to the gateway.
    .setHeader(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    )
    .send(body);
}
