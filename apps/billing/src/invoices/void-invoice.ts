import { Injectable } from '@nestjs/common';
import { conflict } from '@tally/errors';
import type { Authenticated, InvoiceView } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { invoiceActedOn, voidingBy } from './invoice-audit';
import { InvoiceRepository } from './invoice.repository';

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

  async execute(request: Authenticated<{ id: string; reason: string }>): Promise<InvoiceView> {
    const { invoice, reason } = await invoiceActedOn(this.invoices, this.access, request);
    if (!(await this.invoices.void(invoice.id, voidingBy(request.principal, invoice, reason)))) {
      throw conflict(`Invoice ${invoice.number} is ${invoice.status}; only ISSUED can be voided`);
    }
    return (await this.invoices.byId(invoice.id))!;
  }
}
