import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName } from '@tally/transport';
import { BillingConfig } from './billing.config';
import { CreatePriceBookVersion } from './price-book/create-price-book-version';
import { CurrentPriceBook } from './price-book/current-price-book';
import { PriceBookHistory } from './price-book/price-book-history';
import { PriceBookController } from './price-book/price-book.controller';
import { PriceBookRepository } from './price-book/price-book.repository';

@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [...serviceFoundation(ServiceName.Billing, config)],
      controllers: [serviceHealthController(ServiceName.Billing), PriceBookController],
      providers: [PriceBookRepository, CurrentPriceBook, PriceBookHistory, CreatePriceBookVersion],
    };
  }
}
