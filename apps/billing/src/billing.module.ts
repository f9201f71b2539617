import { DynamicModule, Module } from '@nestjs/common';
import { PrismaService } from '@tally/prisma';
import { QueueModule, QueueName, SequenceGate } from '@tally/queue';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName, TransportModule } from '@tally/transport';
import { TenantAccessClient } from './access/tenant-access.client';
import { billingOutboxRelay } from './billing-outbox';
import { BILLING_CONFIG, BillingConfig } from './billing.config';
import { InvoiceReads } from './invoices/invoice-reads';
import { InvoiceRepository } from './invoices/invoice.repository';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicingProcessor } from './invoices/invoicing.processor';
import { IssueMonthlyInvoice } from './invoices/issue-monthly-invoice';
import { MonthFigures } from './invoices/month-figures';
import { RunMonthEnd } from './invoices/run-month-end';
import { ReissueInvoice } from './invoices/reissue-invoice';
import { VoidInvoice } from './invoices/void-invoice';
import { CreatePriceBookVersion } from './price-book/create-price-book-version';
import { CurrentPriceBook } from './price-book/current-price-book';
import { PriceBookHistory } from './price-book/price-book-history';
import { PriceBookController } from './price-book/price-book.controller';
import { PriceBookRepository } from './price-book/price-book.repository';
import { CreditPaidSessions } from './recharges/credit-paid-sessions';
import { ProcessStripeEvents } from './recharges/process-stripe-events';
import { ReceiveStripeEvents } from './recharges/receive-stripe-events';
import { LocalCheckout } from './recharges/local-checkout';
import { RechargeById } from './recharges/recharge-by-id';
import { RechargeLedger } from './recharges/recharge-ledger';
import { RechargeRepository } from './recharges/recharge.repository';
import { RechargesController } from './recharges/recharges.controller';
import { StartRecharge } from './recharges/start-recharge';
import { stripeClientProvider } from './recharges/stripe-client';
import { ReconcileCheckoutSessions } from './recharges/reconcile-checkout-sessions';
import {
  STRIPE_EVENT_MAPPING,
  StripeEventHandlers,
} from './recharges/stripe-events/stripe-event-handlers';
import { StripeEventsProcessor } from './recharges/stripe-events.processor';
import { StripeReconcileProcessor } from './recharges/stripe-reconcile.processor';
import { CreateWebhookEndpoint } from './webhooks/create-webhook-endpoint';
import { DeliverWebhook } from './webhooks/deliver-webhook';
import { FanOutEvent } from './webhooks/fan-out-event';
import { OutboundEventsProcessor } from './webhooks/outbound-events.processor';
import { WebhookDeliveriesWorker } from './webhooks/webhook-deliveries.worker';
import { WebhookEndpoints } from './webhooks/webhook-endpoints';
import { WebhookSettings } from './webhooks/webhook-settings';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        ...serviceFoundation(ServiceName.Billing, config),
        QueueModule.forRoot(config.REDIS_URL, [
          QueueName.StripeEvents,
          QueueName.StripeReconcile,
          QueueName.Invoicing,
          QueueName.OutboundEvents,
          QueueName.WebhookDeliveries,
          QueueName.AuditTrail,
        ]),
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          prefix: config.TALLY_TRANSPORT_PREFIX,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
      ],
      controllers: [
        serviceHealthController(ServiceName.Billing),
        PriceBookController,
        RechargesController,
        InvoicesController,
        WebhooksController,
      ],
      providers: [
        { provide: BILLING_CONFIG, useValue: config },
        stripeClientProvider(config),
        PriceBookRepository,
        CurrentPriceBook,
        PriceBookHistory,
        CreatePriceBookVersion,
        RechargeRepository,
        StartRecharge,
        RechargeById,
        LocalCheckout,
        ReceiveStripeEvents,
        RechargeLedger,
        CreditPaidSessions,
        ...STRIPE_EVENT_MAPPING.values(),
        StripeEventHandlers,
        ProcessStripeEvents,
        StripeEventsProcessor,
        ReconcileCheckoutSessions,
        StripeReconcileProcessor,
        TenantAccessClient,
        InvoiceRepository,
        MonthFigures,
        IssueMonthlyInvoice,
        RunMonthEnd,
        VoidInvoice,
        ReissueInvoice,
        InvoiceReads,
        InvoicingProcessor,
        { provide: WebhookSettings, useValue: new WebhookSettings(config) },
        WebhookRepository,
        CreateWebhookEndpoint,
        WebhookEndpoints,
        {
          provide: SequenceGate,
          useFactory: (prisma: PrismaService) => new SequenceGate(prisma, 'billing'),
          inject: [PrismaService],
        },
        FanOutEvent,
        OutboundEventsProcessor,
        DeliverWebhook,
        {
          provide: WebhookDeliveriesWorker,
          useFactory: (deliver: DeliverWebhook, settings: WebhookSettings) =>
            new WebhookDeliveriesWorker(deliver, settings, config.REDIS_URL),
          inject: [DeliverWebhook, WebhookSettings],
        },
        billingOutboxRelay,
      ],
    };
  }
}
