import { Injectable } from '@nestjs/common';
import { insufficientFunds, notFound } from '@tally/errors';
import { PrismaService } from '@tally/prisma';
import { ledgerAccountName } from '@tally/transport';
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { Posting, PostingContext } from './ledger.types';

export interface StoredPosting {
  readonly idempotencyKey: string;
  readonly transactionId: string;
  readonly created: boolean;
  readonly contentHash: string;
}

interface PostRow {
  idempotency_key: string;
  transaction_id: string;
  created: boolean;
  content_hash: string;
}

/**
 * Writes that belong to a posting's database transaction (an audit record): given the client
 * of that transaction and what the ledger stored, run after the posting and committed with it.
 */
export type AlongsidePosting = (
  client: PoolClient,
  stored: readonly StoredPosting[],
) => Promise<void>;

const INSUFFICIENT_FUNDS = 'TL422';
const DEADLOCK = '40P01';
const FOREIGN_KEY_VIOLATION = '23503';
const MAX_DEADLOCK_RETRIES = 3;
const POST_TRANSACTIONS = `SELECT * FROM account.post_transactions(
  $1::text[], $2::text[], $3::text[], $4::text[], $5, $6, $7,
  $8::int[], $9::uuid[], $10::text[], $11::bigint[], $12, $13::timestamptz[])`;

@Injectable()
export class LedgerRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Posts many transactions in one round trip through `account.post_transactions` (see the
   * ledger migration; `contentHashes[i]` belongs to `postings[i]`): new keys are written with their entries, balance changes and
   * `ledger.changed` events in one database transaction; known keys are returned as stored.
   */
  async post(
    postings: readonly Posting[],
    contentHashes: readonly string[],
    context: PostingContext,
    enforceFloor: boolean,
    /** A client inside a caller's transaction; by default a pooled connection of its own. */
    db: Pool | PoolClient = this.prisma.pool,
  ): Promise<StoredPosting[]> {
    const lineTx: number[] = [];
    const lineWallets: (string | null)[] = [];
    const lineAccounts: string[] = [];
    const lineAmounts: string[] = [];
    postings.forEach((posting, index) => {
      for (const line of posting.lines) {
        lineTx.push(index + 1);
        lineWallets.push('walletId' in line.account ? line.account.walletId : null);
        lineAccounts.push(ledgerAccountName(line.account));
        lineAmounts.push(line.amountMicros.toString());
      }
    });
    const params = [
      postings.map((p) => p.idempotencyKey),
      postings.map((p) => p.kind),
      contentHashes,
      postings.map((p) => p.reason ?? null),
      context.actor.type,
      context.actor.id ?? null,
      context.requestId ?? null,
      lineTx,
      lineWallets,
      lineAccounts,
      lineAmounts,
      enforceFloor,
      postings.map((p) => p.usageHour ?? null),
    ];
    // A deadlock aborts the caller's whole transaction, so only a posting of our own is redone.
    const attempts = db === this.prisma.pool ? MAX_DEADLOCK_RETRIES : 1;
    const rows = await this.withDeadlockRetry(attempts, () =>
      // Named: each connection parses and plans it once.
      db.query<PostRow>({ name: 'post_transactions', text: POST_TRANSACTIONS, values: params }),
    );
    return rows.rows.map((row) => ({
      idempotencyKey: row.idempotency_key,
      transactionId: row.transaction_id,
      created: row.created,
      contentHash: row.content_hash,
    }));
  }

  /** Posts like `post`, and runs `alongside` in the same database transaction: all or nothing. */
  postAlongside(
    postings: readonly Posting[],
    contentHashes: readonly string[],
    context: PostingContext,
    enforceFloor: boolean,
    alongside: AlongsidePosting,
  ): Promise<StoredPosting[]> {
    return this.redoOnDeadlock(() =>
      this.prisma.inTransaction(async (client) => {
        const stored = await this.post(postings, contentHashes, context, enforceFloor, client);
        await alongside(client, stored);
        return stored;
      }),
    );
  }

  /**
   * A caller's whole transaction around `post` (given its client), run again when Postgres
   * aborts it for a deadlock, as `post` redoes a posting of its own.
   */
  redoOnDeadlock<T>(transaction: () => Promise<T>): Promise<T> {
    return this.withDeadlockRetry(MAX_DEADLOCK_RETRIES, transaction);
  }

  // Wallets are locked in id order, but a batch and a single posting can still meet on the
  // unique index of idempotency keys; Postgres then aborts one side, which is safe to redo.
  private async withDeadlockRetry<T>(attempts: number, run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof DatabaseError && error.code === INSUFFICIENT_FUNDS) {
          throw insufficientFunds(error.message.replace(/^wallet \S+ has/, 'The wallet has'));
        }
        if (error instanceof DatabaseError && error.code === FOREIGN_KEY_VIOLATION) {
          throw notFound('Wallet');
        }
        if (error instanceof DatabaseError && error.code === DEADLOCK && attempt < attempts) {
          continue;
        }
        throw error;
      }
    }
  }
}
