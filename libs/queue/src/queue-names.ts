/** Every BullMQ queue in Tally. A queue's name is its only identity across processes. */
export enum QueueName {
  /** ledger.changed → re-evaluate a wallet's debt state (metering). */
  DebtEvaluation = 'debt-evaluation',
  /** Hourly usage settlement into the ledger (metering). */
  Settlement = 'settlement',
  /** Every minute: pending usage of the hours not settled yet, priced (metering). */
  PendingAccrual = 'pending-accrual',
  /** Daily reconciliation of usage, charges and the ledger (metering). */
  Reconciliation = 'reconciliation',
  /** Verified Stripe webhook events, processed after the 2xx (billing). */
  StripeEvents = 'stripe-events',
  /** Outbound events from any service's outbox, fanned out to webhook endpoints (billing). */
  OutboundEvents = 'outbound-events',
  /** One signed POST of one event to one integrator endpoint, retried for days (billing). */
  WebhookDeliveries = 'webhook-deliveries',
  /** Hourly: credit paid Checkout Sessions whose webhook never came (billing). */
  StripeReconcile = 'stripe-reconcile',
  /** Monthly sub-account budget top-ups (account). */
  MonthlyBudgets = 'monthly-budgets',
  /** What is left of promotional credit grants leaves their wallets at expiry (account). */
  CreditExpiry = 'credit-expiry',
  /** E-mails to tenants about their wallets (metering). */
  Notifications = 'notifications',
  /** Namespace suspension and resumption on Kubernetes (metering). */
  Suspension = 'suspension',
  /** Month-end statements and invoices for every tenant (billing). */
  Invoicing = 'invoicing',
  /** Actions by a person in another service, into the audit trail (account). */
  AuditTrail = 'audit-trail',
}

/**
 * The outbox topic of an action by a person that another service took: routed to
 * QueueName.AuditTrail, whose account-side consumer writes the record (AuditRecordMessage).
 */
export const AUDIT_RECORD_TOPIC = 'audit.record';

/** Which queues receive each outbox topic: BullMQ has no fan-out, so one queue per consumer. */
export type OutboxRoutes = Readonly<Record<string, readonly QueueName[]>>;

/**
 * Queues whose consumers take the events of one relay poll as one job (an OutboxBatch)
 * instead of one job per event: these events come by the thousand (a burst of Stripe
 * webhooks, the recharges it settles and the ledger changes they make), and a job per event
 * made BullMQ's own bookkeeping most of the work.
 */
export const BATCHED_QUEUES: ReadonlySet<QueueName> = new Set([
  QueueName.StripeEvents,
  QueueName.OutboundEvents,
  QueueName.DebtEvaluation,
]);
