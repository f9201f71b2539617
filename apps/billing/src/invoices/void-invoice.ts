import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '@tally/errors';
import {
  personReason,
  principalName,
  type Authenticated,
  type InvoiceView,
} from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { InvoiceRepository } from './invoice.repository';
import { isUuid } from '../access/uuid';
import { invoiceAudit } from './invoice-audit';

/**
 * Voids an issued invoice: a status move with who and why on record, and an INVOICE_VOIDED
 * record for the audit trail in the same transaction; the invoice is not edited.
 */
@Injectable()
export class VoidInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly access: TenantAccessClient,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<{ id: string; reason: string }>): Promise<InvoiceView> {
    const invoice = isUuid(input.id) ? await this.invoices.byId(input.id) : null;
    if (invoice === null) throw notFound('Invoice', input.id);
    await this.access.assert(principal, invoice.tenantId, 'read');
    this.access.assertFinanceOrAdmin(principal);
    // Only then the reason: a caller without the right learns nothing about their input.
    const reason = personReason(input.reason);
    const voiding = {
      voidedBy: principalName(principal),
      reason,
      audit: invoiceAudit('INVOICE_VOIDED', principal, invoice, reason),
    };
    if (!(await this.invoices.void(invoice.id, voiding))) {
      throw conflict(`Invoice ${invoice.number} is ${invoice.status}; only ISSUED can be voided`);
    }
    return (await this.invoices.byId(invoice.id))!;
  }
}
