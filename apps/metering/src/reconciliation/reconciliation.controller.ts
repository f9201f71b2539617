import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { assertFinance } from '../metering-access';
import { Reconcile } from './reconcile';
import { ReconciliationRepository } from './reconciliation.repository';

const MAX_PAGE = 100;

@Controller()
export class ReconciliationController {
  constructor(
    private readonly reconcile: Reconcile,
    private readonly reconciliations: ReconciliationRepository,
  ) {}

  @MessagePattern('metering.reconciliation.run')
  run(
    @RpcData() { principal, input }: RpcRequest<'metering.reconciliation.run'>,
  ): Promise<RpcResponse<'metering.reconciliation.run'>> {
    const who = assertFinance(principal);
    return this.reconcile.execute(new Date(input.from), new Date(input.to), 'finance', who);
  }

  @MessagePattern('metering.reconciliation.reports')
  reports(
    @RpcData() { principal, input }: RpcRequest<'metering.reconciliation.reports'>,
  ): Promise<RpcResponse<'metering.reconciliation.reports'>> {
    assertFinance(principal);
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_PAGE}`, { reason: 'BAD_PAGE_SIZE' });
    }
    const before = input.before === null ? null : new Date(input.before);
    if (before !== null && Number.isNaN(before.getTime())) {
      throw badInput('before must be an ISO 8601 timestamp', { reason: 'BAD_CURSOR' });
    }
    return this.reconciliations.list(input.first, before);
  }
}
