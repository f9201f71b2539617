import { randomUUID } from 'node:crypto';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import { SmtpSink } from '../support/smtp-sink';

const HOUR_MS = 3_600_000;
/** Each step is a sweep (every second) or an event away; the bound allows for a loaded machine. */
const STEP_MS = 30_000;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const WALLET = `query ($id: ID!) { wallet(id: $id) { balance debtState } }`;

/**
 * The debt ladder end to end, without Kubernetes: ledger.changed events and the sweep move a
 * wallet between states, each change is recorded once, mailed to the owners, and queued for
 * the suspender (whose own suites test Kubernetes).
 */
describe('debt states', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let account: AccountContext;
  let smtp: SmtpSink;
  let walletId: string;
  let ownerEmail: string;
  let owner: string;

  beforeAll(async () => {
    // A database of its own: the sweep every second then looks at this suite's wallets only,
    // not at every wallet the suites before it charged.
    database = await createScratchDatabase({ migrated: true });
    account = AccountContext.create(10, database.url);
    smtp = await SmtpSink.start();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      TALLY_DEBT_SWEEP_SECONDS: '1',
    });
    ownerEmail = `owner-${randomUUID()}@example.test`;
    ({ walletId, owner } = await suite.newTenant('Debtor', ownerEmail));
  });
  afterAll(async () => {
    await account?.close();
    await suite.stop();
    await smtp?.stop();
    await database?.drop();
  });

  const adjust = (amount: string) =>
    suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'debt test', idempotencyKey: randomUUID() },
    });

  async function debtState(expected: string): Promise<void> {
    await waitFor(
      `wallet ${expected}`,
      async () => {
        const reply = await suite.gql<{ wallet: { debtState: string } }>(owner, WALLET, {
          id: walletId,
        });
        return reply.data?.wallet.debtState === expected ? true : undefined;
      },
      STEP_MS,
    );
  }

  async function transitions(): Promise<string[]> {
    const { rows } = await account.prisma.pool.query<{ t: string }>(
      `SELECT from_state || '>' || to_state AS t FROM metering.debt_transitions
        WHERE wallet_id = $1 ORDER BY id`,
      [walletId],
    );
    return rows.map((row) => row.t);
  }

  async function outboxTopics(): Promise<string[]> {
    const { rows } = await account.prisma.pool.query<{ topic: string }>(
      `SELECT topic FROM metering.outbox WHERE payload->>'walletId' = $1 ORDER BY id`,
      [walletId],
    );
    return rows.map((row) => row.topic);
  }

  it('walks NORMAL → LOW_BALANCE → SUSPENDED → NORMAL, recording and announcing each step once', async () => {
    await adjust('10');
    // One unit an hour of spend, charged in the hour just past: 10 units last 10 h < 24 h.
    await account.prisma.pool.query(
      `INSERT INTO metering.usage_charges (hour, namespace, wallet_id, currency, lines, total_micros, short_hour)
       VALUES ($1, $2, $3, 'USD', '[]', 1000000, false)`,
      [
        new Date((Math.floor(Date.now() / HOUR_MS) - 1) * HOUR_MS),
        `spend-${randomUUID().slice(0, 8)}`,
        walletId,
      ],
    );
    await debtState('LOW_BALANCE'); // found by the sweep

    // A charge takes the balance below zero. A usage charge replaces pending usage, so it sets
    // off no evaluation of its own (an adjustment would): the sweep finds it.
    await account.postBatch.execute(
      [
        {
          kind: 'usage',
          idempotencyKey: `charge:debt-test:${randomUUID()}`,
          usageHour: new Date((Math.floor(Date.now() / HOUR_MS) - 1) * HOUR_MS),
          lines: [
            { account: { walletId }, amountMicros: -10_500_000n },
            { account: { system: SystemAccount.RevenueCpu }, amountMicros: 10_500_000n },
          ],
        },
      ],
      systemJob,
    );
    await debtState('SUSPENDED');

    await adjust('30'); // 29.5 covers more than 24 h: straight back to NORMAL
    await debtState('NORMAL');

    expect(await transitions()).toEqual([
      'NORMAL>LOW_BALANCE',
      'LOW_BALANCE>SUSPENDED',
      'SUSPENDED>NORMAL',
    ]);
    const topics = await outboxTopics();
    expect(topics.filter((t) => t === 'wallet.suspend').length).toBeGreaterThanOrEqual(1);
    expect(topics.filter((t) => t === 'wallet.resume')).toEqual(['wallet.resume']);
    expect(topics.filter((t) => t === 'debt.notify')).toHaveLength(3);
    const { rows: webhooks } = await account.prisma.pool.query<{ to: string }>(
      `SELECT payload->'data'->>'to' AS to FROM metering.outbox
        WHERE topic = 'outbound.event' AND payload->>'type' = 'wallet.state_changed'
          AND payload->'data'->>'walletId' = $1 ORDER BY id`,
      [walletId],
    );
    expect(webhooks.map((w) => w.to)).toEqual(['LOW_BALANCE', 'SUSPENDED', 'NORMAL']);

    await waitFor(
      'three notices',
      async () => (mailTo(ownerEmail).length >= 3 ? true : undefined),
      STEP_MS,
    );
    const subjects = mailTo(ownerEmail).map((mail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1]);
    expect(subjects).toEqual([
      'Your balance is running low',
      'Your workloads are suspended: the balance is below zero',
      'Your balance is back in good standing',
    ]);
  });

  function mailTo(address: string) {
    return smtp.messages.filter((mail) => mail.to.includes(address));
  }
});
