import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { formatMicros, parseWireMicros } from '@tally/money';
import { OutboxEvent, QueueName } from '@tally/queue';
import { RpcClient } from '@tally/transport';
import type { Job } from 'bullmq';
import type { Transporter } from 'nodemailer';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { METERING } from '../peers/metering-principal';
import type { DebtNotice } from './debt-events';

export const MAILER = Symbol('MAILER');

const SUBJECTS: Record<DebtNotice['to'], string> = {
  NORMAL: 'Your balance is back in good standing',
  LOW_BALANCE: 'Your balance is running low',
  CRITICAL: 'Your balance runs out within the hour',
  SUSPENDED: 'Your workloads are suspended: the balance is below zero',
  RECLAIMED: 'Your workloads were removed after a long suspension',
};

/** E-mails a tenant's owners and admins about a change of one of its wallets' debt state. */
@Processor(QueueName.Notifications)
export class DebtNoticeProcessor extends WorkerHost {
  private readonly logger = new Logger(DebtNoticeProcessor.name);

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(MAILER) private readonly mailer: Transporter,
    private readonly rpc: RpcClient,
  ) {
    super();
  }

  async process(job: Job<OutboxEvent<DebtNotice>>): Promise<void> {
    const notice = job.data.payload;
    const { emails } = await this.rpc.send('account.tenants.contacts', {
      principal: METERING,
      input: { tenantId: notice.tenantId },
    });
    if (emails.length === 0) {
      this.logger.warn({ tenantId: notice.tenantId }, 'no owner or admin e-mail to notify');
      return;
    }
    await this.mailer.sendMail({
      from: this.config.TALLY_MAIL_FROM,
      to: emails,
      subject: SUBJECTS[notice.to],
      // One message per transition: the event id keeps retries from looking like new notices.
      messageId: `<${job.data.eventId}@tally>`,
      text: [
        `Wallet ${notice.walletId} moved from ${notice.from} to ${notice.to} at ${notice.at}.`,
        `Why: ${notice.cause}.`,
        `Balance: ${formatMicros(parseWireMicros(notice.balanceMicros))}.`,
      ].join('\n'),
    });
  }
}
