import { toWireMicros } from '@tally/money';
import type { GateDecision, OutboxEvent } from '@tally/queue';
import { FakeSequenceGate } from '@tally/testing';
import type { RpcClient } from '@tally/transport';
import type { SendMailOptions } from 'nodemailer';
import type { MeteringConfig } from '../metering.config';
import type { DebtNotice } from './debt-events';
import { SendDebtNotice, type Mailer } from './send-debt-notice';

const WALLET = '00000000-0000-4000-8000-00000000000a';
const notice = (sequence?: number): OutboxEvent<DebtNotice> => ({
  eventId: `metering-${sequence ?? 'legacy'}`,
  topic: 'debt.notify',
  createdAt: '2026-12-01T10:00:00.000Z',
  payload: {
    walletId: WALLET,
    tenantId: '00000000-0000-4000-8000-00000000000b',
    from: 'NORMAL',
    to: 'SUSPENDED',
    cause: 'balance below zero',
    balanceMicros: toWireMicros(-1_500_000n),
    at: '2026-12-01T10:00:00.000Z',
    ...(sequence === undefined ? {} : { sequence }),
  },
});

describe('SendDebtNotice', () => {
  let sent: SendMailOptions[];
  let gate: FakeSequenceGate;
  let failSend: boolean;

  function sender(decision: GateDecision): SendDebtNotice {
    gate = new FakeSequenceGate(decision);
    const mailer: Mailer = {
      sendMail: async (mail) => {
        if (failSend) throw new Error('451 try again later');
        sent.push(mail);
        return {};
      },
    };
    const rpc = { send: async () => ({ emails: ['owner@example.test'] }) } as Pick<
      RpcClient,
      'send'
    >;
    return new SendDebtNotice(
      { TALLY_MAIL_FROM: 'Tally <t@x>' } as MeteringConfig,
      mailer,
      rpc,
      gate,
    );
  }

  beforeEach(() => {
    sent = [];
    failSend = false;
  });

  it("sends a notice in its wallet's turn, saying where it stands, and records it sent", async () => {
    expect(await sender('go').execute(notice(3))).toBe('sent');
    expect(sent).toEqual([
      expect.objectContaining({
        to: ['owner@example.test'],
        subject: 'Your workloads are suspended: the balance is below zero',
        headers: { 'X-Tally-Sequence': '3' },
      }),
    ]);
    expect(gate.log).toEqual([`turn mail/wallet:${WALLET} 3`, `sent mail/wallet:${WALLET} 3`]);
  });

  it('counts a notice the mail server refused as not sent, and fails for a retry', async () => {
    failSend = true;
    await expect(sender('go').execute(notice(3))).rejects.toThrow('451');
    expect(gate.log).toEqual([`turn mail/wallet:${WALLET} 3`, `failed mail/wallet:${WALLET} 3`]);
  });

  it.each<GateDecision>(['wait', 'stale'])(
    'sends nothing when the gate says %s',
    async (decision) => {
      expect(await sender(decision).execute(notice(3))).toBe(decision);
      expect(sent).toEqual([]);
      expect(gate.log).toEqual([`turn mail/wallet:${WALLET} 3`]);
    },
  );

  it('sends a notice queued before transitions were numbered at once', async () => {
    expect(await sender('wait').execute(notice())).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(gate.log).toEqual([]);
  });
});
