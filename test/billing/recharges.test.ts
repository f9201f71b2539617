import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { outcome } from '../identity/identity-fixtures';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { ensurePriceBook } from '../support/price-books';
import { StripeStub } from '../support/stripe-stub';

const WEBHOOK_SECRET = `whsec_test_${randomUUID().replace(/-/g, '')}`;

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) {
  createTenant(input: $input) { id wallet { id } }
}`;
const START = `mutation ($input: StartRechargeInput!) {
  startRecharge(input: $input) { id amount bonus status checkoutUrl createdAt wallet { id } }
}`;
const RECHARGE = `query ($id: ID!) { recharge(id: $id) { id status amount wallet { id } } }`;
const BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;

interface RechargeReply {
  id: string;
  amount: string;
  bonus: string;
  status: string;
  checkoutUrl: string | null;
  wallet: { id: string };
}

describe('recharges through Stripe Checkout', () => {
  const suite = new GatewaySuite();
  const stripe = new StripeStub();
  const signer = new Stripe('sk_test_x');

  beforeAll(async () => {
    await ensurePriceBook('JPY');
    const apiUrl = await stripe.start();
    await suite.start(['gateway', 'account', 'billing'], {
      STRIPE_API_URL: apiUrl,
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  });
  afterAll(async () => {
    await suite.stop();
    await stripe.stop();
  });

  async function newTenant(currency = 'USD'): Promise<{ walletId: string; owner: string }> {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await suite.admin<{ createTenant: { wallet: { id: string } } }>(CREATE_TENANT, {
      input: { name: 'Acme', currency, ownerExternalId },
    });
    expect(reply.errors).toBeUndefined();
    return { walletId: reply.data!.createTenant.wallet.id, owner: suite.jwt(ownerExternalId) };
  }

  const start = (token: string, walletId: string, amount: string, idempotencyKey = randomUUID()) =>
    suite.gql<{ startRecharge: RechargeReply }>(token, START, {
      input: { walletId, amount, idempotencyKey },
    });

  async function balanceOf(token: string, walletId: string): Promise<string> {
    const reply = await suite.gql<{ wallet: { balance: string } }>(token, BALANCE, {
      id: walletId,
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.wallet.balance;
  }

  async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function completedEvent(
    session: { id: string; rechargeId: string; walletId: string },
    amountTotal: number,
    eventId = `evt_${randomUUID().replace(/-/g, '')}`,
    currency = 'usd',
  ): string {
    return JSON.stringify({
      id: eventId,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: session.id,
          object: 'checkout.session',
          payment_status: 'paid',
          status: 'complete',
          amount_total: amountTotal,
          currency,
          client_reference_id: session.rechargeId,
          metadata: { rechargeId: session.rechargeId, walletId: session.walletId },
        },
      },
    });
  }

  function postWebhook(payload: string, signature?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== undefined) headers['stripe-signature'] = signature;
    return fetch(`${suite.cluster.url('gateway')}/webhooks/stripe`, {
      method: 'POST',
      headers,
      body: payload,
    });
  }

  const sign = (payload: string, secret = WEBHOOK_SECRET) =>
    signer.webhooks.generateTestHeaderString({ payload, secret });

  it('opens a Checkout Session and answers a PENDING recharge with its URL', async () => {
    const { walletId, owner } = await newTenant();
    const before = stripe.sessionCalls().length;
    const reply = await start(owner, walletId, '25.50');
    expect(reply.errors).toBeUndefined();
    const recharge = reply.data!.startRecharge;
    expect(recharge).toMatchObject({
      status: 'PENDING',
      amount: '25.500000',
      bonus: '0.000000',
      wallet: { id: walletId },
    });
    expect(recharge.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);

    const calls = stripe.sessionCalls().slice(before);
    expect(calls).toHaveLength(1);
    const body = calls[0].body;
    expect(body.get('mode')).toBe('payment');
    expect(body.get('line_items[0][price_data][unit_amount]')).toBe('2550');
    expect(body.get('line_items[0][price_data][currency]')).toBe('usd');
    expect(body.get('client_reference_id')).toBe(recharge.id);
    expect(body.get('metadata[rechargeId]')).toBe(recharge.id);
    expect(body.get('metadata[walletId]')).toBe(walletId);
    expect(calls[0].idempotencyKey).toBe(`recharge:${recharge.id}`);
  });

  it('answers a replay with the same recharge and no second session', async () => {
    const { walletId, owner } = await newTenant();
    const key = randomUUID();
    const before = stripe.sessionCalls().length;
    const first = await start(owner, walletId, '10', key);
    const again = await start(owner, walletId, '10', key);
    expect(first.errors).toBeUndefined();
    expect(again.data!.startRecharge).toEqual(first.data!.startRecharge);
    expect(stripe.sessionCalls().length - before).toBe(1);
  });

  it('refuses amounts below the minimum, above the maximum, or finer than a cent', async () => {
    const { walletId, owner } = await newTenant();
    for (const amount of ['4.99', '10000.01', '10.005']) {
      expect(outcome(await start(owner, walletId, amount))).toBe('BAD_USER_INPUT');
    }
  });

  it("treats another tenant's wallet as missing, and hides its recharges", async () => {
    const mine = await newTenant();
    const theirs = await newTenant();
    expect(outcome(await start(mine.owner, theirs.walletId, '10'))).toBe('NOT_FOUND');
    const their = await start(theirs.owner, theirs.walletId, '10');
    const seen = await suite.gql<{ recharge: RechargeReply | null }>(mine.owner, RECHARGE, {
      id: their.data!.startRecharge.id,
    });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.recharge).toBeNull();
  });

  it('credits the wallet once for a signed checkout.session.completed, however often it comes', async () => {
    const { walletId, owner } = await newTenant();
    const started = await start(owner, walletId, '42');
    const recharge = started.data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const session = { id: sessionId, rechargeId: recharge.id, walletId };

    const payload = completedEvent(session, 4200);
    const response = await postWebhook(payload, sign(payload));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });

    await waitFor(async () => (await balanceOf(owner, walletId)) === '42.000000');
    await waitFor(async () => {
      const reply = await suite.gql<{ recharge: RechargeReply }>(owner, RECHARGE, {
        id: recharge.id,
      });
      return reply.data?.recharge?.status === 'SUCCEEDED';
    });

    // The same event again, and another event for the same session: nothing changes.
    expect((await postWebhook(payload, sign(payload))).status).toBe(200);
    const other = completedEvent(session, 4200);
    expect((await postWebhook(other, sign(other))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await balanceOf(owner, walletId)).toBe('42.000000');

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ processed: boolean }>(
        `SELECT processed_at IS NOT NULL AS processed FROM billing.stripe_events WHERE id = ANY($1)`,
        [[(JSON.parse(payload) as { id: string }).id, (JSON.parse(other) as { id: string }).id]],
      );
      expect(rows).toEqual([{ processed: true }, { processed: true }]);
    } finally {
      await db.end();
    }
  });

  it('charges a JPY wallet in whole yen and credits the yen Stripe took, exactly', async () => {
    const { walletId, owner } = await newTenant('JPY');
    const before = stripe.sessionCalls().length;
    const recharge = (await start(owner, walletId, '1500')).data!.startRecharge;
    // JPY has no minor unit: Stripe's amount is the number of yen, not of hundredths.
    const body = stripe.sessionCalls().slice(before)[0].body;
    expect(body.get('line_items[0][price_data][unit_amount]')).toBe('1500');
    expect(body.get('line_items[0][price_data][currency]')).toBe('jpy');

    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const session = { id: sessionId, rechargeId: recharge.id, walletId };
    const payload = completedEvent(session, 1500, undefined, 'jpy');
    expect((await postWebhook(payload, sign(payload))).status).toBe(200);
    await waitFor(async () => (await balanceOf(owner, walletId)) === '1500.000000');
  });

  it('refuses a JPY amount that is not whole yen, and opens no session', async () => {
    const { walletId, owner } = await newTenant('JPY');
    const before = stripe.sessionCalls().length;
    const reply = await start(owner, walletId, '1500.5');
    expect(outcome(reply)).toBe('BAD_USER_INPUT');
    expect(reply.errors![0].extensions).toMatchObject({
      reason: 'NOT_REPRESENTABLE_IN_CURRENCY',
      currency: 'JPY',
    });
    expect(stripe.sessionCalls().length).toBe(before);
  });

  it('never credits a session paid in another currency than the recharge', async () => {
    const { walletId, owner } = await newTenant('JPY');
    const recharge = (await start(owner, walletId, '700')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const session = { id: sessionId, rechargeId: recharge.id, walletId };
    const wrong = completedEvent(session, 700, undefined, 'usd');
    expect((await postWebhook(wrong, sign(wrong))).status).toBe(200);
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const eventError = async () =>
        (
          await db.query<{ error: string | null }>(
            `SELECT error FROM billing.stripe_events WHERE id = $1 AND processed_at IS NULL`,
            [(JSON.parse(wrong) as { id: string }).id],
          )
        ).rows[0]?.error ?? null;
      await waitFor(async () => (await eventError()) !== null);
      expect(await eventError()).toMatch(/paid in usd, recharge .* is in JPY/);
      expect(await balanceOf(owner, walletId)).toBe('0.000000');
    } finally {
      await db.end();
    }
    const right = completedEvent(session, 700, undefined, 'jpy');
    expect((await postWebhook(right, sign(right))).status).toBe(200);
    await waitFor(async () => (await balanceOf(owner, walletId)) === '700.000000');
  });

  it('stores an event once and byte for byte, when it comes many times at once', async () => {
    const { walletId, owner } = await newTenant();
    const recharge = (await start(owner, walletId, '9')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    // jsonb refuses a \u0000 escape; the event is stored as the text Stripe signed.
    const payload = completedEvent(
      { id: sessionId, rechargeId: recharge.id, walletId },
      900,
    ).replace('"currency":"usd"', '"currency":"usd","description":"nul \\u0000 inside"');
    const signature = sign(payload);

    const responses = await Promise.all(
      Array.from({ length: 40 }, () => postWebhook(payload, signature)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    await waitFor(async () => (await balanceOf(owner, walletId)) === '9.000000');

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const eventId = (JSON.parse(payload) as { id: string }).id;
      const stored = await db.query<{ body: string }>(
        'SELECT body FROM billing.stripe_events WHERE id = $1',
        [eventId],
      );
      expect(stored.rows).toEqual([{ body: payload }]);
      const queued = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM billing.outbox WHERE payload ->> 'eventId' = $1`,
        [eventId],
      );
      expect(queued.rows).toEqual([{ n: 1 }]);
    } finally {
      await db.end();
    }
  });

  it('refuses forged and malformed webhooks with 400 and credits nothing', async () => {
    const { walletId, owner } = await newTenant();
    const recharge = (await start(owner, walletId, '15')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const payload = completedEvent({ id: sessionId, rechargeId: recharge.id, walletId }, 1500);

    const forged = await postWebhook(payload, sign(payload, 'whsec_not_ours'));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect((await postWebhook(payload)).status).toBe(400);
    const malformed = '{"id": "evt_1", ';
    expect((await postWebhook(malformed, sign(malformed))).status).toBe(400);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await balanceOf(owner, walletId)).toBe('0.000000');
    const seen = await suite.gql<{ recharge: RechargeReply }>(owner, RECHARGE, { id: recharge.id });
    expect(seen.data!.recharge.status).toBe('PENDING');
  });

  it('never downgrades a SUCCEEDED recharge when an expired event comes late', async () => {
    const { walletId, owner } = await newTenant();
    const recharge = (await start(owner, walletId, '20')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const paid = completedEvent({ id: sessionId, rechargeId: recharge.id, walletId }, 2000);
    expect((await postWebhook(paid, sign(paid))).status).toBe(200);
    await waitFor(async () => (await balanceOf(owner, walletId)) === '20.000000');

    const expired = JSON.stringify({
      ...(JSON.parse(paid) as Record<string, unknown>),
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      type: 'checkout.session.expired',
    });
    expect((await postWebhook(expired, sign(expired))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const seen = await suite.gql<{ recharge: RechargeReply }>(owner, RECHARGE, { id: recharge.id });
    expect(seen.data!.recharge.status).toBe('SUCCEEDED');
    expect(await balanceOf(owner, walletId)).toBe('20.000000');
  });

  it('credits the other events of a batch while one of them keeps failing', async () => {
    const { walletId, owner } = await newTenant();
    const recharge = (await start(owner, walletId, '11')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    const good = completedEvent({ id: sessionId, rechargeId: recharge.id, walletId }, 1100);
    // A paid session whose recharge never comes: its event fails on every attempt.
    const orphan = completedEvent(
      { id: `cs_test_${randomUUID().replace(/-/g, '')}`, rechargeId: randomUUID(), walletId },
      500,
    );
    const [first, second] = await Promise.all([
      postWebhook(orphan, sign(orphan)),
      postWebhook(good, sign(good)),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);

    await waitFor(async () => (await balanceOf(owner, walletId)) === '11.000000');
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await waitFor(async () => {
        const { rows } = await db.query<{ error: string | null }>(
          'SELECT error FROM billing.stripe_events WHERE id = $1',
          [(JSON.parse(orphan) as { id: string }).id],
        );
        return rows[0]?.error?.startsWith('no recharge (yet)') ?? false;
      });
    } finally {
      await db.end();
    }
    // Its retries credit nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await balanceOf(owner, walletId)).toBe('11.000000');
  });

  it('keeps an event that arrives before its recharge is recorded, and applies it later', async () => {
    const { walletId, owner } = await newTenant();
    const rechargeId = randomUUID();
    const sessionId = `cs_test_${randomUUID().replace(/-/g, '')}`;
    const payload = completedEvent({ id: sessionId, rechargeId, walletId }, 700);
    expect((await postWebhook(payload, sign(payload))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await balanceOf(owner, walletId)).toBe('0.000000');

    // The recharge commits late; BullMQ's retry (1 s, 2 s, 4 s …) then finds it.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO billing.recharges
           (id, tenant_id, wallet_id, amount_micros, currency, idempotency_key, stripe_session_id, updated_at)
         SELECT $1, tenant_id, id, 7000000, 'USD', $2, $3, now() FROM account.wallets WHERE id = $4`,
        [rechargeId, randomUUID(), sessionId, walletId],
      );
    } finally {
      await db.end();
    }
    await waitFor(async () => (await balanceOf(owner, walletId)) === '7.000000', 15_000);
  }, 30_000);

  it('stops loudly when the ledger holds other lines under the session key: the event stays failed', async () => {
    const { walletId, owner } = await newTenant();
    const recharge = (await start(owner, walletId, '30')).data!.startRecharge;
    const sessionId = /\/pay\/(cs_test_\w+)$/.exec(recharge.checkoutUrl!)![1];
    // Something already credited 1.00 under the key this payment of 30.00 would use.
    const account = AccountContext.create(2);
    try {
      await account.postBatch.execute(
        [
          {
            kind: 'recharge',
            idempotencyKey: `stripe:${sessionId}`,
            lines: [
              { account: { walletId }, amountMicros: 1_000_000n },
              { account: { system: SystemAccount.StripeClearing }, amountMicros: -1_000_000n },
            ],
          },
        ],
        systemJob,
      );
      const payload = completedEvent({ id: sessionId, rechargeId: recharge.id, walletId }, 3000);
      expect((await postWebhook(payload, sign(payload))).status).toBe(200);

      const eventId = (JSON.parse(payload) as { id: string }).id;
      const stored = () =>
        account.prisma.pool
          .query<{ error: string | null; processed: boolean }>(
            `SELECT error, processed_at IS NOT NULL AS processed FROM billing.stripe_events WHERE id = $1`,
            [eventId],
          )
          .then(({ rows }) => rows[0]);
      await waitFor(async () => (await stored()).error?.includes(`stripe:${sessionId}`) ?? false);
      const failed = await stored();
      expect(failed.processed).toBe(false);
      expect(failed.error).toMatch(/ledger holds other lines/);
      const seen = await suite.gql<{ recharge: RechargeReply }>(owner, RECHARGE, {
        id: recharge.id,
      });
      expect(seen.data!.recharge.status).toBe('PENDING');
      expect(await balanceOf(owner, walletId)).toBe('1.000000');
    } finally {
      await account.close();
    }
  });
});
