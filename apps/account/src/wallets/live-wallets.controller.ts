import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { badInput } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import { RpcData, type RpcRequest, type RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { LiveWallets } from './live-wallets';
import { LiveWalletsRepository } from './live-wallets.repository';

/** Wallet reads batch up to this many ids (a GraphQL request's worth). */
const MAX_WALLETS = 500;
const HOUR_MS = 3_600_000;

/** Wallets' live figures: read by the gateway and the debt ladder, published by metering. */
@Controller()
export class LiveWalletsController {
  constructor(
    private readonly live: LiveWallets,
    private readonly rows: LiveWalletsRepository,
    private readonly access: TenantAccess,
  ) {}

  @MessagePattern('account.wallets.live')
  async ofWallets(
    @RpcData() { principal, input }: RpcRequest<'account.wallets.live'>,
  ): Promise<RpcResponse<'account.wallets.live'>> {
    if (input.ids.length > MAX_WALLETS) {
      throw badInput(`At most ${MAX_WALLETS} wallets per call`, { reason: 'TOO_MANY_WALLETS' });
    }
    return this.live.ofWallets(principal, input.ids);
  }

  @MessagePattern('account.pending.replaceOpenHour')
  async replaceOpenHour(
    @RpcData() { principal, input }: RpcRequest<'account.pending.replaceOpenHour'>,
  ): Promise<RpcResponse<'account.pending.replaceOpenHour'>> {
    this.access.assertService(principal);
    await this.rows.replaceOpenHour(
      wholeHour(input.hour),
      input.wallets.map((wallet) => ({
        walletId: wallet.walletId,
        amountMicros: parseWireMicros(wallet.amountMicros),
        throughMinute: instant(wallet.throughMinute),
      })),
      instant(input.dropOpenBefore),
    );
    return null;
  }

  @MessagePattern('account.pending.freezeHour')
  async freezeHour(
    @RpcData() { principal, input }: RpcRequest<'account.pending.freezeHour'>,
  ): Promise<RpcResponse<'account.pending.freezeHour'>> {
    this.access.assertService(principal);
    await this.rows.freezeHour(
      wholeHour(input.hour),
      input.charges.map((charge) => ({
        walletId: charge.walletId,
        amountMicros: parseWireMicros(charge.amountMicros),
      })),
    );
    return null;
  }

  @MessagePattern('account.pending.hourPosted')
  async hourPosted(
    @RpcData() { principal, input }: RpcRequest<'account.pending.hourPosted'>,
  ): Promise<RpcResponse<'account.pending.hourPosted'>> {
    this.access.assertService(principal);
    await this.rows.markHourPosted(wholeHour(input.hour), instant(input.dropPostedBefore));
    return null;
  }
}

function instant(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw badInput(`${value} is not an instant`, { reason: 'BAD_INSTANT' });
  return at;
}

function wholeHour(value: string): Date {
  const hour = instant(value);
  if (hour.getTime() % HOUR_MS !== 0) {
    throw badInput(`${value} is not a whole UTC hour`, { reason: 'NOT_A_WHOLE_HOUR' });
  }
  return hour;
}
