import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import type { Authenticated, LedgerTransactionView, RpcRequest } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { WalletRepository } from '../wallets/wallet.repository';
import { LedgerReadsRepository } from './ledger-reads.repository';
import { PostTransaction } from './post-transaction';
import { postingContextOf, tenantScopedKey } from './posting-context';

type TransferInput = RpcRequest<'account.ledger.transfer'>['input'];

/** Moves money between two wallets of one tenant; never below zero. */
@Injectable()
export class Transfer {
  constructor(
    private readonly wallets: WalletRepository,
    private readonly access: TenantAccess,
    private readonly post: PostTransaction,
    private readonly reads: LedgerReadsRepository,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<TransferInput>): Promise<LedgerTransactionView> {
    // Who may move this money comes first: a caller without the right learns nothing about
    // their input (its amount, whether the wallets are the same).
    const [from, to] = await Promise.all([
      this.wallets.byId(input.fromWalletId),
      this.wallets.byId(input.toWalletId),
    ]);
    if (from === null) throw notFound('Wallet', input.fromWalletId);
    await this.access.assert(principal, from.tenantId, 'manage');
    // Another tenant's wallet looks exactly like a missing one.
    if (to === null || to.tenantId !== from.tenantId) throw notFound('Wallet', input.toWalletId);
    const amount = parseWireMicros(input.amountMicros, { sign: 'positive' });
    if (from.id === to.id) {
      throw badInput('A transfer needs two different wallets', { reason: 'SAME_WALLET' });
    }

    const posted = await this.post.execute(
      {
        kind: 'transfer',
        idempotencyKey: tenantScopedKey('transfer', from.tenantId, input.idempotencyKey),
        lines: [
          { account: { walletId: from.id }, amountMicros: -amount },
          { account: { walletId: to.id }, amountMicros: amount },
        ],
      },
      postingContextOf(principal),
    );
    const [transaction] = await this.reads.transactionsByIds([posted.transactionId]);
    return transaction;
  }
}
