import type { PrismaService } from '@tally/prisma';
import { DelayedError, type Job } from 'bullmq';

/** The schemas with a `delivery_sequences` table: the services that deliver in order. */
export type SequenceSchema = 'billing' | 'metering';

/** What a delivery of sequence number `sequence` may do now. */
export type GateDecision =
  /** Deliver it; it holds the key's lease until `finish`. */
  | 'go'
  /** Drop it: the key already delivered it, or a later one. */
  | 'stale'
  /** Try again shortly: another delivery of the key is in flight, or its predecessor is due. */
  | 'wait';

export interface GateState {
  /** The highest sequence number delivered under the key. */
  readonly delivered: number;
  /** Another delivery of the key holds a live lease. */
  readonly leased: boolean;
}

/**
 * The rule, alone: one delivery per key at a time, never one older than what the key already
 * delivered, and — while `patient` — not before its predecessor (numbers of a key are
 * contiguous, so `delivered + 1` is the next one due).
 */
export function decide(state: GateState, sequence: number, patient: boolean): GateDecision {
  if (sequence <= state.delivered) return 'stale';
  if (state.leased) return 'wait';
  if (patient && sequence > state.delivered + 1) return 'wait';
  return 'go';
}

interface GateRow {
  delivered: number;
  leased: boolean;
}

/**
 * Delivers the items of one sequence (a wallet's debt notices, say) in their order, across
 * workers and replicas: per key, `<schema>.delivery_sequences` records the highest number
 * delivered and the one in flight (with a lease, so a crashed worker frees the key). A claim
 * locks the key's row only for its own short transaction; the delivery itself runs outside.
 */
export class SequenceGate {
  constructor(
    private readonly prisma: PrismaService,
    private readonly schema: SequenceSchema,
  ) {}

  /**
   * Starts a key at `sequence` (its predecessors are none of this key's business: an endpoint
   * subscribed after them, say) unless the key is known already.
   */
  async begin(keys: readonly string[], sequences: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    await this.prisma.pool.query(
      `INSERT INTO "${this.schema}".delivery_sequences (key, delivered_sequence)
       SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (key) DO NOTHING`,
      [keys, sequences.map((sequence) => sequence - 1)],
    );
  }

  /**
   * Decides, and on 'go' takes the key's lease for `leaseMs`. `since` is when the item came
   * to be (its event): for PATIENCE_MS after it, the item waits for its predecessor.
   */
  async claim(
    key: string,
    sequence: number,
    { leaseMs, since, now = new Date() }: { leaseMs: number; since: Date; now?: Date },
  ): Promise<GateDecision> {
    const patient = now.getTime() - since.getTime() < PATIENCE_MS;
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "${this.schema}".delivery_sequences (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`,
        key,
      );
      const [row] = await tx.$queryRawUnsafe<GateRow[]>(
        `SELECT delivered_sequence AS delivered,
                coalesce(lease_until > now(), false) AS leased
           FROM "${this.schema}".delivery_sequences WHERE key = $1 FOR UPDATE`,
        key,
      );
      const decision = decide(row, sequence, patient);
      if (decision === 'go') {
        await tx.$executeRawUnsafe(
          `UPDATE "${this.schema}".delivery_sequences
              SET sending_sequence = $2, lease_until = now() + make_interval(secs => $3)
            WHERE key = $1`,
          key,
          sequence,
          leaseMs / 1000,
        );
      }
      return decision;
    });
  }

  /**
   * Delivers item `sequence` of `key` by `send` if its turn has come: claims the key, sends,
   * records it delivered (or, when `send` throws, only frees the key) — 'sent'; otherwise
   * sends nothing and answers 'stale' or 'wait'.
   */
  async inTurn(
    key: string,
    sequence: number,
    options: { leaseMs: number; since: Date; now?: Date },
    send: () => Promise<void>,
  ): Promise<'sent' | Exclude<GateDecision, 'go'>> {
    const decision = await this.claim(key, sequence, options);
    if (decision !== 'go') return decision;
    let delivered = false;
    try {
      await send();
      delivered = true;
      return 'sent';
    } finally {
      await this.finish(key, sequence, delivered);
    }
  }

  /** Ends a claim: records `sequence` as delivered when it was, and frees the key. */
  async finish(key: string, sequence: number, delivered: boolean): Promise<void> {
    await this.prisma.pool.query(
      `UPDATE "${this.schema}".delivery_sequences
          SET delivered_sequence = CASE WHEN $3 THEN greatest(delivered_sequence, $2)
                                        ELSE delivered_sequence END,
              lease_until = CASE WHEN sending_sequence = $2 THEN NULL ELSE lease_until END,
              sending_sequence = CASE WHEN sending_sequence = $2 THEN NULL ELSE sending_sequence END
        WHERE key = $1`,
      [key, sequence, delivered],
    );
  }
}

/**
 * How long an item waits for its predecessor (still retrying after a failure, say) before it
 * goes anyway; a predecessor that comes after it is then dropped, never sent out of order.
 */
export const PATIENCE_MS = 5 * 60_000;

/**
 * Puts a job that must wait for its turn back as delayed for `delayMs`, without spending an
 * attempt (BullMQ's manual delay: the processor then throws DelayedError).
 */
export async function waitForTurn(
  job: Job,
  token: string | undefined,
  delayMs: number,
): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}
