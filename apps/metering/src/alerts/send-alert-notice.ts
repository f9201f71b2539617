import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatMicros, parseWireMicros } from '@tally/money';
import { SequenceGate, type OutboxEvent } from '@tally/queue';
import { RpcClient, type AlertKind } from '@tally/transport';
import {
  MAILER,
  mailTenantContacts,
  type Mailer,
  type NoticeOutcome,
} from '../debt/send-debt-notice';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { alertOrderKey, type AlertNotice } from './alert-events';

/** Longest a notice holds its alert's turn; a worker that died mid-send frees it then. */
const LEASE_MS = 120_000;

/** What the alert watches, in words, with its threshold. */
const WATCHES: Record<AlertKind, (threshold: string) => string> = {
  AVAILABLE_BALANCE_BELOW: (t) => `available balance below ${formatMicros(parseWireMicros(t))}`,
  MONTHLY_SPEND_ABOVE: (t) => `this month's spend at ${formatMicros(parseWireMicros(t))} or more`,
  MONTHLY_BUDGET_PERCENT_ABOVE: (t) => `this month's spend at ${t} % of the monthly budget or more`,
  RUNS_OUT_WITHIN: (t) => `available balance running out within ${t} h`,
};

/**
 * E-mails a tenant's owners and admins that one of its alerts fired or resolved, in the order
 * of the alert's transitions: a resolved notice never arrives before the triggered one it
 * resolves (SequenceGate, as for debt notices).
 */
@Injectable()
export class SendAlertNotice {
  private readonly logger = new Logger(SendAlertNotice.name);

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(RpcClient) private readonly rpc: Pick<RpcClient, 'send'>,
    @Inject(SequenceGate) private readonly gate: Pick<SequenceGate, 'inTurn'>,
  ) {}

  /** 'wait': the notice's turn has not come; ask again shortly. */
  async execute(event: OutboxEvent<AlertNotice>, now = new Date()): Promise<NoticeOutcome> {
    const { alertId, sequence, at } = event.payload;
    const outcome = await this.gate.inTurn(
      `mail/${alertOrderKey(alertId)}`,
      sequence,
      { leaseMs: LEASE_MS, since: new Date(at), now },
      () => this.send(event),
    );
    if (outcome === 'stale') {
      this.logger.warn({ alertId, sequence }, 'alert notice dropped: a later one was sent');
    }
    return outcome;
  }

  private async send({ eventId, payload: notice }: OutboxEvent<AlertNotice>): Promise<void> {
    const watches = WATCHES[notice.kind](notice.threshold);
    const triggered = notice.state === 'TRIGGERED';
    await mailTenantContacts(this.rpc, this.mailer, notice.tenantId, {
      from: this.config.TALLY_MAIL_FROM,
      subject: triggered ? `Alert: ${watches}` : `Resolved: ${watches}`,
      // One message per transition: the event id keeps retries from looking like new notices.
      messageId: `<${eventId}@tally>`,
      headers: { 'X-Tally-Alert': notice.alertId, 'X-Tally-Sequence': String(notice.sequence) },
      text: [
        `Alert ${notice.alertId} on wallet ${notice.walletId} ${triggered ? 'fired' : 'resolved'} at ${notice.at}.`,
        `It watches: ${watches}.`,
        `Seen: ${seen(notice)}.`,
      ].join('\n'),
    });
  }
}

function seen(notice: AlertNotice): string {
  if (notice.kind === 'RUNS_OUT_WITHIN') {
    return notice.observed === 'never' ? 'not spending' : `runs out at ${notice.observed}`;
  }
  return formatMicros(parseWireMicros(notice.observed));
}
