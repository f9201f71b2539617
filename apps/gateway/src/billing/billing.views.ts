import { parseWireMicros } from '@tally/money';
import type { PriceBookView, RechargesPage, RechargeView } from '@tally/transport';
import {
  PriceBook,
  Recharge,
  RechargeConnection,
  RechargeStatus,
  Resource,
} from './billing.models';

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
  refunded: parseWireMicros(view.refundedMicros),
  status: RechargeStatus[view.status],
  checkoutUrl: view.checkoutUrl,
  createdAt: new Date(view.createdAt),
});

export const toRechargeConnection = (page: RechargesPage): RechargeConnection => ({
  edges: page.recharges.map((view) => ({ cursor: view.id, node: toRecharge(view) })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});
