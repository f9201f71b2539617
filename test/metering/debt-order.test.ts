import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import { SmtpSink } from '../support/smtp-sink';

const WALLETS = 12;
/** Each flip takes a wallet below zero (SUSPENDED) and back above (NORMAL). */
const FLIPS = 6;
const STEP_MS = 300;
const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id } }
}`;

/** Half of all messages fail their first attempt (by content), so retries come back late. */
const unlucky = (text: string) => createHash('sha256').update(text).digest()[0] % 2 === 0;

/** An integrator's endpoints: refuse the first attempt of unlucky events, keep the rest in order. */
class WebhookReceiver {
  /** Accepted bodies, by path, in the order they were accepted. */
  readonly accepted = new Map<string, { id: string; data: { sequence?: number } }[]>();
  private readonly refused = new Set<string>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          id: string;
          data: { sequence?: number };
        };
        if (unlucky(body.id) && !this.refused.has(body.id)) {
          this.refused.add(body.id);
          res.writeHead(503).end();
          return;
        }
        const path = req.url ?? '';
        this.accepted.set(path, [...(this.accepted.get(path) ?? []), body]);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

interface Wallet {
  readonly tenantId: string;
  readonly walletId: string;
  readonly email: string;
}

/**
 * Debt notices and wallet.state_changed webhooks under load: many wallets flipping between
 * SUSPENDED and NORMAL quickly, two metering replicas sending notices with several workers
 * each, billing delivering webhooks with its twenty, and a mail server and endpoints that
 * refuse half of the first attempts (so retries come back late). Every wallet's mails and
 * webhooks must arrive in the order of its transitions.
 */
describe('debt notices and webhooks under load', () => {
  const suite = new GatewaySuite();
  const account = AccountContext.create(4);
  const receiver = new WebhookReceiver();
  let smtp: SmtpSink;
  const wallets: Wallet[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start({ refuseFirst: unlucky });
    const base = await receiver.start();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      SMTP_URL: smtp.url,
      TALLY_DEBT_SWEEP_SECONDS: '1',
      TALLY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32',
      TALLY_WEBHOOK_TIMEOUT_MS: '2000',
      TALLY_WEBHOOK_RETRY_BASE_MS: '300',
      TALLY_WEBHOOK_RETRY_MAX_DELAY_MS: '1200',
    });
    await suite.cluster.startReplica('metering');
    for (let i = 0; i < WALLETS; i++) {
      const email = `owner-${randomUUID()}@example.test`;
      const tenant = await suite.newTenant(`Flipper ${i}`, email);
      const reply = await suite.gql(tenant.owner, CREATE_ENDPOINT, {
        input: {
          tenantId: tenant.id,
          url: `${base}/t/${tenant.id}`,
          eventTypes: ['wallet.state_changed'],
        },
      });
      expect(reply.errors).toBeUndefined();
      wallets.push({ tenantId: tenant.id, walletId: tenant.walletId, email });
    }
  }, 120_000);

  afterAll(async () => {
    await account.close();
    await suite.stop();
    await smtp.stop();
    await receiver.stop();
  });

  /**
   * One ledger posting of `micros` into (or out of: a finance debit, which the ladder sees at
   * once, where a usage charge only replaces pending usage) the wallet.
   */
  function post(walletId: string, micros: bigint) {
    const [kind, counterpart] =
      micros < 0n
        ? (['adjustment', SystemAccount.Adjustments] as const)
        : (['recharge', SystemAccount.StripeClearing] as const);
    return account.postBatch.execute(
      [
        {
          kind,
          idempotencyKey: `debt-order:${randomUUID()}`,
          lines: [
            { account: { walletId }, amountMicros: micros },
            { account: { system: counterpart }, amountMicros: -micros },
          ],
        },
      ],
      systemJob,
    );
  }

  /** The outbox rows announcing the wallet's transitions, oldest first: the order to keep. */
  async function announced(walletId: string) {
    const { rows } = await account.prisma.pool.query<{
      topic: string;
      eventId: string;
      outboundId: string | null;
    }>(
      `SELECT topic, 'metering-' || event_id AS "eventId", payload->>'id' AS "outboundId"
         FROM metering.outbox
        WHERE (topic = 'debt.notify' AND payload->>'walletId' = $1)
           OR (topic = 'outbound.event' AND payload->>'type' = 'wallet.state_changed'
               AND payload->'data'->>'walletId' = $1)
        ORDER BY id`,
      [walletId],
    );
    return {
      notices: rows.filter((r) => r.topic === 'debt.notify').map((r) => r.eventId),
      webhooks: rows.filter((r) => r.topic === 'outbound.event').map((r) => r.outboundId!),
    };
  }

  const mailsTo = (email: string) =>
    smtp.messages
      .filter((mail) => mail.to.includes(email))
      .map((mail) => ({
        eventId: /^Message-ID: <(.*)@tally>$/im.exec(mail.raw)?.[1],
        sequence: /^X-Tally-Sequence: (\d+)$/im.exec(mail.raw)?.[1],
      }));

  it("delivers every wallet's notices and webhooks in the order of its transitions", async () => {
    // Every wallet flips FLIPS times, all wallets at once, a step every STEP_MS.
    await Promise.all(
      wallets.map(async ({ walletId }) => {
        for (let flip = 0; flip < FLIPS; flip++) {
          await post(walletId, flip === 0 ? -1_000_000n : -2_000_000n); // to -1.00
          await new Promise((resolve) => setTimeout(resolve, STEP_MS));
          await post(walletId, 2_000_000n); // to +1.00
          await new Promise((resolve) => setTimeout(resolve, STEP_MS));
        }
      }),
    );

    // Settled: every wallet NORMAL again, and its last transition's mail and webhook arrived.
    await waitFor(
      'the last notice and webhook of every wallet',
      async () => {
        for (const { walletId, tenantId, email } of wallets) {
          const { rows } = await account.prisma.pool.query<{ state: string }>(
            `SELECT state FROM metering.wallet_debt WHERE wallet_id = $1`,
            [walletId],
          );
          if (rows[0]?.state !== 'NORMAL') return undefined;
          const { notices, webhooks } = await announced(walletId);
          if (!mailsTo(email).some((m) => m.eventId === notices.at(-1))) return undefined;
          const hooks = receiver.accepted.get(`/t/${tenantId}`) ?? [];
          if (!hooks.some((h) => h.id === webhooks.at(-1))) return undefined;
        }
        return true;
      },
      120_000,
      250,
    );

    const received = await Promise.all(
      wallets.map(async ({ walletId, tenantId, email }) => {
        const { notices, webhooks } = await announced(walletId);
        const mails = mailsTo(email);
        const hooks = receiver.accepted.get(`/t/${tenantId}`) ?? [];
        return {
          walletId,
          notices,
          webhooks,
          mails,
          hooks,
          // Where each arrival stands in the wallet's transitions.
          mailPositions: mails.map((m) => notices.indexOf(m.eventId!)),
          hookPositions: hooks.map((h) => webhooks.indexOf(h.id)),
        };
      }),
    );
    const increasing = (positions: number[]) =>
      positions.every((p, i) => i === 0 || p > positions[i - 1]);
    // Mails: each after the one before it, and every one of them (none dropped).
    expect(
      received
        .filter((r) => r.mailPositions.join() !== r.notices.map((_, i) => i).join())
        .map((r) => ({ walletId: r.walletId, mailPositions: r.mailPositions })),
    ).toEqual([]);
    // Webhooks: never one older than one already received, and the last one always.
    expect(
      received
        .filter(
          (r) => !increasing(r.hookPositions) || r.hookPositions.at(-1) !== r.webhooks.length - 1,
        )
        .map((r) => ({ walletId: r.walletId, hookPositions: r.hookPositions })),
    ).toEqual([]);
    // Both carry the transition's number in the wallet's sequence.
    for (const r of received) {
      expect(r.mails.map((m) => Number(m.sequence))).toEqual(r.notices.map((_, i) => i + 1));
      expect(r.hooks.map((h) => h.data.sequence)).toEqual(r.hookPositions.map((p) => p + 1));
    }
    // The load was real: each wallet went SUSPENDED and back at least once.
    const transitions = received.reduce((n, r) => n + r.notices.length, 0);
    expect(transitions).toBeGreaterThanOrEqual(2 * WALLETS);

    // Every delivery settled: delivered, or superseded by a later one of its wallet.
    const { rows: open } = await account.prisma.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM billing.webhook_deliveries d
         JOIN billing.webhook_endpoints e ON e.id = d.endpoint_id
        WHERE e.tenant_id = ANY ($1::uuid[]) AND d.status NOT IN ('DELIVERED', 'SUPERSEDED')`,
      [wallets.map((w) => w.tenantId)],
    );
    expect(open).toEqual([{ n: 0 }]);
  }, 180_000);
});
