import type { IsoTime, MicrosString } from './account.contract';
import type { Authenticated } from './principal';

/** What the cloud sells by the hour (or, for egress, by the GiB). */
export type Resource = 'CPU' | 'MEMORY' | 'STORAGE' | 'GPU' | 'NETWORK_EGRESS' | 'NODEPORT';

export const RESOURCES: readonly Resource[] = [
  'CPU',
  'MEMORY',
  'STORAGE',
  'GPU',
  'NETWORK_EGRESS',
  'NODEPORT',
];

/**
 * The price of one unit of a resource for one hour: pricePerUnitHourMicros × 10^-scale
 * micro-units. A scale above zero expresses prices finer than a micro-unit exactly.
 */
export interface PriceView {
  readonly resource: Resource;
  readonly unit: string;
  readonly pricePerUnitHourMicros: MicrosString;
  readonly scale: number;
}

export interface PriceBookView {
  readonly id: string;
  readonly version: number;
  readonly currency: string;
  readonly effectiveFrom: IsoTime;
  readonly createdBy: string | null;
  readonly reason: string | null;
  readonly createdAt: IsoTime;
  readonly prices: readonly PriceView[];
}

export interface NewPriceBookVersion {
  readonly currency: string;
  readonly effectiveFrom: IsoTime;
  readonly reason: string;
  readonly prices: readonly PriceView[];
}

type Rpc<Req, Res> = { request: Req; response: Res };

export interface BillingContract {
  /** The version in force at `at` (default: now). */
  'billing.priceBook.current': Rpc<Authenticated<{ at?: IsoTime }>, PriceBookView>;
  /** Newest version first. */
  'billing.priceBook.history': Rpc<Authenticated<{ first: number }>, PriceBookView[]>;
  'billing.priceBook.create': Rpc<Authenticated<NewPriceBookVersion>, PriceBookView>;
}
