import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import {
  RpcClient,
  type Authenticated,
  type InvoiceView,
  type RpcResponse,
  type StatementBody,
  type StatementView,
} from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import { buildStatement, toStatementView } from '../statements/statement';
import { billingMonth } from './billing-month';
import { InvoiceRepository } from './invoice.repository';

/** Invoices, their PDFs and statements, for whoever may read the tenant. */
@Injectable()
export class InvoiceReads {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly access: TenantAccessClient,
    private readonly rpc: RpcClient,
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
      const body = stored.figures as unknown as StatementBody;
      return { ...body, final: true, invoiceId: stored.invoice?.id ?? null };
    }
    const figures = await this.rpc.send('account.statements.figures', {
      principal,
      input: {
        tenantId: input.tenantId,
        periodStart: month.start.toISOString(),
        periodEnd: month.end.toISOString(),
      },
    });
    return { ...toStatementView(buildStatement(figures)), final: false, invoiceId: null };
  }
}
