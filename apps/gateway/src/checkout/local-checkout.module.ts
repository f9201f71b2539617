import { DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { STRIPE_WEBHOOK_PATH } from '../billing/stripe-webhook.controller';
import { LOCAL_CHECKOUT_WEBHOOK, LocalCheckoutController } from './local-checkout.controller';

/** The local checkout page; GatewayModule imports it outside production only. */
@Module({})
export class LocalCheckoutModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: LocalCheckoutModule,
      controllers: [LocalCheckoutController],
      providers: [
        {
          provide: LOCAL_CHECKOUT_WEBHOOK,
          useValue: {
            // The gateway itself, on loopback: the event takes the way Stripe's would.
            url: `http://127.0.0.1:${config.TALLY_GATEWAY_PORT}${STRIPE_WEBHOOK_PATH}`,
            secret: config.STRIPE_WEBHOOK_SECRET,
          },
        },
      ],
    };
  }
}
