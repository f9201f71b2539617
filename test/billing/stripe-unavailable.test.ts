import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { GatewaySuite } from '../support/gateway-suite';
import { freePort } from '../support/ports';
import { StripeStub } from '../support/stripe-stub';

const START = `mutation ($input: StartRechargeInput!) {
  startRecharge(input: $input) { id status checkoutUrl }
}`;

/**
 * Billing pointed at a Stripe that cannot be reached (a closed port): startRecharge answers the
 * retryable STRIPE_UNAVAILABLE, not INTERNAL, and once "Stripe" is back on that port the same
 * request opens the session.
 */
describe('startRecharge while Stripe cannot be reached', () => {
  const suite = new GatewaySuite();
  const stripe = new StripeStub();
  let stripePort: number;

  beforeAll(async () => {
    // Free a moment ago and nobody listens on it: every connection is refused.
    stripePort = await freePort();
    await suite.start(['gateway', 'account', 'billing'], {
      STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
      STRIPE_SECRET_KEY: 'sk_test_x',
    });
  });
  afterAll(async () => {
    await suite.stop();
    await stripe.stop();
  });

  it('answers STRIPE_UNAVAILABLE, retryable, and the same request succeeds once Stripe is back', async () => {
    const { owner, walletId } = await suite.newTenant('Acme');
    const input = {
      walletId,
      amount: '20',
      idempotencyKey: randomUUID(),
    };
    const start = () =>
      suite.gql<{ startRecharge: { id: string; status: string; checkoutUrl: string | null } }>(
        owner,
        START,
        { input },
      );

    const down = await start();
    expect(down.data).toBeNull();
    expect(down.errors).toHaveLength(1);
    expect(down.errors![0].message).toMatch(/Stripe cannot be reached/);
    expect(down.errors![0].extensions).toEqual({ code: 'STRIPE_UNAVAILABLE', retryable: true });

    await stripe.start(stripePort);
    const up = await start();
    expect(up.errors).toBeUndefined();
    expect(up.data!.startRecharge).toMatchObject({ status: 'PENDING' });
    expect(up.data!.startRecharge.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(stripe.sessionCalls()).toHaveLength(1);
  });
});

/**
 * A Stripe that takes the connection and never answers: billing gives up before the gateway's
 * deadline and answers STRIPE_UNAVAILABLE, not the gateway's own timeout (INTERNAL).
 */
describe('startRecharge while Stripe never answers', () => {
  const suite = new GatewaySuite();
  const held: Socket[] = [];
  const silent: Server = createServer((socket) => held.push(socket));

  beforeAll(async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    await suite.start(['gateway', 'account', 'billing'], {
      STRIPE_API_URL: `http://127.0.0.1:${port}`,
      STRIPE_SECRET_KEY: 'sk_test_x',
    });
  });
  afterAll(async () => {
    await suite.stop();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers STRIPE_UNAVAILABLE, retryable, within the deadline', async () => {
    const { owner, walletId } = await suite.newTenant('Acme');
    const answer = await suite.gql(owner, START, {
      input: {
        walletId,
        amount: '20',
        idempotencyKey: randomUUID(),
      },
    });
    expect(held.length).toBeGreaterThan(0); // Stripe was asked, and kept silent
    expect(answer.errors![0].extensions).toEqual({ code: 'STRIPE_UNAVAILABLE', retryable: true });
  });
});
