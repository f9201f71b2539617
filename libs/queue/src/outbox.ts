import type { Prisma } from '@prisma/client';

/** The Postgres schemas that own an outbox table, one per service. */
export type OutboxSchema = 'account' | 'billing' | 'metering';

export interface OutboxEvent<T = unknown> {
  /** `<schema>-<outbox row id>`: stable across relay retries, so consumers can deduplicate. */
  readonly eventId: string;
  readonly topic: string;
  readonly payload: T;
  readonly createdAt: string;
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
  await tx.$executeRawUnsafe(
    `INSERT INTO "${schema}".outbox (topic, payload) VALUES ($1, $2::jsonb)`,
    topic,
    JSON.stringify(payload),
  );
}
