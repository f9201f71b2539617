import type { Prisma } from '@prisma/client';

/** The fields of a Checkout Session that billing reads. */
export interface SessionFields {
  readonly id: string;
  readonly rechargeId: string | null;
  readonly paymentStatus: string | null;
  readonly amountTotal: number | null;
  /** Lower case, as Stripe writes it. */
  readonly currency: string | null;
  readonly paymentIntentId: string | null;
}

/** The Checkout Session a `checkout.session.*` event is about. */
export function sessionOf(payload: Prisma.JsonValue): SessionFields {
  return sessionFields(field(field(payload, 'data'), 'object'));
}

/** A Checkout Session object (from an event, or from Stripe's API) as billing reads it. */
export function sessionFields(object: Prisma.JsonValue | undefined): SessionFields {
  const id = field(object, 'id');
  if (typeof id !== 'string') throw new Error('event has no data.object.id');
  const metadataId = field(field(object, 'metadata'), 'rechargeId');
  const reference = field(object, 'client_reference_id');
  const rechargeId =
    typeof metadataId === 'string' ? metadataId : typeof reference === 'string' ? reference : null;
  const paymentStatus = field(object, 'payment_status');
  const amountTotal = field(object, 'amount_total');
  const currency = field(object, 'currency');
  const paymentIntent = field(object, 'payment_intent');
  return {
    paymentIntentId: typeof paymentIntent === 'string' ? paymentIntent : null,
    id,
    rechargeId: rechargeId !== null && UUID.test(rechargeId) ? rechargeId : null,
    paymentStatus: typeof paymentStatus === 'string' ? paymentStatus : null,
    amountTotal: typeof amountTotal === 'number' ? amountTotal : null,
    currency: typeof currency === 'string' ? currency : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value[name]` when `value` is a JSON object; undefined otherwise. */
export function field(
  value: Prisma.JsonValue | undefined,
  name: string,
): Prisma.JsonValue | undefined {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return value[name];
}
