import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { MeteringContext } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { StripeEvents } from '../support/stripe-events';
import { StripeStub } from '../support/stripe-stub';
import { ConsoleBrowser, seriousViolations } from './browser';

const root = join(__dirname, '..', '..');
const SCREENSHOTS =
  process.env.TALLY_CONSOLE_SCREENSHOTS ?? join(root, '.tally', 'test-output', 'console');
const WIDTHS = [1280, 1024] as const;
const BROWSER_TEST_MS = 150_000;
const SECRET = `whsec_test_${randomUUID().replace(/-/g, '')}`;

const START = `mutation ($input: StartRechargeInput!) { startRecharge(input: $input) { id } }`;
const BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;
const GRANT_CREDIT = `mutation ($w: ID!, $a: Money!, $e: DateTime!, $r: String!, $k: String) {
  grantCredit(walletId: $w, amount: $a, expiresAt: $e, reason: $r, idempotencyKey: $k) { id } }`;
const CREATE_ALERT = `mutation ($input: CreateAlertInput!) {
  createAlert(input: $input) { id } }`;

/**
 * The finance tenant page's recharges, credits and alerts, against the real apps and the
 * Stripe stand-in: a paid recharge partly refunded (its bonus a credit, partly clawed back), a
 * pending one, a credit granted by finance and an alert, each in its own table in words. axe-core
 * checks the page; screenshots at 1280 and 1024 px are kept in SCREENSHOTS.
 */
describe('recharges, credits and alerts on the finance tenant page', () => {
  const suite = new GatewaySuite();
  const stripe = new StripeStub();
  const events = new StripeEvents(() => suite.cluster.url('gateway'), SECRET);
  let database: TestDatabase;
  let db: Client;
  let metering: MeteringContext;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    db = new Client({ connectionString: database.url });
    await db.connect();
    metering = MeteringContext.create(database.url);
    // No hour is settled behind the test's back: the balance stays what the test made it.
    await metering.parkSettlementSchedule();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      STRIPE_API_URL: await stripe.start(),
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: SECRET,
      TALLY_FIRST_RECHARGE_BONUS_PERCENT: '10',
    });
    browser = await ConsoleBrowser.open(SCREENSHOTS);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await metering?.close();
    await db?.end();
    await suite.stop();
    await stripe.stop();
    await database?.drop();
  });

  async function startRecharge(walletId: string, amount: string) {
    const reply = await suite.admin<{ startRecharge: { id: string } }>(START, {
      input: { walletId, amount, idempotencyKey: randomUUID() },
    });
    expect(reply.errors).toBeUndefined();
    const { id } = reply.data!.startRecharge;
    const { rows } = await db.query<{ stripe_session_id: string }>(
      'SELECT stripe_session_id FROM billing.recharges WHERE id = $1',
      [id],
    );
    return { id, sessionId: rows[0].stripe_session_id };
  }

  async function deliver(payload: string): Promise<void> {
    expect((await events.post(payload)).status).toBe(200);
  }

  const balanceReaches = (walletId: string, balance: string) =>
    waitFor(`balance ${balance}`, async () => {
      const reply = await suite.admin<{ wallet: { balance: string } }>(BALANCE, { id: walletId });
      return reply.data?.wallet.balance === balance ? true : undefined;
    });

  /**
   * 50 USD paid (5 of first-recharge bonus), 10 of it refunded; then ten not paid yet, 11 to 20
   * USD: eleven recharges, one more than a page.
   */
  async function rechargesOf(tenant: { id: string; walletId: string }): Promise<void> {
    const paid = await startRecharge(tenant.walletId, '50');
    const paymentIntent = `pi_${randomUUID().replace(/-/g, '')}`;
    await deliver(
      events.completed({ id: paid.sessionId, rechargeId: paid.id, paymentIntent }, 5000),
    );
    await balanceReaches(tenant.walletId, '55.000000');
    // 10 refunded, with its share (a fifth) of the bonus: 55 − 10 − 1.
    await deliver(events.refunded(paymentIntent, 5000, 1000));
    await balanceReaches(tenant.walletId, '44.000000');
    for (let amount = 11; amount <= 20; amount++) {
      await startRecharge(tenant.walletId, String(amount));
    }
  }

  it(
    'shows the tenant’s recharges, its wallet’s credits and its alerts, each in words',
    async () => {
      const name = `Extras ${randomUUID().slice(0, 6)}`;
      const tenant = await suite.newTenant(name);
      await rechargesOf(tenant);
      const nextYear = new Date().getUTCFullYear() + 1;
      const granted = await suite.admin(GRANT_CREDIT, {
        w: tenant.walletId,
        a: '5',
        e: `${nextYear}-01-31T23:59:59Z`,
        r: 'Welcome credit',
        k: randomUUID(),
      });
      expect(granted.errors).toBeUndefined();
      // Far below the balance: it stays as created whatever metering evaluates meanwhile.
      const alert = await suite.admin(CREATE_ALERT, {
        input: { walletId: tenant.walletId, kind: 'AVAILABLE_BALANCE_BELOW', amount: '1.5' },
      });
      expect(alert.errors).toBeUndefined();

      const financeUser = await suite.fixtures.newUser('FINANCE');
      const page = await browser.newPage();
      const { page: tab } = page;
      try {
        await tab.goto(`${suite.cluster.url('gateway')}/console/`);
        await tab.getByLabel('API key or JWT').fill(suite.jwt(financeUser.externalId));
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByLabel('Search tenants').fill(name);
        await tab.getByRole('button', { name: 'Search' }).click();
        await tab.getByRole('table', { name: 'Tenants found' }).getByRole('link', { name }).click();
        await tab.getByRole('heading', { name }).waitFor();

        const rows = async (table: string, testId: string) => {
          const found = tab.getByRole('table', { name: table }).getByTestId(testId);
          await found.first().waitFor();
          return Promise.all(
            (await found.all()).map(async (row) =>
              (await row.getByRole('cell').allTextContents()).slice(1),
            ),
          );
        };
        // Newest first; the started time is the first cell, left out.
        const pending = (amount: number) => [
          'Waiting for payment',
          `${amount}.00 USD`,
          '0.00 USD',
          '0.00 USD',
        ];
        expect(await rows('Recharges', 'recharge')).toEqual(
          [20, 19, 18, 17, 16, 15, 14, 13, 12, 11].map(pending),
        );
        const next = tab.getByRole('button', { name: 'Next page of recharges' });
        const previous = tab.getByRole('button', { name: 'Previous page of recharges' });
        expect(await previous.isDisabled()).toBe(true);
        await next.click();
        await tab.getByRole('table', { name: 'Recharges' }).getByText('Paid').waitFor();
        expect(await rows('Recharges', 'recharge')).toEqual([
          ['Paid', '50.00 USD', '5.00 USD', '10.00 USD'],
        ]);
        expect(await next.isDisabled()).toBe(true);
        await previous.click();
        await tab.getByRole('table', { name: 'Recharges' }).getByText('20.00 USD').waitFor();
        expect(await rows('Recharges', 'recharge')).toHaveLength(10);

        // The source is the first cell: the bonus lost a fifth of itself to the refund.
        const credits = tab.getByRole('table', { name: 'Credits' }).getByTestId('credit');
        await credits.first().waitFor();
        const creditRows = await Promise.all(
          (await credits.all()).map((row) => row.getByRole('cell').allTextContents()),
        );
        expect(creditRows.sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
          [
            'Granted by financeWelcome credit',
            '5.00 USD',
            '5.00 USD',
            '0.00 USD',
            '0.00 USD',
            `Expires 31 Jan ${nextYear}, 23:59 UTC`,
          ],
          [
            'Recharge bonus',
            '5.00 USD',
            '4.00 USD',
            '1.00 USD',
            '0.00 USD',
            expect.stringMatching(/^Expires \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$/),
          ],
        ]);

        const alertRows = tab.getByRole('table', { name: 'Alerts' }).getByTestId('alert');
        await alertRows.first().waitFor();
        expect(await alertRows.first().getByRole('cell').allTextContents()).toEqual([
          'Available balance below 1.50 USD',
          'Not triggered',
          'Never changed',
        ]);

        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await tab.getByRole('heading', { name: 'Recharges' }).scrollIntoViewIfNeeded();
        await page.screenshotAt(SCREENSHOTS, 'finance-tenant-extras', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
