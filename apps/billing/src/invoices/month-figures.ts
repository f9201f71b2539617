import { Injectable } from '@nestjs/common';
import { conflict } from '@tally/errors';
import { RpcClient, type Principal, type StatementFigures } from '@tally/transport';
import { BILLING_SERVICE } from '../access/tenant-access.client';
import type { BillingMonth } from './billing-month';
import { InvoiceRepository, type StatementsAround } from './invoice.repository';

/**
 * A tenant's figures for a month, from the ledger (account computes them), with prior-period
 * usage counted from where the tenant's previous statement stopped: its cutoff. A tenant's
 * first statement has no prior period (its usage window starts with the month).
 */
@Injectable()
export class MonthFigures {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * The figures a month is closed with, up to its usage cutoff. Refused (CONFLICT) when the
   * tenant's statements would not follow one another: after a month that was never stated,
   * that month's usage would be charged nowhere; before a month already stated, twice.
   */
  async toClose(tenantId: string, month: BillingMonth, cutoff: Date): Promise<StatementFigures> {
    const around = await this.invoices.statementsAround(tenantId, month.start);
    if (around.laterExists) {
      throw conflict(`A month after ${month.month} is already stated for tenant ${tenantId}`, {
        reason: 'STATEMENT_OUT_OF_ORDER',
      });
    }
    if (around.previous !== null && !follows(around.previous, month)) {
      throw conflict(`The month before ${month.month} is not stated for tenant ${tenantId}`, {
        reason: 'STATEMENT_GAP',
      });
    }
    return this.read(BILLING_SERVICE, tenantId, month, usageSince(around, month), cutoff);
  }

  /** The figures so far of a month not closed yet (no cutoff: all usage posted until now). */
  async soFar(principal: Principal, tenantId: string, month: BillingMonth) {
    const around = await this.invoices.statementsAround(tenantId, month.start);
    return this.read(principal, tenantId, month, usageSince(around, month), null);
  }

  private read(
    principal: Principal,
    tenantId: string,
    month: BillingMonth,
    since: Date,
    cutoff: Date | null,
  ): Promise<StatementFigures> {
    return this.rpc.send('account.statements.figures', {
      principal,
      input: {
        tenantId,
        periodStart: month.start.toISOString(),
        periodEnd: month.end.toISOString(),
        usageSince: since.toISOString(),
        usageCutoff: cutoff?.toISOString() ?? null,
      },
    });
  }
}

function follows(previous: NonNullable<StatementsAround['previous']>, month: BillingMonth) {
  return previous.periodEnd.getTime() === month.start.getTime();
}

function usageSince({ previous }: StatementsAround, month: BillingMonth): Date {
  return previous !== null && follows(previous, month) ? previous.usageCutoff : month.start;
}
