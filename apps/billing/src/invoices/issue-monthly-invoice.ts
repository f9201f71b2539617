import { Injectable } from '@nestjs/common';
import { RpcClient } from '@tally/transport';
import { BILLING_SERVICE } from '../access/tenant-access.client';
import { buildStatement, toStatementView } from '../statements/statement';
import type { BillingMonth } from './billing-month';
import { renderInvoicePdf } from './invoice-pdf';
import { InvoiceRepository, type IssueOutcome } from './invoice.repository';

/**
 * One tenant's month: the ledger's figures (computed by account), a statement that must tie
 * out, and — when there were charges — an invoice for them with its PDF, issued once.
 */
@Injectable()
export class IssueMonthlyInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly rpc: RpcClient,
  ) {}

  async execute(tenantId: string, month: BillingMonth): Promise<IssueOutcome> {
    const existing = await this.invoices.statementOf(tenantId, month.start);
    if (existing !== null) return { status: 'already-done' };

    const figures = await this.rpc.send('account.statements.figures', {
      principal: BILLING_SERVICE,
      input: {
        tenantId,
        periodStart: month.start.toISOString(),
        periodEnd: month.end.toISOString(),
      },
    });
    const statement = buildStatement(figures);
    const body = toStatementView(statement);
    // The amount owed for the period is what the tenant's workspaces consumed.
    const total = statement.totals.chargesMicros;
    return this.invoices.issue(
      { tenantId, periodStart: month.start, periodEnd: month.end, body },
      total,
      (number, issuedAt) =>
        renderInvoicePdf({ number, issuedAt, totalMicros: total, statement: body }),
    );
  }
}
