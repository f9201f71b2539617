import { Injectable } from '@nestjs/common';
import { conflict } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import type { CreditGrantView, CreditSource } from '@tally/transport';
import type { PoolClient } from 'pg';
import {
  LedgerRepository,
  type AlongsidePosting,
  type StoredPosting,
} from '../ledger/ledger.repository';
import { Posting, PostingContext, SystemAccount } from '../ledger/ledger.types';
import { contentHash, outcomeOf } from '../ledger/posting-rules';
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
   * Posts like LedgerRepository.post, and in the same database transaction (a crash leaves
   * all or nothing; a replay, the key already in the ledger, writes nothing more): names the
   * grant each claw-back claws back before its entries are drawn, records the grant of each new
   * posting that carries one, and moves the credit a new transfer drew into the wallet it
   * credits.
   */
  async postGranting(
    postings: readonly Posting[],
    contentHashes: readonly string[],
    context: PostingContext,
    enforceFloor: boolean,
    /** More writes of the same database transaction, after the grants' own. */
    alongside?: AlongsidePosting,
  ): Promise<StoredPosting[]> {
    // Transfers come this way too: a deadlock on the key index is redone, as for any posting.
    return this.ledger.redoOnDeadlock(() =>
      this.prisma.inTransaction(async (client) => {
        await recordClawbacks(client, postings);
        const stored = await this.ledger.post(
          postings,
          contentHashes,
          context,
          enforceFloor,
          client,
        );
        // The ledger answers by key, in no particular order.
        const byKey = new Map(stored.map((row) => [row.idempotencyKey, row]));
        for (const posting of postings) {
          const row = byKey.get(posting.idempotencyKey);
          if (row?.created !== true) continue;
          if (posting.grant !== undefined) {
            await recordGrant(client, {
              ...walletCredit(posting),
              transactionId: row.transactionId,
              source: posting.grant.source,
              reason: posting.reason ?? null,
              expiresAt: posting.grant.expiresAt,
              movedFromGrantId: null,
            });
          } else if (MOVES_CREDIT.has(posting.kind)) {
            await moveDrawnCredit(client, posting, row.transactionId);
          }
        }
        await alongside?.(client, stored);
        return stored;
      }),
    );
  }

  async byTransactionId(transactionId: string): Promise<CreditGrantView | null> {
    const { rows } = await this.prisma.pool.query<GrantRow>(
      `SELECT ${GRANT_COLUMNS} FROM account.credit_grants
        WHERE transaction_id = $1 AND moved_from_grant_id IS NULL`,
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
    return this.prisma.inTransaction(async (client) => {
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
}

/** Kinds that move money between two wallets: credit they draw stays credit (moveDrawnCredit). */
const MOVES_CREDIT = new Set(['transfer', 'budget']);

/** Postings that write grants, claw-backs or credit moves beside their entries (postGranting). */
export function carriesCredit(posting: Posting): boolean {
  return (
    posting.grant !== undefined || posting.clawsBack !== undefined || MOVES_CREDIT.has(posting.kind)
  );
}

interface NewGrant {
  readonly walletId: string;
  readonly transactionId: string;
  readonly source: CreditSource;
  readonly amountMicros: bigint;
  readonly reason: string | null;
  readonly expiresAt: Date;
  readonly movedFromGrantId: string | null;
}

/** The wallet a posting credits, and by how much. */
function walletCredit(posting: Posting): { walletId: string; amountMicros: bigint } {
  for (const { account, amountMicros } of posting.lines) {
    if ('walletId' in account && amountMicros > 0n) {
      return { walletId: account.walletId, amountMicros };
    }
  }
  throw new Error(`posting ${posting.idempotencyKey} moves credit but credits no wallet`);
}

/**
 * Each new claw-back's own grant, for the draw trigger to take from first: the grant of the
 * posting it names. A claw-back whose bonus has no grant (posted before grants existed) or
 * that is in the ledger already records nothing; the trigger then draws by the usual rule.
 */
async function recordClawbacks(client: PoolClient, postings: readonly Posting[]) {
  const clawbacks = postings.filter((posting) => posting.clawsBack !== undefined);
  if (clawbacks.length === 0) return;
  await client.query(
    `INSERT INTO account.credit_clawbacks (idempotency_key, grant_id)
     SELECT c.key, g.id
       FROM unnest($1::text[], $2::text[]) AS c(key, bonus_key)
       JOIN account.ledger_transactions t ON t.idempotency_key = c.bonus_key
       JOIN account.credit_grants g ON g.transaction_id = t.id AND g.moved_from_grant_id IS NULL
      WHERE NOT EXISTS (SELECT 1 FROM account.ledger_transactions p WHERE p.idempotency_key = c.key)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [clawbacks.map((posting) => posting.idempotencyKey), clawbacks.map((p) => p.clawsBack!)],
  );
}

/**
 * Credit a new transfer (or budget top-up) took from the paying wallet's grants (the trigger
 * draws it when paid money is short) stays promotional: the credited wallet gets one grant per
 * grant drawn, of the same source, reason and expiry, so it still expires when it would have.
 * Runs in the posting's database transaction, right after it.
 */
export async function moveDrawnCredit(client: PoolClient, posting: Posting, transactionId: string) {
  const { rows } = await client.query<{
    grant_id: string;
    source: CreditSource;
    reason: string | null;
    expires_at: Date;
    drawn: string;
  }>(
    `SELECT g.id AS grant_id, g.source, g.reason, g.expires_at, sum(d.amount_micros)::text AS drawn
       FROM account.credit_draws d JOIN account.credit_grants g ON g.id = d.grant_id
      WHERE d.transaction_id = $1
      GROUP BY g.id ORDER BY g.expires_at, g.id`,
    [transactionId],
  );
  if (rows.length === 0) return;
  const { walletId } = walletCredit(posting);
  for (const row of rows) {
    await recordGrant(client, {
      walletId,
      transactionId,
      source: row.source,
      amountMicros: BigInt(row.drawn),
      reason: row.reason,
      expiresAt: row.expires_at,
      movedFromGrantId: row.grant_id,
    });
  }
}

/**
 * A new grant: all of it open — but for a wallet in debt, whose debt the credit pays first
 * (that part is drawn at once), so the wallet's open credit never exceeds its balance. The
 * posting has just locked the wallet row.
 */
async function recordGrant(client: PoolClient, grant: NewGrant) {
  await client.query(
    `WITH open_credit AS (
       SELECT coalesce(sum(remaining_micros), 0) AS micros FROM account.credit_grants
        WHERE wallet_id = $1 AND remaining_micros > 0
     ), granted AS (
       INSERT INTO account.credit_grants
         (id, wallet_id, transaction_id, source, amount_micros, remaining_micros, reason, expires_at,
          moved_from_grant_id)
       SELECT gen_random_uuid(), w.id, $2::uuid, $3::account."CreditSource", $4::bigint,
              least($4::bigint, greatest(w.balance_micros - o.micros, 0)), $5, $6::timestamptz,
              $7::uuid
         FROM account.wallets w, open_credit o WHERE w.id = $1
       RETURNING id, transaction_id, amount_micros - remaining_micros AS drawn
     )
     INSERT INTO account.credit_draws (grant_id, transaction_id, amount_micros)
     SELECT id, transaction_id, drawn FROM granted WHERE drawn > 0`,
    [
      grant.walletId,
      grant.transactionId,
      grant.source,
      grant.amountMicros.toString(),
      grant.reason,
      grant.expiresAt,
      grant.movedFromGrantId,
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
