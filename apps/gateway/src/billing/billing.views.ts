import type { PriceBookView } from '@tally/transport';
import { PriceBook, Resource } from './billing.models';

// From the billing service's wire views (money as micro-unit strings) to GraphQL objects.

export const toPriceBook = (view: PriceBookView): PriceBook => ({
  id: view.id,
  version: view.version,
  currency: view.currency,
  effectiveFrom: new Date(view.effectiveFrom),
  prices: view.prices.map((price) => ({
    resource: Resource[price.resource],
    unit: price.unit,
    pricePerUnitHour: BigInt(price.pricePerUnitHourMicros),
    scale: price.scale,
  })),
});
