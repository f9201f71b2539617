import { Module } from '@nestjs/common';
import { PriceBookResolver } from './price-book.resolver';

/** Prices (and, later, recharges and invoices), answered by the billing service. */
@Module({ providers: [PriceBookResolver] })
export class BillingGraphqlModule {}
