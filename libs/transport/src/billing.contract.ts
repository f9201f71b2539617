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
  /** Refunded so far, cumulative; the whole amount once REFUNDED. */
  readonly refundedMicros: MicrosString;
  readonly currency: string;
  readonly status: RechargeStatus;
  readonly checkoutUrl: string | null;
  readonly createdAt: IsoTime;
}

/** A page of a tenant's recharges, newest first; the cursor is the last recharge's id. */
export interface RechargesPage {
  readonly recharges: readonly RechargeView[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** What the local checkout page (development only) shows and pays. */
/**
 * Where a payer lands after Checkout, on the gateway's origin: the console's top-up page, which
 * follows the recharge until it is credited (success or cancel alike: it shows the status).
 */
export function rechargeReturnPath(rechargeId: string): string {
  return `/console/top-up?recharge=${encodeURIComponent(rechargeId)}`;
}

export interface LocalCheckoutView {
  readonly recharge: RechargeView;
  /** The amount in the currency's smallest unit, as Stripe's `amount_total`. */
  readonly amountTotal: number;
}

export interface StartRechargeInput {
  readonly walletId: string;
  readonly amountMicros: MicrosString;
  readonly idempotencyKey: string;
}

/** A Stripe webhook event whose signature the gateway has verified. */
export interface VerifiedStripeEvent {
  readonly id: string;
  readonly type: string;
  /** The event's JSON exactly as Stripe sent it. */
  readonly body: string;
}

export interface WalletStatementView {
  readonly walletId: string;
  readonly kind: 'TENANT' | 'SUB_ACCOUNT';
  readonly subAccountName: string | null;
  readonly openingMicros: MicrosString;
  readonly rechargesMicros: MicrosString;
  /** Usage charged here (positive): the period's hours and prior-period lines, corrections included. */
  readonly chargesMicros: MicrosString;
  /** The part of the charges for hours before the period. */
  readonly priorPeriodMicros: MicrosString;
  /** Charged here, posted to the wallet after the period end. */
  readonly chargesPostedLaterMicros: MicrosString;
  /** Posted to the wallet in the period, charged on another statement. */
  readonly chargesOfOtherStatementsMicros: MicrosString;
  readonly adjustmentsMicros: MicrosString;
  /** Net in (+) / out (-) from the tenant's other wallets (transfers, budget top-ups). */
  readonly internalTransfersMicros: MicrosString;
  /** Other kinds (bonus, refund, ...), signed as they moved the wallet. */
  readonly otherMicros: MicrosString;
  readonly closingMicros: MicrosString;
  /** Promotional credit: open before the period, granted, drawn (spent, clawed back), expired, open after. */
  readonly creditOpeningMicros: MicrosString;
  readonly creditsGrantedMicros: MicrosString;
  /** Credit moved in from / out to the tenant's other wallets (transfers, budget top-ups). */
  readonly creditsMovedInMicros: MicrosString;
  readonly creditsUsedMicros: MicrosString;
  readonly creditsMovedOutMicros: MicrosString;
  readonly creditsExpiredMicros: MicrosString;
  readonly creditClosingMicros: MicrosString;
}

/**
 * A tenant's statement for a period (the equations: apps/billing/src/statements/statement.ts):
 * opening + recharges − charges + chargesPostedLater − chargesOfOtherStatements + adjustments +
 * other = closing, for the tenant and for each wallet. Charges are by the hour the usage was
 * for, balances by posting time. Transfers between the tenant's own wallets show per wallet and
 * net to zero in the tenant's `otherMicros`. The credit lines are promotional credit's own
 * account: creditOpening + creditsGranted + creditsMovedIn − creditsUsed − creditsMovedOut −
 * creditsExpired = creditClosing, creditsExpired is the ledger's credit_expiry movement, and
 * credit moved between the tenant's own wallets nets to zero (moved in = moved out) for the
 * tenant (grants and expiries also stay in `other` by kind, where the balance equation counts
 * them).
 */
export interface StatementBody {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly currency: string;
  readonly periodStart: IsoTime;
  readonly periodEnd: IsoTime;
  /** Prior-period usage counts when posted from here on: the previous statement's cutoff. */
  readonly usageSince: IsoTime;
  /** Usage posted from here on is left to later statements; null while not closed. */
  readonly usageCutoff: IsoTime | null;
  readonly openingMicros: MicrosString;
  readonly rechargesMicros: MicrosString;
  readonly chargesMicros: MicrosString;
  readonly priorPeriodMicros: MicrosString;
  readonly chargesPostedLaterMicros: MicrosString;
  readonly chargesOfOtherStatementsMicros: MicrosString;
  readonly adjustmentsMicros: MicrosString;
  readonly otherMicros: MicrosString;
  readonly closingMicros: MicrosString;
  /** Promotional credit: open before the period, granted, drawn (spent, clawed back), expired, open after. */
  readonly creditOpeningMicros: MicrosString;
  readonly creditsGrantedMicros: MicrosString;
  /** Credit moved in from / out to the tenant's other wallets (transfers, budget top-ups). */
  readonly creditsMovedInMicros: MicrosString;
  readonly creditsUsedMicros: MicrosString;
  readonly creditsMovedOutMicros: MicrosString;
  readonly creditsExpiredMicros: MicrosString;
  readonly creditClosingMicros: MicrosString;
  readonly wallets: readonly WalletStatementView[];
  /** The period's usage by workspace (namespace) and resource. */
  readonly usage: readonly { namespace: string; resource: string; amountMicros: MicrosString }[];
  /** Usage of earlier months (YYYY-MM) posted after they were closed: corrections, mostly. */
  readonly priorPeriod: readonly {
    month: string;
    namespace: string;
    resource: string;
    amountMicros: MicrosString;
  }[];
  readonly other: readonly { kind: string; amountMicros: MicrosString }[];
}

export interface StatementView extends StatementBody {
  /** False for a month still running (or not yet generated): figures so far, not stored. */
  readonly final: boolean;
  readonly invoiceId: string | null;
}

export type InvoiceStatus = 'DRAFT' | 'ISSUED' | 'VOID';

export interface InvoiceView {
  readonly id: string;
  readonly number: string;
  readonly tenantId: string;
  readonly periodStart: IsoTime;
  readonly periodEnd: IsoTime;
  readonly status: InvoiceStatus;
  readonly currency: string;
  readonly totalMicros: MicrosString;
  readonly issuedAt: IsoTime;
  readonly voidReason: string | null;
  /** The voided invoice this one reissues, if it is a reissue. */
  readonly reissueOfId: string | null;
}

export interface MonthRunSummary {
  readonly month: string;
  /** The month's usage cutoff: when its last hour was settled (never before the month's end). */
  readonly usageCutoff: IsoTime;
  readonly tenants: number;
  readonly issued: number;
  readonly alreadyDone: number;
  readonly failed: number;
}

export interface WebhookEndpointView {
  readonly id: string;
  readonly tenantId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly createdAt: IsoTime;
}

export interface WebhookAttemptView {
  readonly attempt: number;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
  readonly createdAt: IsoTime;
}

export interface WebhookDeliveryView {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  /** SUPERSEDED: not sent, the endpoint had already received a later event of its sequence. */
  readonly status: 'PENDING' | 'DELIVERED' | 'FAILED' | 'SUPERSEDED';
  readonly createdAt: IsoTime;
  readonly finishedAt: IsoTime | null;
  readonly attempts: readonly WebhookAttemptView[];
}

export interface WebhookDeliveriesPage {
  readonly deliveries: readonly WebhookDeliveryView[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

type Rpc<Req, Res> = { request: Req; response: Res };

export interface BillingContract {
  /**
   * The version of `currency` (default USD) in force at `at` (default: now); NOT_FOUND when
   * that currency has none then. Each currency has its own versions.
   */
  'billing.priceBook.current': Rpc<
    Authenticated<{ at?: IsoTime; currency?: string }>,
    PriceBookView
  >;
  /** Newest version first: of `currency`, or of every currency when it is left out. */
  'billing.priceBook.history': Rpc<
    Authenticated<{ first: number; currency?: string }>,
    PriceBookView[]
  >;
  'billing.priceBook.create': Rpc<Authenticated<NewPriceBookVersion>, PriceBookView>;
  /** Idempotent on (tenant, idempotencyKey): a replay answers the first recharge. */
  'billing.recharges.start': Rpc<Authenticated<StartRechargeInput>, RechargeView>;
  /** Null when missing or when the caller may not read the recharge's wallet. */
  'billing.recharges.byId': Rpc<Authenticated<{ id: string }>, RechargeView | null>;
  /**
   * A tenant's recharges, newest first, for whoever may read the tenant (NOT_FOUND otherwise);
   * first 1 to 100 (BAD_PAGE_SIZE), after a cursor of this call (BAD_CURSOR).
   */
  'billing.recharges.byTenant': Rpc<
    Authenticated<{ tenantId: string; first: number; after: string | null }>,
    RechargesPage
  >;
  /**
   * The recharge a session of the local checkout page (development only) pays, for whoever
   * holds the session id, which is the capability; null for any other id or when it is off.
   */
  'billing.recharges.byLocalSession': Rpc<{ sessionId: string }, LocalCheckoutView | null>;
  /**
   * Stores verified events once each and queues them; answers before processing them, with
   * one flag per event (false: stored before).
   */
  'billing.stripe.receive': Rpc<{ events: VerifiedStripeEvent[] }, { stored: boolean[] }>;
  /** Finance and platform admins: credits paid sessions of the last `hours` that were missed. */
  'billing.stripe.reconcile': Rpc<
    Authenticated<{ hours: number }>,
    { readonly sessionsSeen: number; readonly credited: number }
  >;

  /** Newest period first; NOT_FOUND unless the caller may read the tenant. */
  'billing.invoices.byTenant': Rpc<Authenticated<{ tenantId: string }>, InvoiceView[]>;
  /** The PDF, base64; null when missing or not readable by the caller. */
  'billing.invoices.pdf': Rpc<
    Authenticated<{ id: string }>,
    { number: string; pdfBase64: string } | null
  >;
  /** Finance and platform admins: ISSUED → VOID, with who and why recorded. */
  'billing.invoices.void': Rpc<Authenticated<{ id: string; reason: string }>, InvoiceView>;
  /**
   * Finance and platform admins: voids the invoice if still ISSUED and issues it again under a
   * new number (same statement); once per invoice. Answers the new invoice.
   */
  'billing.invoices.reissue': Rpc<Authenticated<{ id: string; reason: string }>, InvoiceView>;
  /** Platform admins (and services): statements and invoices for a past month (YYYY-MM). */
  'billing.invoices.runMonth': Rpc<Authenticated<{ month: string }>, MonthRunSummary>;
  /** The stored statement of a month, or the figures so far for one not generated yet. */
  'billing.statements.get': Rpc<Authenticated<{ tenantId: string; month: string }>, StatementView>;

  /** Owners and admins of the tenant. The secret is in the answer once. */
  'billing.webhooks.create': Rpc<
    Authenticated<{
      tenantId: string;
      url: string;
      eventTypes: readonly string[];
      secret?: string;
    }>,
    { endpoint: WebhookEndpointView; secret: string }
  >;
  'billing.webhooks.delete': Rpc<Authenticated<{ id: string }>, WebhookEndpointView>;
  'billing.webhooks.byTenant': Rpc<Authenticated<{ tenantId: string }>, WebhookEndpointView[]>;
  /** Newest first; the cursor is the last delivery id seen. */
  'billing.webhooks.deliveries': Rpc<
    Authenticated<{ endpointId: string; first: number; after: string | null }>,
    WebhookDeliveriesPage
  >;
}
