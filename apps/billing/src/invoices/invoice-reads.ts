import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import type { Authenticated, InvoiceView, RpcResponse, StatementView } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import { buildStatement, storedStatementBody, toStatementView } from '../statements/statement';
import { billingMonth } from './billing-month';
import { InvoiceRepository } from './invoice.repository';
import { MonthFigures } from './month-figures';

/** Invoices, their PDFs and statements, for whoever may read the tenant. */
@Injectable()
export class InvoiceReads {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly access: TenantAccessClient,
    private readonly figures: MonthFigures,
  ) {}

  async byTenant({
    principal,
    input,
  }: Authenticated<{ tenantId: string }>): Promise<InvoiceView[]> {
    if (!isUuid(input.tenantId)) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, 'read');
    return this.invoices.byTenant(input.tenantId);
  }

  /** Null, as for a missing invoice, when the caller may not read its tenant. */
  async pdf({
    principal,
    input,
  }: Authenticated<{ id: string }>): Promise<RpcResponse<'billing.invoices.pdf'>> {
    const invoice = isUuid(input.id) ? await this.invoices.pdfOf(input.id) : null;
    if (invoice === null) return null;
    try {
      await this.access.assert(principal, invoice.tenantId, 'read');
    } catch {
      return null;
    }
    return { number: invoice.number, pdfBase64: Buffer.from(invoice.pdf).toString('base64') };
  }

  /** The stored statement of a month, or the figures so far of one not generated yet. */
  async statement({
    principal,
    input,
  }: Authenticated<{ tenantId: string; month: string }>): Promise<StatementView> {
    if (!isUuid(input.tenantId)) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, 'read');
    const month = billingMonth(input.month);
    const stored = await this.invoices.statementOf(input.tenantId, month.start);
    if (stored !== null) {
      const body = storedStatementBody(stored.figures, stored.usageCutoff);
      return { ...body, final: true, invoiceId: stored.invoices[0]?.id ?? null };
    }
    const figures = await this.figures.soFar(principal, input.tenantId, month);
    return { ...toStatementView(buildStatement(figures)), final: false, invoiceId: null };
  }
}
