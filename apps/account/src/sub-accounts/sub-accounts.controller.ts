import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { CreateSubAccount } from './create-sub-account';
import { SetMonthlyBudget } from './set-monthly-budget';
import { SubAccountRepository } from './sub-account.repository';

@Controller()
export class SubAccountsController {
  constructor(
    private readonly createSubAccount: CreateSubAccount,
    private readonly setMonthlyBudget: SetMonthlyBudget,
    private readonly subAccounts: SubAccountRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.subAccounts.create')
  create(@RpcData() request: RpcRequest<'account.subAccounts.create'>) {
    return this.createSubAccount.execute(request);
  }

  @MessagePattern('account.subAccounts.setBudget')
  setBudget(@RpcData() request: RpcRequest<'account.subAccounts.setBudget'>) {
    return this.setMonthlyBudget.execute(request);
  }

  @MessagePattern('account.subAccounts.byIds')
  async byIds(
    @RpcData() { principal, input }: RpcRequest<'account.subAccounts.byIds'>,
  ): Promise<RpcResponse<'account.subAccounts.byIds'>> {
    return this.access.readable(
      principal,
      await this.subAccounts.byIds(input.ids),
      (s) => s.tenantId,
    );
  }

  @MessagePattern('account.subAccounts.byTenants')
  async byTenants(
    @RpcData() { principal, input }: RpcRequest<'account.subAccounts.byTenants'>,
  ): Promise<RpcResponse<'account.subAccounts.byTenants'>> {
    const rows = await this.subAccounts.byTenants(input.ids);
    return this.access.readable(principal, rows, (s) => s.tenantId);
  }
}
