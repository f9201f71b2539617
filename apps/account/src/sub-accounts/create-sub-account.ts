import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Authenticated, RpcRequest, SubAccountView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { TenantRepository } from '../tenants/tenant.repository';
import { budgetFrom } from './budget-amount';
import { SubAccountRepository } from './sub-account.repository';

type CreateSubAccountInput = RpcRequest<'account.subAccounts.create'>['input'];

/** A department or developer with a wallet of its own, optionally a monthly budget. */
@Injectable()
export class CreateSubAccount {
  constructor(
    private readonly subAccounts: SubAccountRepository,
    private readonly tenants: TenantRepository,
    private readonly access: TenantAccess,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<CreateSubAccountInput>): Promise<SubAccountView> {
    await this.access.assert(principal, input.tenantId, 'manage');
    const [tenant] = await this.tenants.byIds([input.tenantId]);
    if (tenant === undefined) throw notFound('Tenant', input.tenantId);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw badInput('name must be 1 to 200 characters', { reason: 'BAD_NAME' });
    }
    return this.subAccounts.create(
      tenant.id,
      tenant.currency,
      name,
      budgetFrom(input.monthlyBudgetMicros),
    );
  }
}
