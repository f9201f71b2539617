import { Inject, Injectable, Logger } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { RpcClient, type MonthRunSummary } from '@tally/transport';
import { BILLING_SERVICE } from '../access/tenant-access.client';
import { BILLING_CONFIG, type BillingConfig } from '../billing.config';
import { billingMonth } from './billing-month';
import { IssueMonthlyInvoice } from './issue-monthly-invoice';
import { monthUsageCutoff } from './month-close';

/**
 * Statements and invoices of a finished month for every tenant that existed in it, once the
 * month can be closed: metering has settled all its hours (MONTH_NOT_SETTLED until then, and
 * nothing is issued). Safe to run again (a done tenant is skipped); one failing tenant does
 * not stop the others, and the caller retries when any failed.
 */
@Injectable()
export class RunMonthEnd {
  private readonly logger = new Logger(RunMonthEnd.name);

  constructor(
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
    private readonly issue: IssueMonthlyInvoice,
    private readonly rpc: RpcClient,
  ) {}

  async execute(monthText: string, now = new Date()): Promise<MonthRunSummary> {
    const month = billingMonth(monthText);
    if (month.end > now) {
      throw badInput('A month is invoiced only once it has ended', { reason: 'MONTH_NOT_OVER' });
    }
    const progress = await this.rpc.send('metering.settlement.progress', {
      principal: BILLING_SERVICE,
      input: { from: month.start.toISOString(), to: month.end.toISOString() },
    });
    const marginMs = this.config.TALLY_MONTH_CLOSE_MARGIN_MINUTES * 60_000;
    const usageCutoff = monthUsageCutoff(month, progress, marginMs, now);

    const tenantIds = await this.rpc.send('account.statements.tenants', {
      principal: BILLING_SERVICE,
      input: { before: month.end.toISOString() },
    });
    let issued = 0;
    let alreadyDone = 0;
    let failed = 0;
    for (const tenantId of tenantIds) {
      try {
        const outcome = await this.issue.execute(tenantId, month, usageCutoff);
        if (outcome.status === 'issued') issued += 1;
        else alreadyDone += 1;
      } catch (error) {
        failed += 1;
        this.logger.error({ err: error, tenantId, month: monthText }, 'month-end statement failed');
      }
    }
    return {
      month: monthText,
      usageCutoff: usageCutoff.toISOString(),
      tenants: tenantIds.length,
      issued,
      alreadyDone,
      failed,
    };
  }
}
