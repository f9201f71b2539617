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

export type RechargeStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'EXPIRED' | 'REFUNDED';

/** A wallet top-up through a Stripe Checkout Session. */
export interface RechargeView {
  readonly id: string;
  readonly tenantId: string;
  readonly walletId: string;
  readonly amountMicros: MicrosString;
  readonly bonusMicros: MicrosString;
  readonly currency: string;
  readonly status: RechargeStatus;
  readonly checkoutUrl: string | null;
  readonly createdAt: IsoTime;
}

export interface StartRechargeInput {
  readonly walletId: string;
  readonly amountMicros: MicrosString;
  readonly idempotencyKey: string;
}

/** A Stripe webhook event whose signature the gateway has verified, as Stripe sent it. */
export interface VerifiedStripeEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

type Rpc<Req, Res> = { request: Req; response: Res };

export interface BillingContract {
  /** The version in force at `at` (default: now). */
  'billing.priceBook.current': Rpc<Authenticated<{ at?: IsoTime }>, PriceBookView>;
  /** Newest version first. */
  'billing.priceBook.history': Rpc<Authenticated<{ first: number }>, PriceBookView[]>;
  'billing.priceBook.create': Rpc<Authenticated<NewPriceBookVersion>, PriceBookView>;
  /** Idempotent on (tenant, idempotencyKey): a replay answers the first recharge. */
  'billing.recharges.start': Rpc<Authenticated<StartRechargeInput>, RechargeView>;
  /** Null when missing or when the caller may not read the recharge's wallet. */
  'billing.recharges.byId': Rpc<Authenticated<{ id: string }>, RechargeView | null>;
  /** Stores a verified event once and queues it; answers before processing it. */
  'billing.stripe.receive': Rpc<{ event: VerifiedStripeEvent }, { stored: boolean }>;
}
