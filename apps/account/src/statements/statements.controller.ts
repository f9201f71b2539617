import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput, notFound } from '@tally/errors';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { validUuids } from '../wallets/wallet.repository';
import { GetStatementFigures } from './statement-figures';
import { StatementFiguresRepository } from './statement-figures.repository';

@Controller()
export class StatementsController {
  constructor(
    private readonly getFigures: GetStatementFigures,
    private readonly figures: StatementFiguresRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.statements.figures')
  statementFigures(@RpcData() request: RpcRequest<'account.statements.figures'>) {
    return this.getFigures.execute(request);
  }

  @MessagePattern('account.statements.tenants')
  tenants(
    @RpcData() { principal, input }: RpcRequest<'account.statements.tenants'>,
  ): Promise<RpcResponse<'account.statements.tenants'>> {
    this.access.assertService(principal);
    const before = new Date(input.before);
    if (Number.isNaN(before.getTime())) throw badInput('before must be a time');
    return this.figures.tenantIdsBefore(before);
  }

  @MessagePattern('account.access.check')
  async check(
    @RpcData() { principal, input }: RpcRequest<'account.access.check'>,
  ): Promise<RpcResponse<'account.access.check'>> {
    if (validUuids([input.tenantId]).length === 0) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, input.permission);
    return { allowed: true };
  }
}
