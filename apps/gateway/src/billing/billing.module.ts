import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import type { GatewayConfig } from '../gateway.config';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { InvoicePdfController } from './invoice-pdf.controller';
import { InvoiceResolver } from './invoice.resolver';
import { PriceBookResolver } from './price-book.resolver';
import { RechargeResolver } from './recharge.resolver';
import { STRIPE_WEBHOOK_SECRET, StripeWebhookController } from './stripe-webhook.controller';
import { WebhookResolver } from './webhook.resolver';

/** Prices, recharges, Stripe's webhooks, invoices and outbound webhooks, answered by billing. */
@Module({})
export class BillingGraphqlModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: BillingGraphqlModule,
      imports: [AccountsModule, RequestReadsModule],
      controllers: [StripeWebhookController, InvoicePdfController],
      providers: [
        PriceBookResolver,
        RechargeResolver,
        InvoiceResolver,
        WebhookResolver,
        { provide: STRIPE_WEBHOOK_SECRET, useValue: config.STRIPE_WEBHOOK_SECRET },
      ],
    };
  }
}
