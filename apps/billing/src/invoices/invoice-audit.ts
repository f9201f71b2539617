import { notFound } from '@tally/errors';
import { currentRequestId } from '@tally/observability';
import {
  actorOf,
  personReason,
  principalName,
  type AuditKind,
  type AuditRecordMessage,
  type InvoiceView,
  type Principal,
} from '@tally/transport';
import type { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import type { InvoiceRepository, InvoiceVoiding } from './invoice.repository';

/**
 * The invoice finance acts on (void, reissue) and the reason given, in the order that tells a
 * caller nothing they may not know: NOT_FOUND for an invoice they cannot see, FORBIDDEN unless
 * finance or a platform admin, and only then whether the reason is one.
 */
export async function invoiceActedOn(
  invoices: InvoiceRepository,
  access: TenantAccessClient,
  { principal, input }: { principal: Principal; input: { id: string; reason: string } },
): Promise<{ invoice: InvoiceView; reason: string }> {
  const invoice = isUuid(input.id) ? await invoices.byId(input.id) : null;
  if (invoice === null) throw notFound('Invoice', input.id);
  await access.assert(principal, invoice.tenantId, 'read');
  access.assertFinanceOrAdmin(principal);
  return { invoice, reason: personReason(input.reason) };
}

/** Who voids the invoice and why, with its INVOICE_VOIDED record. */
export function voidingBy(
  principal: Principal,
  invoice: InvoiceView,
  reason: string,
): InvoiceVoiding {
  return {
    voidedBy: principalName(principal),
    reason,
    audit: invoiceAudit('INVOICE_VOIDED', principal, invoice, reason),
  };
}

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
