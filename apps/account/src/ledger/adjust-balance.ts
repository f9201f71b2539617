import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import {
  personReason,
  type Authenticated,
  type LedgerTransactionView,
  type RpcRequest,
} from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { auditActorOf } from '../audit/audit-entry';
import { auditPosted } from '../audit/audit-posting';
import { AuditRepository } from '../audit/audit.repository';
import { WalletRepository } from '../wallets/wallet.repository';
import { LedgerReadsRepository } from './ledger-reads.repository';
import { SystemAccount } from './ledger.types';
import { PostTransaction } from './post-transaction';
import { postingContextOf, tenantScopedKey } from './posting-context';

type AdjustInput = RpcRequest<'account.ledger.adjust'>['input'];

/**
 * A correction by finance: credits (positive) or debits (negative) a wallet against the
 * adjustments account, with the reason on the transaction and a BALANCE_ADJUSTED record in the
 * audit trail, committed together. A debit may not take the wallet below zero.
 */
@Injectable()
export class AdjustBalance {
  constructor(
    private readonly wallets: WalletRepository,
    private readonly access: TenantAccess,
    private readonly post: PostTransaction,
    private readonly reads: LedgerReadsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ principal, input }: Authenticated<AdjustInput>): Promise<LedgerTransactionView> {
    // Authorization before validation: a caller without the right learns nothing about input.
    const wallet = await this.wallets.byId(input.walletId);
    if (wallet === null) throw notFound('Wallet', input.walletId);
    await this.access.assert(principal, wallet.tenantId, 'adjust');
    const amount = parseWireMicros(input.amountMicros, { sign: 'non-zero' });
    const reason = personReason(input.reason);

    const context = postingContextOf(principal);
    const posted = await this.post.execute(
      {
        kind: 'adjustment',
        idempotencyKey: tenantScopedKey('adjust', wallet.tenantId, input.idempotencyKey),
        reason,
        lines: [
          { account: { walletId: wallet.id }, amountMicros: amount },
          { account: { system: SystemAccount.Adjustments }, amountMicros: -amount },
        ],
      },
      context,
      {
        alongside: auditPosted(this.audit, {
          kind: 'BALANCE_ADJUSTED',
          ...auditActorOf(context),
          tenantId: wallet.tenantId,
          target: { type: 'wallet', id: wallet.id },
          reason,
          amount: { micros: amount, currency: wallet.currency },
        }),
      },
    );
    const [transaction] = await this.reads.transactionsByIds([posted.transactionId]);
    return transaction;
  }
}
