import { Injectable } from '@nestjs/common';
import { parseWireMicros } from '@tally/money';
import type { Authenticated, InvoiceView } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { storedStatementBody } from '../statements/statement';
import { invoiceActedOn, invoiceAudit, voidingBy } from './invoice-audit';
import { renderInvoicePdf } from './invoice-pdf';
import { InvoiceRepository } from './invoice.repository';

/**
 * Finance reissues an invoice: voided (now, if it is still ISSUED) and issued again under the
 * next number, for the same statement (period, lines, total) with a new PDF, each step audited,
 * all in one transaction. A voided invoice is reissued once; asked again, the answer is that
 * reissue. Answers the new invoice.
 */
@Injectable()
export class ReissueInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly access: TenantAccessClient,
  ) {}

  async execute(request: Authenticated<{ id: string; reason: string }>): Promise<InvoiceView> {
    const { principal } = request;
    const { invoice: original, reason } = await invoiceActedOn(this.invoices, this.access, request);
    const voiding = voidingBy(principal, original, reason);
    const reissued = invoiceAudit('INVOICE_REISSUED', principal, original, reason);
    const id = await this.invoices.reissue(
      original,
      voiding,
      reissued,
      (stored, number, issuedAt) =>
        renderInvoicePdf({
          number,
          issuedAt,
          totalMicros: parseWireMicros(original.totalMicros),
          statement: storedStatementBody(stored.figures, stored.usageCutoff),
        }),
    );
    return (await this.invoices.byId(id))!;
  }
}
