import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound } from '@tally/errors';
import { principalName, type Authenticated, type InvoiceView } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { InvoiceRepository } from './invoice.repository';
import { isUuid } from '../access/uuid';

const MAX_REASON_LENGTH = 500;

/** Voids an issued invoice: a status move with who and why on record; the invoice is not edited. */
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
    const reason = input.reason.trim();
    if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
      throw badInput(`reason must be 1 to ${MAX_REASON_LENGTH} characters`, {
        reason: 'BAD_REASON',
      });
    }
    if (!(await this.invoices.void(invoice.id, principalName(principal), reason))) {
      throw conflict(`Invoice ${invoice.number} is ${invoice.status}; only ISSUED can be voided`);
    }
    return (await this.invoices.byId(invoice.id))!;
  }
}
