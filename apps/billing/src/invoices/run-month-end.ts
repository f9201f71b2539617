import { Injectable, Logger } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { RpcClient, type MonthRunSummary } from '@tally/transport';
import { BILLING_SERVICE } from '../access/tenant-access.client';
import { billingMonth } from './billing-month';
import { IssueMonthlyInvoice } from './issue-monthly-invoice';

/**
 * Statements and invoices of a finished month for every tenant that existed in it. Safe to
 * run again (a done tenant is skipped); one failing tenant does not stop the others, and the
 * caller retries when any failed.
 */
@Injectable()
export class RunMonthEnd {
  private readonly logger = new Logger(RunMonthEnd.name);

  constructor(
    private readonly issue: IssueMonthlyInvoice,
    private readonly rpc: RpcClient,
  ) {}

  async execute(monthText: string, now = new Date()): Promise<MonthRunSummary> {
    const month = billingMonth(monthText);
    if (month.end > now) {
      throw badInput('A month is invoiced only once it has ended', { reason: 'MONTH_NOT_OVER' });
    }
    const tenantIds = await this.rpc.send('account.statements.tenants', {
      principal: BILLING_SERVICE,
      input: { before: month.end.toISOString() },
    });
    let issued = 0;
    let alreadyDone = 0;
    let failed = 0;
    for (const tenantId of tenantIds) {
      try {
        const outcome = await this.issue.execute(tenantId, month);
        if (outcome.status === 'issued') issued += 1;
        else alreadyDone += 1;
      } catch (error) {
        failed += 1;
        this.logger.error({ err: error, tenantId, month: monthText }, 'month-end statement failed');
      }
    }
    return { month: monthText, tenants: tenantIds.length, issued, alreadyDone, failed };
  }
}
