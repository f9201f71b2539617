import { formatMicros, toWireMicros } from '@tally/money';
import type { MicrosString } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import type { CapDecision, CapHold } from './spending-cap-policy';

/** Metering's outbox topics for what reaching or leaving a spending cap sets in motion. */
export const SpendingCapTopic = {
  /** → the suspension queue: suspend the held scope's namespaces. */
  Suspend: 'spendingCap.suspend',
  /** → the suspension queue: resume those not held for another reason. */
  Resume: 'spendingCap.resume',
  /** → the notification queue: e-mail the tenant's owners and admins. */
  Notify: 'spendingCap.notify',
} as const;

export function isCapTopic(topic: string): boolean {
  return topic === SpendingCapTopic.Suspend || topic === SpendingCapTopic.Resume;
}

/** The reason suspension records for a cap (the namespace's tally.dev/reason starts with it). */
export const SPENDING_CAP = 'SPENDING_CAP';

export interface CapAction {
  readonly scopeId: string;
  readonly walletId: string;
  readonly namespaces: readonly string[];
  readonly reason: string;
}

export interface CapNotice {
  readonly scopeId: string;
  readonly scopeKind: CapHold['scopeKind'];
  readonly tenantId: string;
  readonly walletId: string;
  readonly reached: boolean;
  readonly capMicros: MicrosString;
  readonly spentMicros: MicrosString;
  readonly why: string;
  readonly at: string;
}

/** The events of one decision, queued in the transaction that records it. */
export function capEvents(decision: CapDecision, now: Date): OutboxMessage[] {
  const { hold } = decision;
  const reason = `${SPENDING_CAP}: ${formatMicros(hold.spentMicros)} spent this month, cap ${formatMicros(hold.capMicros)}`;
  const action = (namespaces: readonly string[]): CapAction => ({
    scopeId: hold.scopeId,
    walletId: hold.walletId,
    namespaces,
    reason,
  });
  const notice = (reached: boolean, why: string): CapNotice => ({
    scopeId: hold.scopeId,
    scopeKind: hold.scopeKind,
    tenantId: hold.tenantId,
    walletId: hold.walletId,
    reached,
    capMicros: toWireMicros(hold.capMicros),
    spentMicros: toWireMicros(hold.spentMicros),
    why,
    at: now.toISOString(),
  });
  switch (decision.kind) {
    case 'reach':
      return [
        { topic: SpendingCapTopic.Suspend, payload: { ...action(hold.namespaces) } },
        {
          topic: SpendingCapTopic.Notify,
          payload: { ...notice(true, 'the month spend reached the cap') },
        },
      ];
    case 'extend':
      return [{ topic: SpendingCapTopic.Suspend, payload: { ...action(decision.added) } }];
    case 'release':
      return [
        { topic: SpendingCapTopic.Resume, payload: { ...action(hold.namespaces) } },
        { topic: SpendingCapTopic.Notify, payload: { ...notice(false, decision.why) } },
      ];
  }
}

/** The sweep's re-suspension of a held scope: catches workloads created while it is held. */
export function stillHeld(hold: CapHold): OutboxMessage {
  const action: CapAction = {
    scopeId: hold.scopeId,
    walletId: hold.walletId,
    namespaces: hold.namespaces,
    reason: `${SPENDING_CAP}: still held (periodic sweep)`,
  };
  return { topic: SpendingCapTopic.Suspend, payload: { ...action } };
}
