import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import {
  personReason,
  type Authenticated,
  type CreditGrantView,
  type RpcRequest,
} from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { auditActorOf } from '../audit/audit-entry';
import { auditPosted } from '../audit/audit-posting';
import { AuditRepository } from '../audit/audit.repository';
import { SystemAccount, type Posting } from '../ledger/ledger.types';
import { assertBalanced, contentHash, outcomeOf } from '../ledger/posting-rules';
import { postingContextOf, tenantScopedKey } from '../ledger/posting-context';
import { isoInstant } from '../ledger/posting-request';
import { WalletRepository } from '../wallets/wallet.repository';
import { CreditGrantRepository } from './credit-grant.repository';

type GrantInput = RpcRequest<'account.credits.grant'>['input'];

/**
 * Finance grants promotional credit: one ledger transaction from system:promotional_credit
 * into the wallet, recorded as a grant that is spent before paid money and expires at
 * `expiresAt`, with a CREDIT_GRANTED record in the audit trail committed with it. A replay
 * (same key, same content) answers the first grant and records nothing more.
 */
@Injectable()
export class GrantCredit {
  constructor(
    private readonly wallets: WalletRepository,
    private readonly access: TenantAccess,
    private readonly grants: CreditGrantRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ principal, input }: Authenticated<GrantInput>): Promise<CreditGrantView> {
    // Authorization before validation: a caller without the right learns nothing about input.
    const wallet = await this.wallets.byId(input.walletId);
    if (wallet === null) throw notFound('Wallet', input.walletId);
    await this.access.assert(principal, wallet.tenantId, 'adjust');
    const amount = parseWireMicros(input.amountMicros, { sign: 'positive', label: 'amount' });
    const expiresAt = futureInstant(input.expiresAt);
    const reason = personReason(input.reason);

    const key = input.idempotencyKey ?? contentKey(wallet.id, amount, expiresAt, reason);
    const posting: Posting = {
      kind: 'credit_grant',
      idempotencyKey: tenantScopedKey('credit-grant', wallet.tenantId, key),
      reason,
      grant: { source: 'GRANT', expiresAt },
      lines: [
        { account: { walletId: wallet.id }, amountMicros: amount },
        { account: { system: SystemAccount.PromotionalCredit }, amountMicros: -amount },
      ],
    };
    assertBalanced(posting);
    const hash = contentHash(posting);
    const context = postingContextOf(principal);
    const [stored] = await this.grants.postGranting(
      [posting],
      [hash],
      context,
      true,
      auditPosted(this.audit, {
        kind: 'CREDIT_GRANTED',
        ...auditActorOf(context),
        tenantId: wallet.tenantId,
        target: { type: 'wallet', id: wallet.id },
        reason,
        amount: { micros: amount, currency: wallet.currency },
      }),
    );
    // A grant-less transaction under the key, or a grant with another expiry, is another one.
    const grant =
      outcomeOf(stored, hash) === 'conflict'
        ? null
        : await this.grants.byTransactionId(stored.transactionId);
    if (grant === null || grant.expiresAt !== expiresAt.toISOString()) {
      throw conflict(`Idempotency key ${key} was already used for a different transaction`, {
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    }
    return grant;
  }
}

/** An expiry must lie ahead: credit that has expired already cannot be granted. */
function futureInstant(text: string): Date {
  const at = isoInstant(text, 'expiresAt', 'BAD_EXPIRY');
  if (at.getTime() <= Date.now()) {
    throw badInput('expiresAt must be in the future', { reason: 'EXPIRY_IN_PAST' });
  }
  return at;
}

/** Without a caller's key, the same grant sent twice is one grant. */
function contentKey(walletId: string, amount: bigint, expiresAt: Date, reason: string): string {
  const canonical = JSON.stringify([walletId, amount.toString(), expiresAt.toISOString(), reason]);
  return `auto:${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
