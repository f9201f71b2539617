import { Injectable } from '@nestjs/common';
import { conflict } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type { CreditGrantView, CreditSource } from '@tally/transport';
import type { PoolClient } from 'pg';
import { LedgerRepository, type StoredPosting } from '../ledger/ledger.repository';
import { Posting, PostingContext, SystemAccount } from '../ledger/ledger.types';
import { contentHash } from '../ledger/posting-rules';
import { outcomeOf } from '../ledger/post-transaction';
import { validUuids } from '../wallets/wallet.repository';

interface GrantRow {
  id: string;
  wallet_id: string;
  source: CreditSource;
  amount_micros: string;
  remaining_micros: string;
  expired_micros: string;
  reason: string | null;
  created_at: Date;
  expires_at: Date;
  expired_at: Date | null;
}

export interface DueGrant {
  readonly id: string;
  readonly walletId: string;
  readonly expiresAt: Date;
}

export type ExpiryOutcome =
  { readonly status: 'expired'; readonly expiredMicros: bigint } | { readonly status: 'not-due' };

const GRANT_COLUMNS = `id, wallet_id, source, amount_micros::text, remaining_micros::text,
  expired_micros::text, reason, created_at, expires_at, expired_at`;

/**
 * Grants of promotional credit. Their remaining amounts move only inside ledger transactions
 * (the draw trigger of the credit_grants migration, and here): every write below runs in the
 * database transaction of the posting it belongs to, with the wallet row locked.
 */
@Injectable()
export class CreditGrantRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * Posts like LedgerRepository.post, and records the grant of each new posting that carries
   * one, in the same database transaction: a crash leaves both or neither, and a replay (the
   * key already in the ledger) adds no second grant.
   */
  async postGranting(
    postings: readonly Posting[],
    contentHashes: readonly string[],
    context: PostingContext,
    enforceFloor: boolean,
  ): Promise<StoredPosting[]> {
    return this.inTransaction(async (client) => {
      const stored = await this.ledger.post(postings, contentHashes, context, enforceFloor, client);
      // The ledger answers by key, in no particular order.
      const byKey = new Map(stored.map((row) => [row.idempotencyKey, row]));
      for (const posting of postings) {
        const row = byKey.get(posting.idempotencyKey);
        if (posting.grant === undefined || row?.created !== true) continue;
        await recordGrant(client, posting, row.transactionId);
      }
      return stored;
    });
  }

  async byTransactionId(transactionId: string): Promise<CreditGrantView | null> {
    const { rows } = await this.prisma.pool.query<GrantRow>(
      `SELECT ${GRANT_COLUMNS} FROM account.credit_grants WHERE transaction_id = $1`,
      [transactionId],
    );
    return rows.length === 0 ? null : toView(rows[0]);
  }

  /** Every grant of the wallets, soonest expiry first. */
  async byWallets(walletIds: readonly string[]): Promise<CreditGrantView[]> {
    const { rows } = await this.prisma.pool.query<GrantRow>({
      name: 'credit_grants_by_wallets',
      text: `SELECT ${GRANT_COLUMNS} FROM account.credit_grants
              WHERE wallet_id = ANY ($1::uuid[]) ORDER BY expires_at, id`,
      values: [validUuids(walletIds)],
    });
    return rows.map(toView);
  }

  /** Grants whose expiry has come and that have not expired yet, soonest first. */
  async due(limit: number): Promise<DueGrant[]> {
    const { rows } = await this.prisma.pool.query<{
      id: string;
      wallet_id: string;
      expires_at: Date;
    }>(
      `SELECT id, wallet_id, expires_at FROM account.credit_grants
        WHERE expired_at IS NULL AND expires_at <= now() ORDER BY expires_at, id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, walletId: row.wallet_id, expiresAt: row.expires_at }));
  }

  /**
   * Expires one grant: what is left of it leaves the wallet for promotional credit, as
   * `credit-expiry:<grant>:<expiresAt>`, and the grant is marked expired, in one database
   * transaction. The grant is emptied before the posting, so the draw trigger does not take
   * the expiry's debit from the wallet's other grants. A second run finds it expired.
   */
  async expire(grant: DueGrant, context: PostingContext): Promise<ExpiryOutcome> {
    return this.inTransaction(async (client) => {
      // The wallet first, then the grant: the order every posting locks them in.
      await client.query('SELECT 1 FROM account.wallets WHERE id = $1 FOR NO KEY UPDATE', [
        grant.walletId,
      ]);
      const { rows } = await client.query<{ expired: string }>(
        `UPDATE account.credit_grants
            SET expired_micros = remaining_micros, remaining_micros = 0, expired_at = now()
          WHERE id = $1 AND expired_at IS NULL AND expires_at <= now()
          RETURNING expired_micros::text AS expired`,
        [grant.id],
      );
      if (rows.length === 0) return { status: 'not-due' } as const;
      const expired = BigInt(rows[0].expired);
      if (expired > 0n) {
        const posting = expiryPosting(grant, expired);
        const hash = contentHash(posting);
        // Never below zero: a wallet's open credit is part of its balance.
        const [stored] = await this.ledger.post([posting], [hash], context, false, client);
        if (outcomeOf(stored, hash) === 'conflict') {
          throw conflict(`Idempotency key ${posting.idempotencyKey} holds another transaction`, {
            reason: 'IDEMPOTENCY_KEY_REUSED',
          });
        }
      }
      return { status: 'expired', expiredMicros: expired } as const;
    });
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * The grant of a new posting: its wallet credit, all of it open — but for a wallet in debt,
 * whose debt the credit pays first (that part is drawn at once), so the wallet's open credit
 * never exceeds its balance. The posting has just locked the wallet row.
 */
async function recordGrant(client: PoolClient, posting: Posting, transactionId: string) {
  const credit = posting.lines.find((line) => 'walletId' in line.account && line.amountMicros > 0n);
  if (credit === undefined || !('walletId' in credit.account)) {
    throw new Error(`posting ${posting.idempotencyKey} grants credit but credits no wallet`);
  }
  await client.query(
    `WITH open_credit AS (
       SELECT coalesce(sum(remaining_micros), 0) AS micros FROM account.credit_grants
        WHERE wallet_id = $1 AND remaining_micros > 0
     ), granted AS (
       INSERT INTO account.credit_grants
         (id, wallet_id, transaction_id, source, amount_micros, remaining_micros, reason, expires_at)
       SELECT gen_random_uuid(), w.id, $2::uuid, $3::account."CreditSource", $4::bigint,
              least($4::bigint, greatest(w.balance_micros - o.micros, 0)), $5, $6::timestamptz
         FROM account.wallets w, open_credit o WHERE w.id = $1
       RETURNING id, transaction_id, amount_micros - remaining_micros AS drawn
     )
     INSERT INTO account.credit_draws (grant_id, transaction_id, amount_micros)
     SELECT id, transaction_id, drawn FROM granted WHERE drawn > 0`,
    [
      credit.account.walletId,
      transactionId,
      posting.grant!.source,
      credit.amountMicros.toString(),
      posting.reason ?? null,
      posting.grant!.expiresAt,
    ],
  );
}

function expiryPosting(grant: DueGrant, micros: bigint): Posting {
  return {
    kind: 'credit_expiry',
    idempotencyKey: `credit-expiry:${grant.id}:${grant.expiresAt.toISOString()}`,
    lines: [
      { account: { walletId: grant.walletId }, amountMicros: -micros },
      { account: { system: SystemAccount.PromotionalCredit }, amountMicros: micros },
    ],
  };
}

function toView(row: GrantRow): CreditGrantView {
  const amount = BigInt(row.amount_micros);
  const remaining = BigInt(row.remaining_micros);
  const expired = BigInt(row.expired_micros);
  return {
    id: row.id,
    walletId: row.wallet_id,
    source: row.source,
    amountMicros: toWireMicros(amount),
    remainingMicros: toWireMicros(remaining),
    usedMicros: toWireMicros(amount - remaining - expired),
    expiredMicros: toWireMicros(expired),
    reason: row.reason,
    grantedAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    expiredAt: row.expired_at?.toISOString() ?? null,
  };
}
