import { currentRequestId } from '@tally/observability';
import {
  actorOf,
  type AuditKind,
  type AuditRecordMessage,
  type InvoiceView,
  type Principal,
} from '@tally/transport';

/**
 * The audit record of an action on an invoice, for account's audit trail (billing's outbox
 * carries it, in the action's transaction). The repository sets its key, once per action.
 */
export function invoiceAudit(
  kind: Extract<AuditKind, 'INVOICE_VOIDED' | 'INVOICE_REISSUED'>,
  principal: Principal,
  invoice: InvoiceView,
  reason: string,
): AuditRecordMessage {
  const actor = actorOf(principal);
  return {
    actionKey: '',
    kind,
    actorType: actor.type,
    actorId: actor.id ?? null,
    requestId: currentRequestId() ?? null,
    tenantId: invoice.tenantId,
    targetType: 'invoice',
    targetId: invoice.id,
    reason,
    amountMicros: invoice.totalMicros,
    currency: invoice.currency,
    transactionId: null,
  };
}
