import type { PriceBookView, PriceView, Resource, WorkspacePlacementView } from '@tally/transport';
import { MINUTES_PER_HOUR } from '../usage/hour-sampler';
import type { HourlyUsage } from '../usage/usage.repository';
import { priceLine } from './pricing';
import type { FrozenCharge, UnpricedUsage } from './settlement.repository';

export interface HourlyCharges {
  readonly charges: FrozenCharge[];
  /** Namespaces with usage but no workspace (system namespaces, deleted workspaces). */
  readonly unattributed: string[];
  /** Namespaces whose wallet's currency has no book in force at the hour: not charged. */
  readonly unpriced: UnpricedUsage[];
}

/**
 * One charge per namespace that has a workspace: a line per resource it used, priced with the
 * book of its wallet's currency in force at the hour (`books`, by currency), never another
 * currency's. An hour with fewer minute samples than minutes is charged on what was observed
 * — never scaled up — and flagged for reconciliation, as is a namespace in `gapped` (minutes
 * a reading had no data for and nothing proves: under max(request, usage) a usage gap is
 * flagged even though the request series has every minute).
 */
export function hourlyCharges(
  usage: readonly HourlyUsage[],
  placements: ReadonlyMap<string, WorkspacePlacementView>,
  books: ReadonlyMap<string, PriceBookView>,
  gapped: ReadonlySet<string> = new Set(),
): HourlyCharges {
  const byNamespace = new Map<string, HourlyUsage[]>();
  for (const row of usage) {
    const rows = byNamespace.get(row.namespace);
    if (rows === undefined) byNamespace.set(row.namespace, [row]);
    else rows.push(row);
  }
  const priceTables = new Map(
    [...books].map(([currency, book]) => [currency, pricesByResource(book)] as const),
  );
  const charges: FrozenCharge[] = [];
  const unattributed: string[] = [];
  const unpriced: UnpricedUsage[] = [];
  for (const [namespace, rows] of byNamespace) {
    const placement = placements.get(namespace);
    if (placement === undefined) {
      unattributed.push(namespace);
      continue;
    }
    const { walletId, currency } = placement;
    const prices = priceTables.get(currency);
    if (prices === undefined) {
      unpriced.push({ namespace, walletId, currency });
      continue;
    }
    const lines = rows.flatMap((row) => {
      const price = prices.get(row.resource);
      return price === undefined ? [] : [priceLine(row.resource, row.quantity, price)];
    });
    charges.push({
      namespace,
      walletId,
      currency,
      lines,
      totalMicros: lines.reduce((sum, line) => sum + line.amountMicros, 0n),
      shortHour: gapped.has(namespace) || rows.some((row) => row.sampleCount < MINUTES_PER_HOUR),
    });
  }
  return { charges, unattributed, unpriced };
}

export function pricesByResource(book: PriceBookView): Map<Resource, PriceView> {
  return new Map(book.prices.map((price) => [price.resource, price]));
}
