import { parseWireMicros } from '@tally/money';
import type { PriceBookView, RechargeView } from '@tally/transport';
import { PriceBook, Recharge, RechargeStatus, Resource } from './billing.models';

// From the billing service's wire views (money as micro-unit strings) to GraphQL objects.

export const toPriceBook = (view: PriceBookView): PriceBook => ({
  id: view.id,
  version: view.version,
  currency: view.currency,
  effectiveFrom: new Date(view.effectiveFrom),
  prices: view.prices.map((price) => ({
    resource: Resource[price.resource],
    unit: price.unit,
    pricePerUnitHour: parseWireMicros(price.pricePerUnitHourMicros),
    scale: price.scale,
  })),
});

export const toRecharge = (view: RechargeView): Recharge => ({
  id: view.id,
  walletId: view.walletId,
  amount: parseWireMicros(view.amountMicros),
  bonus: parseWireMicros(view.bonusMicros),
  status: RechargeStatus[view.status],
  checkoutUrl: view.checkoutUrl,
  createdAt: new Date(view.createdAt),
});
