import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { WalletRepository } from '../wallets/wallet.repository';
import { CreditGrantRepository } from './credit-grant.repository';
import { GrantCredit } from './grant-credit';

@Controller()
export class CreditsController {
  constructor(
    private readonly grantCredit: GrantCredit,
    private readonly grants: CreditGrantRepository,
    private readonly wallets: WalletRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.credits.grant')
  grant(@RpcData() request: RpcRequest<'account.credits.grant'>) {
    return this.grantCredit.execute(request);
  }

  @MessagePattern('account.credits.byWallets')
  async byWallets(
    @RpcData() { principal, input }: RpcRequest<'account.credits.byWallets'>,
  ): Promise<RpcResponse<'account.credits.byWallets'>> {
    const readable = await this.access.readable(
      principal,
      await this.wallets.byIds(input.ids),
      (wallet) => wallet.tenantId,
    );
    return this.grants.byWallets(readable.map((wallet) => wallet.id));
  }
}
