import { DynamicModule, Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@tally/queue';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName, TransportModule } from '@tally/transport';
import { BILLING_CONFIG, BillingConfig } from './billing.config';
import { CreatePriceBookVersion } from './price-book/create-price-book-version';
import { CurrentPriceBook } from './price-book/current-price-book';
import { PriceBookHistory } from './price-book/price-book-history';
import { PriceBookController } from './price-book/price-book.controller';
import { PriceBookRepository } from './price-book/price-book.repository';
import { ProcessStripeEvent } from './recharges/process-stripe-event';
import { ReceiveStripeEvent } from './recharges/receive-stripe-event';
import { RechargeById } from './recharges/recharge-by-id';
import { RechargeRepository } from './recharges/recharge.repository';
import { RechargesController } from './recharges/recharges.controller';
import { StartRecharge } from './recharges/start-recharge';
import { stripeClientProvider } from './recharges/stripe-client';
import { StripeEventsProcessor } from './recharges/stripe-events.processor';

@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        ...serviceFoundation(ServiceName.Billing, config),
        QueueModule.forRoot(config.REDIS_URL, [QueueName.StripeEvents]),
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
      ],
      controllers: [
        serviceHealthController(ServiceName.Billing),
        PriceBookController,
        RechargesController,
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
        ReceiveStripeEvent,
        ProcessStripeEvent,
        StripeEventsProcessor,
      ],
    };
  }
}
