import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PriceBookResolver } from './price-book.resolver';
import { RechargeResolver } from './recharge.resolver';
import { STRIPE_WEBHOOK_SECRET, StripeWebhookController } from './stripe-webhook.controller';

/** Prices, recharges and Stripe's webhooks (and, later, invoices), answered by billing. */
@Module({})
export class BillingGraphqlModule {
  static forRoot(config: { readonly STRIPE_WEBHOOK_SECRET: string }): DynamicModule {
    return {
      module: BillingGraphqlModule,
      imports: [AccountsModule],
      controllers: [StripeWebhookController],
      providers: [
        PriceBookResolver,
        RechargeResolver,
        { provide: STRIPE_WEBHOOK_SECRET, useValue: config.STRIPE_WEBHOOK_SECRET },
      ],
    };
  }
}
