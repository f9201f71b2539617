import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import { StripeEvents } from '../support/stripe-events';
import { StripeStub } from '../support/stripe-stub';

const SECRET = `whsec_test_${randomUUID().replace(/-/g, '')}`;
const START = `mutation ($input: StartRechargeInput!) { startRecharge(input: $input) { id amount bonus } }`;
const RECHARGE = `query ($id: ID!) { recharge(id: $id) { status bonus } }`;
const BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;

/**
 * Bonuses (a 5 % tier from 100, and 10 % on a tenant's first successful recharge, once) and
 * refunds (partial, repeated, out of order, before the payment is even known), each with its
 * share of the bonus clawed back.
 */
describe('bonuses and refunds', () => {
  const suite = new GatewaySuite();
  const stripe = new StripeStub();
  const events = new StripeEvents(() => suite.cluster.url('gateway'), SECRET);
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.connect();
    await suite.start(['gateway', 'account', 'billing'], {
      STRIPE_API_URL: await stripe.start(),
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: SECRET,
      TALLY_BONUS_TIERS: '[{"minAmount":"100","percent":5}]',
      TALLY_FIRST_RECHARGE_BONUS_PERCENT: '10',
      TALLY_BONUS_EXPIRY_DAYS: '30',
    });
  });
  afterAll(async () => {
    await db.end();
    await suite.stop();
    await stripe.stop();
  });

  async function start(walletId: string, amount: string) {
    const reply = await suite.admin<{ startRecharge: { id: string; bonus: string } }>(START, {
      input: { walletId, amount, idempotencyKey: randomUUID() },
    });
    expect(reply.errors).toBeUndefined();
    const { id, bonus } = reply.data!.startRecharge;
    const { rows } = await db.query<{ stripe_session_id: string }>(
      'SELECT stripe_session_id FROM billing.recharges WHERE id = $1',
      [id],
    );
    return { id, bonus, sessionId: rows[0].stripe_session_id };
  }

  const balance = async (walletId: string) =>
    (await suite.admin<{ wallet: { balance: string } }>(BALANCE, { id: walletId })).data!.wallet
      .balance;

  const credits = async (walletId: string) =>
    (
      await suite.admin<{ wallet: { credits: Record<string, string>[] } }>(
        `query ($id: ID!) { wallet(id: $id) { credits { source amount remaining used } } }`,
        { id: walletId },
      )
    ).data!.wallet.credits;

  async function settles(walletId: string, expected: string): Promise<void> {
    await waitFor(`balance ${expected}`, async () =>
      (await balance(walletId)) === expected ? true : undefined,
    );
  }

  async function deliver(payload: string): Promise<void> {
    expect((await events.post(payload)).status).toBe(200);
  }

  it('gives the first bonus to the first recharge that succeeds, and the tier to both', async () => {
    const { walletId } = await suite.newTenant('Bonus');
    const big = await start(walletId, '200'); // 5 % tier + 10 % first, if it gets there first
    const small = await start(walletId, '50'); // no tier; 10 % first, if it gets there first
    expect([big.bonus, small.bonus]).toEqual(['30.000000', '5.000000']);

    await deliver(events.completed({ id: small.sessionId, rechargeId: small.id }, 5000));
    await settles(walletId, '55.000000');
    await deliver(events.completed({ id: big.sessionId, rechargeId: big.id }, 20000));
    await settles(walletId, '265.000000'); // 55 + 200 + the 5 % tier only

    const reply = await suite.admin<{ recharge: { bonus: string; status: string } }>(RECHARGE, {
      id: big.id,
    });
    expect(reply.data!.recharge).toEqual({ bonus: '10.000000', status: 'SUCCEEDED' });
    const grants = await suite.admin<{
      wallet: { credits: { amount: string; expiresAt: string }[] };
    }>(`query ($id: ID!) { wallet(id: $id) { credits { amount expiresAt } } }`, { id: walletId });
    const inDays = (at: string) => (Date.parse(at) - Date.now()) / 86_400_000;
    expect(grants.data!.wallet.credits.map((c) => c.amount).sort()).toEqual([
      '10.000000',
      '5.000000',
    ]);
    for (const grant of grants.data!.wallet.credits) {
      expect(inDays(grant.expiresAt)).toBeGreaterThan(29.9);
      expect(inDays(grant.expiresAt)).toBeLessThanOrEqual(30);
    }
  });

  it('debits refunds with their share of the bonus, in any order, once', async () => {
    const { walletId } = await suite.newTenant('Refunded');
    const recharge = await start(walletId, '200'); // bonus 10 + 20
    const paymentIntent = `pi_${randomUUID().replace(/-/g, '')}`;
    // A refund before Stripe's word on the payment: retried until the payment is known.
    await deliver(events.refunded(paymentIntent, 20000, 5000));
    await deliver(
      events.completed({ id: recharge.sessionId, rechargeId: recharge.id, paymentIntent }, 20000),
    );
    // 230 credited; 50 refunded with 7.5 of the 30 bonus.
    await settles(walletId, '172.500000');
    // The bonus is a grant expiring TALLY_BONUS_EXPIRY_DAYS on; the claw-back came out of it.
    expect(await credits(walletId)).toEqual([
      { source: 'BONUS', amount: '30.000000', remaining: '22.500000', used: '7.500000' },
    ]);

    const full = events.refunded(paymentIntent, 20000, 20000);
    await deliver(full);
    await deliver(events.refunded(paymentIntent, 20000, 5000)); // late and stale
    await deliver(full); // again
    await settles(walletId, '0.000000');
    expect((await credits(walletId))[0].remaining).toBe('0.000000');
    const reply = await suite.admin<{ recharge: { status: string } }>(RECHARGE, {
      id: recharge.id,
    });
    expect(reply.data!.recharge.status).toBe('REFUNDED');
    const { rows } = await db.query<{ idempotency_key: string }>(
      `SELECT idempotency_key FROM account.ledger_transactions
        WHERE idempotency_key LIKE '%' || $1 || '%' ORDER BY idempotency_key`,
      [recharge.id],
    );
    expect(rows.map((r) => r.idempotency_key)).toEqual([
      `stripe-bonus-clawback:${recharge.id}:200000000`,
      `stripe-bonus-clawback:${recharge.id}:50000000`,
      `stripe-refund:${recharge.id}:200000000`,
      `stripe-refund:${recharge.id}:50000000`,
    ]);
  });

  it('claws a refunded recharge’s bonus back from its own grant, though another expires first', async () => {
    const { walletId } = await suite.newTenant('Clawed');
    const first = await start(walletId, '50'); // the 10 % first-recharge bonus: 5
    await deliver(events.completed({ id: first.sessionId, rechargeId: first.id }, 5000));
    await settles(walletId, '55.000000');
    const second = await start(walletId, '200'); // the 5 % tier: 10, expiring after the 5
    const paymentIntent = `pi_${randomUUID().replace(/-/g, '')}`;
    await deliver(
      events.completed({ id: second.sessionId, rechargeId: second.id, paymentIntent }, 20000),
    );
    await settles(walletId, '265.000000');

    const full = events.refunded(paymentIntent, 20000, 20000);
    await deliver(full);
    await settles(walletId, '55.000000');
    await deliver(full); // again: nothing more
    // Soonest expiry first: the first bonus is untouched, the refunded one clawed back whole.
    expect(await credits(walletId)).toEqual([
      { source: 'BONUS', amount: '5.000000', remaining: '5.000000', used: '0.000000' },
      { source: 'BONUS', amount: '10.000000', remaining: '0.000000', used: '10.000000' },
    ]);
    expect(await balance(walletId)).toBe('55.000000');
  });

  it('credits a paid session whose webhook never came, once, and then the webhook changes nothing', async () => {
    const { walletId, owner } = await suite.newTenant('Lost webhook');
    const recharge = await start(walletId, '20'); // no bonus: below the tier, first 10 % = 2
    stripe.pay(recharge.sessionId);
    const RECONCILE = `mutation { reconcileStripe(hours: 1) { sessionsSeen credited } }`;
    expect(outcome(await suite.gql(owner, RECONCILE))).toBe('FORBIDDEN');

    const first = await suite.admin<{ reconcileStripe: { credited: number } }>(RECONCILE);
    expect(first.data!.reconcileStripe.credited).toBeGreaterThanOrEqual(1);
    expect(await balance(walletId)).toBe('22.000000');
    const again = await suite.admin<{
      reconcileStripe: { sessionsSeen: number; credited: number };
    }>(RECONCILE);
    expect(again.data!.reconcileStripe.credited).toBe(0);

    // The webhook turns up after all: the same key, nothing more.
    await deliver(events.completed({ id: recharge.sessionId, rechargeId: recharge.id }, 2000));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await balance(walletId)).toBe('22.000000');
  });
});
