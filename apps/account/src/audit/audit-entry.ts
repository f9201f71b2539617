import type { AuditKind, AuditTargetType } from '@tally/transport';
import type { Actor, PostingContext } from '../ledger/ledger.types';

/**
 * One action by a person, to be written to the audit trail. `actionKey` is the action's own
 * identity (a ledger idempotency key, `invoice-void:<id>`...): the trail keeps one record per
 * key, so an action that is replayed or redelivered is recorded once.
 */
export interface AuditEntry {
  readonly actionKey: string;
  readonly kind: AuditKind;
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly tenantId: string;
  readonly target: { readonly type: AuditTargetType; readonly id: string };
  readonly reason: string;
  readonly amount: { readonly micros: bigint; readonly currency: string } | null;
  readonly transactionId: string | null;
}

/** Who acted and in which request, as the ledger already records it for a posting. */
export function auditActorOf(context: PostingContext): Pick<AuditEntry, 'actor' | 'requestId'> {
  return { actor: context.actor, requestId: context.requestId ?? null };
}
