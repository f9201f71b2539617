import { Inject, Injectable } from '@nestjs/common';
import { formatMicros, parseWireMicros } from '@tally/money';
import type { OutboxEvent } from '@tally/queue';
import { RpcClient } from '@tally/transport';
import { MAILER, mailTenantContacts, type Mailer } from '../debt/send-debt-notice';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import type { CapNotice } from './spending-cap-events';

const SCOPES: Record<CapNotice['scopeKind'], string> = {
  WORKSPACE: 'workspace',
  SUB_ACCOUNT: 'sub-account',
};

/**
 * E-mails a tenant's owners and admins that one of its scopes reached its spending cap (its
 * workloads are suspended) or was let go (resumed): one message per hold or release, however
 * often the job is retried (the event id is its Message-ID).
 */
@Injectable()
export class SendCapNotice {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(RpcClient) private readonly rpc: Pick<RpcClient, 'send'>,
  ) {}

  async execute({ eventId, payload: notice }: OutboxEvent<CapNotice>): Promise<void> {
    const scope = `${SCOPES[notice.scopeKind]} ${notice.scopeId}`;
    await mailTenantContacts(this.rpc, this.mailer, notice.tenantId, {
      from: this.config.TALLY_MAIL_FROM,
      subject: notice.reached
        ? 'Your workloads are suspended: a spending cap was reached'
        : 'Your workloads resume: a spending cap no longer holds them',
      messageId: `<${eventId}@tally>`,
      headers: { 'X-Tally-Reason': 'SPENDING_CAP' },
      text: [
        notice.reached
          ? `The ${scope} reached its monthly spending cap at ${notice.at}; its namespaces are suspended until the next month or until the cap is raised or removed.`
          : `The ${scope} is no longer held by its monthly spending cap since ${notice.at}: ${notice.why}.`,
        `Spent this month: ${formatMicros(parseWireMicros(notice.spentMicros))}.`,
        `Cap: ${formatMicros(parseWireMicros(notice.capMicros))}.`,
      ].join('\n'),
    });
  }
}
