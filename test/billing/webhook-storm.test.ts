import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import { StripeEvents } from '../support/stripe-events';

const SECRET = `whsec_test_${randomUUID().replace(/-/g, '')}`;
const WALLETS = 20;
const RECHARGES = 3300;
const REFUNDS = 360;
const DUPLICATES = 1090; // 30 % of the genuine events
const FORGED = 250; // 5 % of the 5,000
const IN_FLIGHT = 50;

interface Recharge {
  readonly id: string;
  readonly walletId: string;
  readonly cents: number;
  readonly sessionId: string;
  readonly paymentIntent: string;
}

/**
 * A webhook storm: 5,000 deliveries — 3,300 paid sessions and 360 refunds, 30 % of them sent
 * twice, all shuffled, and 5 % forged — against the real gateway and billing. Every forged
 * request is refused, and every balance ends exactly where the genuine events put it.
 */
describe('a storm of Stripe webhooks', () => {
  const suite = new GatewaySuite();
  const events = new StripeEvents(() => suite.cluster.url('gateway'), SECRET);
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    await suite.start(['gateway', 'account', 'billing'], { STRIPE_WEBHOOK_SECRET: SECRET });
  });
  afterAll(async () => {
    await db.end();
    await suite.stop();
  });

  /** Recharges as startRecharge leaves them (PENDING, with a session), written directly. */
  async function pendingRecharges(): Promise<Recharge[]> {
    const tenants = await Promise.all(
      Array.from({ length: WALLETS }, (_, i) => suite.newTenant(`storm-${i}`)),
    );
    const recharges = Array.from({ length: RECHARGES }, (_, i) => {
      const tenant = tenants[i % WALLETS];
      const id = randomUUID();
      return {
        id,
        tenantId: tenant.id,
        walletId: tenant.walletId,
        cents: 500 + randomInt(100_000),
        sessionId: `cs_storm_${id.replace(/-/g, '')}`,
        paymentIntent: `pi_storm_${id.replace(/-/g, '')}`,
      };
    });
    await db.query(
      `INSERT INTO billing.recharges
              (id, tenant_id, wallet_id, amount_micros, currency, idempotency_key, stripe_session_id, updated_at)
       SELECT id, tenant_id, wallet_id, cents * 10000, 'USD', id::text, session_id, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[])
                AS r (id, tenant_id, wallet_id, cents, session_id)`,
      [
        recharges.map((r) => r.id),
        recharges.map((r) => r.tenantId),
        recharges.map((r) => r.walletId),
        recharges.map((r) => r.cents),
        recharges.map((r) => r.sessionId),
      ],
    );
    return recharges;
  }

  it('refuses every forged delivery and credits every genuine one exactly once', async () => {
    const recharges = await pendingRecharges();
    const expected = new Map<string, bigint>();
    const add = (walletId: string, cents: number) =>
      expected.set(walletId, (expected.get(walletId) ?? 0n) + BigInt(cents) * 10_000n);

    const genuine: string[] = recharges.map((r) => {
      add(r.walletId, r.cents);
      return events.completed(
        { id: r.sessionId, rechargeId: r.id, paymentIntent: r.paymentIntent },
        r.cents,
      );
    });
    for (const r of recharges.slice(0, REFUNDS)) {
      const refunded = 1 + randomInt(r.cents);
      add(r.walletId, -refunded);
      genuine.push(events.refunded(r.paymentIntent, r.cents, refunded));
    }
    const deliveries = genuine.map((payload) => ({ payload, signature: events.sign(payload) }));
    for (let i = 0; i < DUPLICATES; i++) deliveries.push(deliveries[randomInt(genuine.length)]);
    for (let i = 0; i < FORGED; i++) {
      const payload = genuine[randomInt(genuine.length)];
      deliveries.push(
        i % 2 === 0
          ? { payload, signature: events.sign(payload, 'whsec_forged') }
          : // Signed right, then tampered with on the way.
            {
              payload: payload.replace('"id":"evt_', '"id":"evt_forged_'),
              signature: events.sign(payload),
            },
      );
    }
    shuffle(deliveries);
    expect(deliveries).toHaveLength(5000);

    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < deliveries.length) {
          const { payload, signature } = deliveries[next++];
          statuses.push((await events.post(payload, signature)).status);
        }
      }),
    );
    expect(statuses.filter((s) => s === 400)).toHaveLength(FORGED);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5000 - FORGED);

    const balances = async () => {
      const { rows } = await db.query<{ id: string; balance: string }>(
        'SELECT id, balance_micros::text AS balance FROM account.wallets WHERE id = ANY ($1::uuid[])',
        [[...expected.keys()]],
      );
      return new Map(rows.map((row) => [row.id, BigInt(row.balance)]));
    };
    await waitFor(
      'every balance as the genuine events say',
      async () => {
        const actual = await balances();
        return [...expected].every(([id, micros]) => actual.get(id) === micros) ? true : undefined;
      },
      90_000,
    );
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM account.ledger_transactions
        WHERE idempotency_key = ANY ($1::text[])`,
      [recharges.map((r) => `stripe:${r.sessionId}`)],
    );
    expect(rows[0].n).toBe(String(RECHARGES));
  }, 180_000);
});

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
