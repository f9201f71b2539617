import { Injectable } from '@nestjs/common';
import { buildStatement, toStatementView } from '../statements/statement';
import type { BillingMonth } from './billing-month';
import { renderInvoicePdf } from './invoice-pdf';
import { InvoiceRepository, type IssueOutcome } from './invoice.repository';
import { MonthFigures } from './month-figures';

/**
 * One tenant's closed month: the ledger's figures up to the month's usage cutoff, a statement
 * that must tie out, and — when something was charged — an invoice for it with its PDF,
 * issued once.
 */
@Injectable()
export class IssueMonthlyInvoice {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly figures: MonthFigures,
  ) {}

  async execute(tenantId: string, month: BillingMonth, usageCutoff: Date): Promise<IssueOutcome> {
    const existing = await this.invoices.statementOf(tenantId, month.start);
    if (existing !== null) return { status: 'already-done' };

    const statement = buildStatement(await this.figures.toClose(tenantId, month, usageCutoff));
    const body = toStatementView(statement);
    // The amount owed is the usage charged on the statement: the month's hours and the
    // prior-period lines.
    const total = statement.totals.chargesMicros;
    return this.invoices.issue(
      { tenantId, periodStart: month.start, periodEnd: month.end, usageCutoff, body },
      total,
      (number, issuedAt) =>
        renderInvoicePdf({ number, issuedAt, totalMicros: total, statement: body }),
    );
  }
}
