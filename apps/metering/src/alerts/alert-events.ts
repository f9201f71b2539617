import type { AlertKind, AlertState } from '@tally/transport';
import { outbound } from '../debt/debt-events';
import type { OutboxMessage } from '../debt/debt.repository';

/** Metering's outbox topic for an alert's e-mail (the notification queue sends it). */
export const AlertTopic = {
  Notify: 'alert.notify',
} as const;

/** What a transition of an alert announces, by e-mail and as `alert.triggered`/`alert.resolved`. */
export interface AlertNotice {
  readonly alertId: string;
  readonly walletId: string;
  readonly tenantId: string;
  readonly subAccountId: string | null;
  readonly kind: AlertKind;
  /** The threshold, as its kind has it: micro-units, percent or hours. */
  readonly threshold: string;
  readonly state: AlertState;
  /** What was measured against the threshold (observedFigure). */
  readonly observed: string;
  readonly at: string;
  /** The transition's number in the alert's sequence (1, 2, 3 …). */
  readonly sequence: number;
}

/** The sequence of an alert's transitions, for the notices and webhooks that announce them. */
export function alertOrderKey(alertId: string): string {
  return `alert:${alertId}`;
}

/** The e-mail and the webhook event of one transition, queued in its transaction. */
export function alertTransitionEvents(notice: AlertNotice, now: Date): OutboxMessage[] {
  const order = { key: alertOrderKey(notice.alertId), sequence: notice.sequence };
  const type = notice.state === 'TRIGGERED' ? 'alert.triggered' : 'alert.resolved';
  // The webhook's data is flat strings and numbers, like wallet.state_changed's: no
  // subAccountId on a tenant wallet's alert.
  const { subAccountId, ...rest } = notice;
  const data = subAccountId === null ? rest : { ...rest, subAccountId };
  return [
    { topic: AlertTopic.Notify, payload: { ...notice } },
    outbound(notice.tenantId, type, data, now, order),
  ];
}
