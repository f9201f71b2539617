import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { SetSpendingCap } from './set-spending-cap';
import { SpendingCapRepository } from './spending-cap.repository';

@Controller()
export class SpendingCapsController {
  constructor(
    private readonly setSpendingCap: SetSpendingCap,
    private readonly caps: SpendingCapRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.spendingCaps.set')
  set(@RpcData() request: RpcRequest<'account.spendingCaps.set'>) {
    return this.setSpendingCap.execute(request);
  }

  @MessagePattern('account.spendingCaps.byWallets')
  byWallets(
    @RpcData() { principal, input }: RpcRequest<'account.spendingCaps.byWallets'>,
  ): Promise<RpcResponse<'account.spendingCaps.byWallets'>> {
    this.access.assertService(principal);
    return this.caps.byWallets(input.ids);
  }
}
