import type { AuditKind } from '../gql/graphql';

/** Each kind of action as a person says it. */
export const AUDIT_KINDS: Readonly<Record<AuditKind, string>> = {
  BALANCE_ADJUSTED: 'Balance adjusted',
  CREDIT_GRANTED: 'Credit granted',
  RECHARGE_REFUNDED: 'Recharge refunded',
  INVOICE_VOIDED: 'Invoice voided',
  INVOICE_REISSUED: 'Invoice reissued',
  NAMESPACE_SUSPENDED: 'Namespace suspended',
  NAMESPACE_RESUMED: 'Namespace resumed',
};

const ACTOR_TYPES: Readonly<Record<string, string>> = {
  user: 'User',
  api_key: 'API key',
  admin_key: 'Platform admin key',
};

/** Who acted: "User 0b7e…" or the admin key, which has no id. */
export function describeActor(actorType: string, actorId: string | null): string {
  const kind = ACTOR_TYPES[actorType] ?? actorType;
  return actorId === null ? kind : `${kind} ${actorId}`;
}

export function isAuditKind(text: string): text is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, text);
}
