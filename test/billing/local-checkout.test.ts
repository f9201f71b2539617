import { randomUUID } from 'node:crypto';
import { exitOf, spawnApp } from '../support/app-processes';
import { openBrowser, type TestBrowser } from '../support/browser';
import { GatewaySuite } from '../support/gateway-suite';

const PUBLIC_URL = 'http://tally.test:4000';

const START = `mutation ($input: StartRechargeInput!) {
  startRecharge(input: $input) { id status checkoutUrl }
}`;
const RECHARGE = `query ($id: ID!) { recharge(id: $id) { status } }`;
const BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;

/**
 * Development's local checkout page: billing with Stripe's development key (the default) hands
 * out checkout URLs of the gateway, whose Pay and Decline post signed Stripe events to
 * /webhooks/stripe. No Stripe stub runs here: nothing may call Stripe.
 */
describe('the local checkout page', () => {
  const suite = new GatewaySuite();
  let browser: TestBrowser;

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing'], { TALLY_PUBLIC_URL: PUBLIC_URL });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await suite.stop();
  });

  async function startRecharge(amount: string) {
    const { owner, walletId } = await suite.newTenant('Acme <&> "Co"');
    const reply = await suite.gql<{
      startRecharge: { id: string; status: string; checkoutUrl: string };
    }>(owner, START, { input: { walletId, amount, idempotencyKey: randomUUID() } });
    expect(reply.errors).toBeUndefined();
    const recharge = reply.data!.startRecharge;
    expect(recharge.status).toBe('PENDING');
    expect(recharge.checkoutUrl).toMatch(
      new RegExp(`^${PUBLIC_URL}/checkout/cs_local_[0-9a-f]{48}$`),
    );
    // The public URL's path, asked of the gateway under test.
    const page = `${suite.cluster.url('gateway')}${new URL(recharge.checkoutUrl).pathname}`;
    return { owner, walletId, rechargeId: recharge.id, page };
  }

  async function balanceOf(token: string, walletId: string): Promise<string> {
    const reply = await suite.gql<{ wallet: { balance: string } }>(token, BALANCE, {
      id: walletId,
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.wallet.balance;
  }

  async function statusOf(token: string, rechargeId: string): Promise<string> {
    const reply = await suite.gql<{ recharge: { status: string } }>(token, RECHARGE, {
      id: rechargeId,
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.recharge.status;
  }

  // As the page's forms post from a browser.
  const post = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: url.endsWith('/pay') ? 'pay=' : 'decline=',
    });

  it('shows the recharge, and Pay credits the wallet exactly once', async () => {
    const { owner, walletId, rechargeId, page } = await startRecharge('25.50');

    const shown = await fetch(page);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await shown.text();
    expect(html).toContain('<dd id="amount">25.500000 USD</dd>');
    expect(html).toContain(`<dd id="wallet">${walletId}</dd>`);
    expect(html).toContain('<dd id="status">PENDING</dd>');
    expect(html).not.toMatch(/<script|<link|https?:\/\//);

    const paid = await post(`${page}/pay`);
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('Paid: the wallet is credited.');
    expect(await statusOf(owner, rechargeId)).toBe('SUCCEEDED');
    expect(await balanceOf(owner, walletId)).toBe('25.500000');

    const again = await post(`${page}/pay`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('This recharge was paid before');
    expect(await balanceOf(owner, walletId)).toBe('25.500000');
  });

  it('Decline, clicked in a browser, expires the recharge and credits nothing; it cannot be paid afterwards', async () => {
    const { owner, walletId, rechargeId, page: checkoutUrl } = await startRecharge('10');
    const page = await browser.newPage({ width: 800, height: 520 });
    expect((await page.goto(checkoutUrl))?.status()).toBe(200);

    const answer = page.waitForResponse(`${checkoutUrl}/decline`);
    await page.getByRole('button', { name: 'Decline' }).click();
    expect((await answer).status()).toBe(200);
    await page.waitForURL(`${checkoutUrl}/decline`);
    expect(await page.locator('#result').textContent()).toBe('Declined: nothing was paid.');
    expect(await page.locator('#status').textContent()).toBe('EXPIRED');
    await browser.screenshot(page, 'declined');
    expect(await statusOf(owner, rechargeId)).toBe('EXPIRED');

    // The checkout again: closed, nothing to click.
    await page.goto(checkoutUrl);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain(
      'This checkout is closed: the recharge is EXPIRED.',
    );
    await page.close();

    // Nor does a post of Pay by hand get past it.
    const paid = await post(`${checkoutUrl}/pay`);
    expect(paid.status).toBe(409);
    expect(await paid.text()).toContain('This recharge is EXPIRED: it cannot be paid.');
    expect(await statusOf(owner, rechargeId)).toBe('EXPIRED');
    expect(await balanceOf(owner, walletId)).toBe('0.000000');
  });

  it('the reconcile job asks no Stripe: local sessions are paid through the webhook only', async () => {
    // Against Stripe's development key, listing sessions could only fail.
    const reply = await suite.admin<{
      reconcileStripe: { sessionsSeen: number; credited: number };
    }>('mutation { reconcileStripe(hours: 24) { sessionsSeen credited } }');
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.reconcileStripe).toEqual({ sessionsSeen: 0, credited: 0 });
  });

  it('answers 404 for a session it did not open', async () => {
    const gateway = suite.cluster.url('gateway');
    for (const id of [`cs_local_${'0'.repeat(48)}`, 'cs_test_a1', '<script>']) {
      const response = await fetch(`${gateway}/checkout/${encodeURIComponent(id)}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).not.toContain('<script>');
      expect((await post(`${gateway}/checkout/${encodeURIComponent(id)}/pay`)).status).toBe(404);
    }
  });
});

describe('TALLY_LOCAL_CHECKOUT in production', () => {
  it('billing refuses to start with it on', async () => {
    const { code, output } = await exitOf(
      spawnApp('billing', {
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_live_x',
        TALLY_LOCAL_CHECKOUT: 'on',
      }),
    );
    expect(code).toBe(1);
    expect(output).toContain('TALLY_LOCAL_CHECKOUT: must not be on when NODE_ENV=production');
  });
});
