import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import type { Authenticated, RpcRequest, SubAccountView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { budgetFrom } from './budget-amount';
import { SubAccountRepository } from './sub-account.repository';

type SetBudgetInput = RpcRequest<'account.subAccounts.setBudget'>['input'];

/** Changes (or, with null, removes) the amount moved in at the start of each month. */
@Injectable()
export class SetMonthlyBudget {
  constructor(
    private readonly subAccounts: SubAccountRepository,
    private readonly access: TenantAccess,
  ) {}

  async execute({ principal, input }: Authenticated<SetBudgetInput>): Promise<SubAccountView> {
    const [subAccount] = await this.subAccounts.byIds([input.subAccountId]);
    if (subAccount === undefined) throw notFound('SubAccount', input.subAccountId);
    await this.access.assert(principal, subAccount.tenantId, 'manage');
    // Only then the amount: a caller without the right learns nothing about their input.
    const budget = budgetFrom(input.monthlyBudgetMicros);
    return this.subAccounts.setBudget(subAccount.id, budget);
  }
}
