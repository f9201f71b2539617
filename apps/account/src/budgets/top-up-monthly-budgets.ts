import { Injectable, Logger } from '@nestjs/common';
import { SubAccountRepository } from '../sub-accounts/sub-account.repository';
import { TenantRepository } from '../tenants/tenant.repository';
import { BudgetTopUpRepository, TopUpOutcome } from './budget-top-up.repository';

export interface MonthlyTopUpSummary {
  readonly month: string;
  readonly toppedUp: number;
  readonly alreadyDone: number;
  readonly shortfalls: number;
  readonly failed: number;
}

/** First day of the calendar month (UTC) that `at` falls in, as YYYY-MM-DD. */
export function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * Moves every sub-account's monthly budget from its tenant's wallet, once per month. What
 * the tenant cannot cover is recorded as a shortfall. One failing sub-account does not stop
 * the others; the job fails at the end so BullMQ retries it (the done ones are skipped).
 * Months missed entirely during downtime are not back-filled: a budget is for the month
 * it is spent in.
 */
@Injectable()
export class TopUpMonthlyBudgets {
  private readonly logger = new Logger(TopUpMonthlyBudgets.name);

  constructor(
    private readonly subAccounts: SubAccountRepository,
    private readonly tenants: TenantRepository,
    private readonly topUps: BudgetTopUpRepository,
  ) {}

  async execute(month: string): Promise<MonthlyTopUpSummary> {
    const budgeted = await this.subAccounts.withBudgets();
    const tenantWallets = new Map(
      (await this.tenants.byIds([...new Set(budgeted.map((s) => s.tenantId))])).map((t) => [
        t.id,
        t.walletId,
      ]),
    );
    const outcomes: (TopUpOutcome | 'failed')[] = [];
    for (const subAccount of budgeted) {
      try {
        outcomes.push(
          await this.topUps.topUp(
            {
              subAccountId: subAccount.id,
              subAccountWalletId: subAccount.walletId,
              tenantWalletId: tenantWallets.get(subAccount.tenantId)!,
              budgetMicros: BigInt(subAccount.monthlyBudgetMicros!),
              month,
            },
            { actor: { type: 'system', id: 'monthly-budgets' } },
          ),
        );
      } catch (error) {
        this.logger.error(
          { err: error, subAccountId: subAccount.id, month },
          'budget top-up failed',
        );
        outcomes.push('failed');
      }
    }
    const done = outcomes.filter((o) => o !== 'failed' && o.status === 'done');
    return {
      month,
      toppedUp: done.length,
      alreadyDone: outcomes.filter((o) => o !== 'failed' && o.status === 'already-done').length,
      shortfalls: done.filter((o) => o.status === 'done' && o.shortfallMicros > 0n).length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
  }
}
