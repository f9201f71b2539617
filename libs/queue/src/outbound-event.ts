import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { appendAllToOutbox, type OutboxSchema } from './outbox';
import { QueueName, type OutboxRoutes } from './queue-names';

/** What integrators can subscribe their webhook endpoints to. */
export const OUTBOUND_EVENT_TYPES = [
  'recharge.succeeded',
  'recharge.failed',
  'wallet.state_changed',
  'namespace.suspended',
  'namespace.resumed',
  'invoice.issued',
  'alert.triggered',
  'alert.resolved',
] as const;

export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];

/**
 * An event for a tenant's integrators, as it is signed and POSTed to their endpoints.
 * `id` is the delivery's identity (integrators deduplicate on it): one event, one id, however
 * often the outbox or a retry re-sends it.
 */
export interface OutboundEvent<T extends Prisma.InputJsonObject = Prisma.InputJsonObject> {
  readonly id: string;
  readonly tenantId: string;
  readonly type: OutboundEventType;
  /** ISO 8601, UTC. */
  readonly occurredAt: string;
  /** Money as micro-unit strings, as everywhere on the wire. */
  readonly data: T;
  /**
   * Set on events that belong to a sequence (a wallet's state changes): billing delivers the
   * events of one key to an endpoint one at a time in `sequence` order, and drops one older
   * than what the endpoint already received. Receivers see the number in `data` too.
   */
  readonly order?: EventOrder;
}

// A type, not an interface: it travels as JSON in the outbox, and only a type literal meets
// Prisma's JSON index signature.
export type EventOrder = {
  readonly key: string;
  /** 1, 2, 3 … per key, without gaps. */
  readonly sequence: number;
};

/** The outbox topic every service writes outbound events under. */
export const OUTBOUND_EVENT_TOPIC = 'outbound.event';

/** Outbox routes that send outbound events to billing's fan-out queue; spread into a service's routes. */
export const outboundEventRoutes: OutboxRoutes = {
  [OUTBOUND_EVENT_TOPIC]: [QueueName.OutboundEvents],
};

export function isOutboundEventType(value: unknown): value is OutboundEventType {
  return (OUTBOUND_EVENT_TYPES as readonly unknown[]).includes(value);
}

/**
 * Records an outbound event in the service's outbox, in the transaction of the change it
 * announces. Any service may emit; billing fans it out to the tenant's endpoints. The
 * service's OutboxRelay must include `outboundEventRoutes` and the OutboundEvents queue.
 */
export async function emitOutboundEvent<T extends Prisma.InputJsonObject>(
  tx: Prisma.TransactionClient,
  schema: OutboxSchema,
  event: NewOutboundEvent<T>,
): Promise<OutboundEvent<T>> {
  const [outbound] = await emitOutboundEvents(tx, schema, [event]);
  return outbound;
}

/** emitOutboundEvent for many events, in one statement. */
export async function emitOutboundEvents<T extends Prisma.InputJsonObject>(
  tx: Prisma.TransactionClient,
  schema: OutboxSchema,
  events: readonly NewOutboundEvent<T>[],
): Promise<OutboundEvent<T>[]> {
  const outbound = events.map((event): OutboundEvent<T> => ({
    id: event.id ?? randomUUID(),
    tenantId: event.tenantId,
    type: event.type,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    data: event.data,
    ...(event.order === undefined ? {} : { order: event.order }),
  }));
  await appendAllToOutbox(
    tx,
    schema,
    OUTBOUND_EVENT_TOPIC,
    outbound.map((event) => ({ ...event })),
  );
  return outbound;
}

export interface NewOutboundEvent<T extends Prisma.InputJsonObject> {
  readonly tenantId: string;
  readonly type: OutboundEventType;
  readonly data: T;
  readonly occurredAt?: Date;
  readonly id?: string;
  readonly order?: EventOrder;
}
