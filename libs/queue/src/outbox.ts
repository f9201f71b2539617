import type { Prisma } from '@prisma/client';

/** The Postgres schemas that own an outbox table, one per service. */
export type OutboxSchema = 'account' | 'billing' | 'metering';

export interface OutboxEvent<T = unknown> {
  /**
   * `<schema>-<outbox row event_id>`: stable across relay retries, so consumers can deduplicate,
   * and unique across database lifetimes (a uuid, not the row's serial id).
   */
  readonly eventId: string;
  readonly topic: string;
  readonly payload: T;
  readonly createdAt: string;
}

/**
 * The events of one relay poll for a queue in BATCHED_QUEUES, as one job. Its consumer makes
 * each event count once, whatever the grouping: after a relay crash the same events can
 * come again in other batches.
 */
export interface OutboxBatch<T = unknown> {
  readonly events: readonly OutboxEvent<T>[];
}

/** The events of a batched queue's job; one relayed before its queue was batched holds one. */
export function eventsOf<T>(data: OutboxBatch<T> | OutboxEvent<T>): readonly OutboxEvent<T>[] {
  return 'events' in data ? data.events : [data];
}

/**
 * Records an event in the same transaction as the change it announces: both commit or
 * neither does. The relay delivers it afterwards, at least once.
 */
export async function appendToOutbox(
  tx: Prisma.TransactionClient,
  schema: OutboxSchema,
  topic: string,
  payload: Prisma.InputJsonValue,
): Promise<void> {
  await appendAllToOutbox(tx, schema, topic, [payload]);
}

/** appendToOutbox for many events of one topic, in one statement. */
export async function appendAllToOutbox(
  tx: Prisma.TransactionClient,
  schema: OutboxSchema,
  topic: string,
  payloads: readonly Prisma.InputJsonValue[],
): Promise<void> {
  if (payloads.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${schema}".outbox (topic, payload) SELECT $1, p::jsonb FROM unnest($2::text[]) p`,
    topic,
    payloads.map((payload) => JSON.stringify(payload)),
  );
}
