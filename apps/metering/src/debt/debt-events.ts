import { randomUUID } from 'node:crypto';
import { toWireMicros } from '@tally/money';
import {
  OUTBOUND_EVENT_TOPIC,
  type EventOrder,
  type OutboundEvent,
  type OutboundEventType,
} from '@tally/queue';
import type { DebtState, MicrosString } from '@tally/transport';
import { isSuspended } from './debt-policy';
import type { Evaluation, OutboxMessage } from './debt.repository';

/** Metering's outbox topics for what a debt transition sets in motion. */
export const DebtTopic = {
  /** → the suspension queue: suspend every namespace drawing on the wallet. */
  SuspendWallet: 'wallet.suspend',
  /** → the suspension queue: resume them. */
  ResumeWallet: 'wallet.resume',
  /** → the suspension queue: delete their workloads (only when reclaiming is enabled). */
  ReclaimWallet: 'wallet.reclaim',
  /** → the notification queue: e-mail the tenant's owners and admins. */
  Notify: 'debt.notify',
} as const;

/** An outbound webhook event (billing delivers it to the tenant's endpoints). */
export function outbound(
  tenantId: string,
  type: OutboundEventType,
  data: Record<string, string | number>,
  now = new Date(),
  order?: EventOrder,
): OutboxMessage {
  const event: OutboundEvent<Record<string, string | number>> = {
    id: randomUUID(),
    tenantId,
    type,
    occurredAt: now.toISOString(),
    data,
    ...(order === undefined ? {} : { order }),
  };
  return { topic: OUTBOUND_EVENT_TOPIC, payload: { ...event } };
}

/** The sequence of a wallet's transitions, for the notices and webhooks that announce them. */
export function walletOrderKey(walletId: string): string {
  return `wallet:${walletId}`;
}

export interface WalletAction {
  readonly walletId: string;
  readonly reason: string;
}

export interface DebtNotice {
  readonly walletId: string;
  readonly tenantId: string;
  readonly from: DebtState;
  readonly to: DebtState;
  readonly cause: string;
  readonly balanceMicros: MicrosString;
  readonly at: string;
  /**
   * The transition's number in its wallet's sequence (1, 2, 3 …): notices go out in this
   * order. Absent on notices queued before there were numbers.
   */
  readonly sequence?: number;
}

/** Everything one transition announces or sets in motion, in the order it is queued. */
export function transitionEvents(
  evaluation: Evaluation,
  from: DebtState,
  to: DebtState,
  cause: string,
  now: Date,
  sequence: number,
): OutboxMessage[] {
  const notice: Required<DebtNotice> = {
    walletId: evaluation.walletId,
    tenantId: evaluation.tenantId,
    from,
    to,
    cause,
    balanceMicros: toWireMicros(evaluation.balanceMicros),
    at: now.toISOString(),
    sequence,
  };
  const action: WalletAction = { walletId: evaluation.walletId, reason: `${to}: ${cause}` };
  const order = { key: walletOrderKey(evaluation.walletId), sequence };
  const events: OutboxMessage[] = [
    { topic: DebtTopic.Notify, payload: { ...notice } },
    outbound(evaluation.tenantId, 'wallet.state_changed', { ...notice }, now, order),
  ];
  if (to === 'RECLAIMED') events.push({ topic: DebtTopic.ReclaimWallet, payload: { ...action } });
  else if (!isSuspended(from) && isSuspended(to)) {
    events.push({ topic: DebtTopic.SuspendWallet, payload: { ...action } });
  } else if (isSuspended(from) && !isSuspended(to)) {
    events.push({ topic: DebtTopic.ResumeWallet, payload: { ...action } });
  }
  return events;
}
