import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatMicros, parseWireMicros } from '@tally/money';
import { SequenceGate, type OutboxEvent } from '@tally/queue';
import { RpcClient } from '@tally/transport';
import type { SendMailOptions } from 'nodemailer';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { METERING } from '../peers/metering-principal';
import { walletOrderKey, type DebtNotice } from './debt-events';

export const MAILER = Symbol('MAILER');

/** What a notice needs of nodemailer's Transporter. */
export interface Mailer {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

const SUBJECTS: Record<DebtNotice['to'], string> = {
  NORMAL: 'Your balance is back in good standing',
  LOW_BALANCE: 'Your balance is running low',
  CRITICAL: 'Your balance runs out within the hour',
  SUSPENDED: 'Your workloads are suspended: the balance is below zero',
  RECLAIMED: 'Your workloads were removed after a long suspension',
};

const logger = new Logger('TenantMail');

/** Longest a notice holds its wallet's turn; a worker that died mid-send frees it then. */
const LEASE_MS = 120_000;

export type NoticeOutcome = Awaited<ReturnType<SequenceGate['inTurn']>>;

/**
 * E-mails a tenant's owners and admins about a change of one of its wallets' debt state, in
 * the order of the wallet's transitions (their sequence number): one notice of a wallet at a
 * time, each after its predecessor, and never one older than a notice already sent
 * (SequenceGate).
 */
@Injectable()
export class SendDebtNotice {
  private readonly logger = new Logger(SendDebtNotice.name);

  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(RpcClient) private readonly rpc: Pick<RpcClient, 'send'>,
    @Inject(SequenceGate) private readonly gate: Pick<SequenceGate, 'inTurn'>,
  ) {}

  /** 'wait': the notice's turn has not come; ask again shortly. */
  async execute(event: OutboxEvent<DebtNotice>, now = new Date()): Promise<NoticeOutcome> {
    const { sequence, walletId, at } = event.payload;
    // Queued before transitions were numbered: as it was then, at once.
    if (sequence === undefined) {
      await this.send(event);
      return 'sent';
    }
    // A notice waits a while for the wallet's earlier ones (retrying after an SMTP or
    // account-service failure, say): see PATIENCE_MS.
    const outcome = await this.gate.inTurn(
      `mail/${walletOrderKey(walletId)}`,
      sequence,
      { leaseMs: LEASE_MS, since: new Date(at), now },
      () => this.send(event),
    );
    if (outcome === 'stale') {
      this.logger.warn({ walletId, sequence }, 'debt notice dropped: a later one was sent');
    }
    return outcome;
  }

  private async send({ eventId, payload: notice }: OutboxEvent<DebtNotice>): Promise<void> {
    await mailTenantContacts(this.rpc, this.mailer, notice.tenantId, {
      from: this.config.TALLY_MAIL_FROM,
      subject: SUBJECTS[notice.to],
      // One message per transition: the event id keeps retries from looking like new notices.
      messageId: `<${eventId}@tally>`,
      // Where it stands in the wallet's sequence, for mail filters (and tests) to order by.
      headers: notice.sequence === undefined ? {} : { 'X-Tally-Sequence': String(notice.sequence) },
      text: [
        `Wallet ${notice.walletId} moved from ${notice.from} to ${notice.to} at ${notice.at}.`,
        `Why: ${notice.cause}.`,
        `Balance: ${formatMicros(parseWireMicros(notice.balanceMicros))}.`,
      ].join('\n'),
    });
  }
}

/** Sends `mail` to the tenant's owners and admins (the account service knows who they are). */
export async function mailTenantContacts(
  rpc: Pick<RpcClient, 'send'>,
  mailer: Mailer,
  tenantId: string,
  mail: SendMailOptions,
): Promise<void> {
  const { emails } = await rpc.send('account.tenants.contacts', {
    principal: METERING,
    input: { tenantId },
  });
  if (emails.length === 0) {
    logger.warn({ tenantId }, 'no owner or admin e-mail to notify');
    return;
  }
  await mailer.sendMail({ ...mail, to: emails });
}
