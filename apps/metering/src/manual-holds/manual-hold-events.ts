import { AUDIT_RECORD_TOPIC } from '@tally/queue';
import type { Actor, AuditRecordMessage } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import type { ByHand } from './manual-workspace';

/** Metering's outbox topics for a suspension by hand, to the suspension queue. */
export const ManualTopic = {
  Suspend: 'manualHold.suspend',
  /** Resumes the namespace unless its debt or a spending cap still holds it. */
  Resume: 'manualHold.resume',
} as const;

export function isManualTopic(topic: string): boolean {
  return topic === ManualTopic.Suspend || topic === ManualTopic.Resume;
}

/** A manual hold as its events and the audit trail name it. */
export interface ManualHold {
  readonly namespace: string;
  readonly tenantId: string;
  readonly walletId: string;
  readonly reason: string;
  readonly actor: Actor;
  readonly since: Date;
}

export interface ManualAction {
  readonly namespace: string;
  readonly reason: string;
}

/**
 * The events of suspending or resuming by hand, queued in the transaction that records the
 * hold or its release: the work on the namespace, and the audit record (account writes it once
 * per key: the hold's namespace and start identify it).
 */
export function manualEvents(
  topic: (typeof ManualTopic)[keyof typeof ManualTopic],
  hold: ManualHold,
  by: ByHand,
): OutboxMessage[] {
  const suspend = topic === ManualTopic.Suspend;
  const record: AuditRecordMessage = {
    actionKey: `${suspend ? 'manual-suspend' : 'manual-resume'}:${hold.namespace}:${hold.since.toISOString()}`,
    kind: suspend ? 'NAMESPACE_SUSPENDED' : 'NAMESPACE_RESUMED',
    actorType: by.actor.type,
    actorId: by.actor.id ?? null,
    requestId: by.requestId,
    tenantId: hold.tenantId,
    targetType: 'namespace',
    targetId: hold.namespace,
    reason: by.reason,
    amountMicros: null,
    currency: null,
    transactionId: null,
  };
  const action: ManualAction = { namespace: hold.namespace, reason: `MANUAL: ${by.reason}` };
  return [
    { topic, payload: { ...action } },
    { topic: AUDIT_RECORD_TOPIC, payload: { ...record } },
  ];
}
