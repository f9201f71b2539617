import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { everyMinute, newNamespace } from '../support/metering-context';
import { seriousViolations, type WatchedPage } from './browser';
import {
  BROWSER_TEST_MS,
  ConsoleStack,
  SCREENSHOTS,
  signIn,
  TENANT_PAGES,
  WIDTHS,
} from './console-stack';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
const GIB_MINUTE = 60n * 2n ** 30n; // 1 GiB held for one minute, in byte-seconds
const HOOK_URL = 'http://127.0.0.1:9/hook';
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }`;

/**
 * The tenant cost center in Chromium against the four apps: spending per day from hours the
 * test settles, exact to the cent in every split; axe-core on every page, screenshots at 1280
 * and 1024 px.
 */
describe('the console cost center', () => {
  const stack = new ConsoleStack();

  beforeAll(async () => {
    await stack.start();
    // Checkout sends the payer back to TALLY_PUBLIC_URL: billing learns the gateway's address,
    // and closes a month as soon as its last hour is posted (the test posts it a moment before).
    await stack.suite.cluster.restart('billing', {
      TALLY_PUBLIC_URL: stack.gateway,
      TALLY_MONTH_CLOSE_MARGIN_MINUTES: '0',
      // Webhook endpoints must be public unless allow-listed: the test's loopback is.
      TALLY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    });
  }, 120_000);
  afterAll(() => stack.stop());

  /** `hour` settled now through the API, as the schedule would an hour after it ends. */
  async function settle(hour: Date): Promise<void> {
    const reply = await stack.suite.admin<{ settleHour: { status: string } }>(SETTLE, {
      hour: hour.toISOString(),
    });
    expect(reply.data?.settleHour.status).toBe('SUCCEEDED');
  }

  const spendTable = (page: WatchedPage) =>
    page.page.getByRole('table', { name: /^Spending of the last/ });

  /** A table's rows but its header, each as the texts of its cells. */
  async function rowsOf(table: Locator): Promise<string[][]> {
    const rows = await table.locator('tbody tr, tfoot tr').all();
    return Promise.all(rows.map((row) => row.locator('th, td').allTextContents()));
  }

  /**
   * An invoice for a month three months back, closed through the API: the tenant is dated from
   * before it, web ran 10 cores in one of its hours (0.30), and every other hour of it is marked
   * settled without usage.
   */
  async function invoiceOfAClosedMonth(tenantId: string, namespace: string) {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    await stack.metering.prisma.pool.query(
      `UPDATE account.tenants SET created_at = $2 WHERE id = $1`,
      [tenantId, new Date(start.getTime() - DAY_MS)],
    );
    const charged = new Date(start.getTime() + 12 * HOUR_MS);
    await stack.metering.markHoursSettled(start, end, charged);
    await stack.metering.record(everyMinute(namespace, 'CPU', charged, 10n * CORE_MINUTE));
    await settle(charged);
    const month = start.toISOString().slice(0, 7);
    const run = await stack.suite.admin<{ generateStatements: { issued: number } }>(
      `mutation ($month: String!) { generateStatements(month: $month) { issued } }`,
      { month },
    );
    expect(run.errors).toBeUndefined();
    const invoices = await stack.suite.admin<{ invoices: { number: string }[] }>(
      `query ($t: ID!) { invoices(tenantId: $t) { number } }`,
      { t: tenantId },
    );
    const monthName = new Intl.DateTimeFormat('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(start);
    return { number: invoices.data!.invoices[0].number, monthName };
  }

  /**
   * Initech, settled through the API: on its tenant wallet, web ran 100 cores and 10 GiB for an
   * hour yesterday (3.00 + 0.04 at the default book's CPU 0.03 a core-hour, MEMORY 0.004 a
   * GiB-hour); on its sub-account Research, lab ran 50 cores for an hour two days ago (1.50).
   */
  async function spendingTenant() {
    const initech = await stack.tenantWithKey('Initech', '100');
    const research = initech.research!;
    const web = await stack.suite.newWorkspace(initech.id, newNamespace('web'));
    const lab = await stack.suite.newWorkspace(initech.id, newNamespace('lab'), research.id);
    expect((await stack.adjust(research.walletId, '10')).errors).toBeUndefined();
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const yesterday = new Date(today - DAY_MS + 10 * HOUR_MS);
    const twoDaysAgo = new Date(today - 2 * DAY_MS + 15 * HOUR_MS);
    await stack.metering.record([
      ...everyMinute(web, 'CPU', yesterday, 100n * CORE_MINUTE),
      ...everyMinute(web, 'MEMORY', yesterday, 10n * GIB_MINUTE),
      ...everyMinute(lab, 'CPU', twoDaysAgo, 50n * CORE_MINUTE),
    ]);
    await settle(twoDaysAgo);
    await settle(yesterday);
    return { ...initech, web, lab, yesterday, twoDaysAgo };
  }
  let initech: Awaited<ReturnType<typeof spendingTenant>>;
  beforeAll(async () => (initech = await spendingTenant()), 60_000);

  it(
    'shows a tenant owner the wallet and spending per day by namespace, resource and sub-account, exactly',
    async () => {
      const { web, lab } = initech;
      const page = await stack.browser.newPage();
      try {
        await page.page.goto(`${stack.gateway}/console/`);
        await signIn(page, initech.apiKey);
        await page.page.getByRole('heading', { name: 'Initech: wallets' }).waitFor();
        await page.page
          .getByRole('navigation', { name: 'Console pages' })
          .getByRole('link', { name: 'Spending' })
          .click();
        await page.page.getByRole('heading', { name: 'Initech: spending' }).waitFor();
        expect(page.page.url()).toBe(`${stack.gateway}/console/spending`);
        const wallet = page.page.getByRole('region', { name: 'Tenant wallet' });
        expect(await wallet.getByTestId('wallet-balance').textContent()).toBe('96.96 USD');

        const spending = page.page.getByRole('region', { name: 'Spending per day' });
        await spending.getByText('4.54 USD in the last 30 days, split by namespace.').waitFor();
        expect(await rowsOf(spendTable(page))).toEqual([
          [web, '3.04 USD'],
          [lab, '1.50 USD'],
          ['Total', '4.54 USD'],
        ]);
        // The chart is drawn, and says in words what it is.
        const chart = spending.getByRole('img', { name: /^Bar chart of spending per day/ });
        expect(await chart.locator('canvas').count()).toBe(1);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'spending', WIDTHS);

        await spending.getByLabel('Split by').selectOption({ label: 'Resource' });
        await spending.getByText('split by resource.').waitFor();
        expect(await rowsOf(spendTable(page))).toEqual([
          ['CPU', '4.50 USD'],
          ['Memory', '0.04 USD'],
          ['Total', '4.54 USD'],
        ]);

        await spending.getByLabel('Split by').selectOption({ label: 'Sub-account' });
        await spending.getByText('split by sub-account.').waitFor();
        expect(await rowsOf(spendTable(page))).toEqual([
          ['Tenant wallet', '3.04 USD'],
          ['Research', '1.50 USD'],
          ['Total', '4.54 USD'],
        ]);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'spending-by-sub-account', [1024]);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "shows the bills: each billed day opening its hours, the invoices with their PDF, a month's statement",
    async () => {
      const { web, lab, yesterday, twoDaysAgo } = initech;
      const closed = await invoiceOfAClosedMonth(initech.id, web);
      const page = await stack.browser.newPage();
      try {
        await page.page.goto(`${stack.gateway}/console/bills`);
        await signIn(page, initech.apiKey);
        await page.page.getByRole('heading', { name: 'Initech: bills' }).waitFor();
        const days = page.page.getByRole('table', { name: /^Billed days/ });
        const [day1, day2] = [yesterday, twoDaysAgo].map((d) => d.toISOString().slice(0, 10));
        expect(await rowsOf(days)).toEqual([
          [day1, '3.04 USD', `Show hours of ${day1}`],
          [day2, '1.50 USD', `Show hours of ${day2}`],
        ]);

        await days.getByRole('button', { name: `Show hours of ${day1}` }).click();
        const hours = page.page.getByRole('table', { name: `Hourly lines of ${day1} (UTC)` });
        await hours.waitFor();
        expect(await rowsOf(hours)).toEqual([
          ['10:00–11:00 UTC', '3.04 USD'],
          [web, 'CPU', '100.000000', '3.00 USD'],
          [web, 'Memory', '10.000000', '0.04 USD'],
        ]);
        expect(
          await days
            .getByRole('button', { name: `Hide hours of ${day1}` })
            .getAttribute('aria-expanded'),
        ).toBe('true');

        const invoices = page.page.getByRole('table', { name: 'Invoices, one per month' });
        expect(await rowsOf(invoices)).toEqual([
          [closed.number, closed.monthName, 'Issued', '0.30 USD', 'Download'],
        ]);
        const [download] = await Promise.all([
          page.page.waitForEvent('download'),
          invoices.getByRole('button', { name: `Download ${closed.number}` }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`invoice-${closed.number}.pdf`);
        const pdf = await readFile(await download.path());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

        // The statement of the month lab ran in charges its hour to the micro-unit.
        const month = twoDaysAgo.toISOString().slice(0, 7);
        const statement = page.page.getByRole('region', { name: 'Statement' });
        await statement.getByLabel('Month').selectOption(month);
        const usage = statement.getByRole('table', { name: /^Usage charged/ });
        await usage.getByText(lab).waitFor();
        expect(await rowsOf(usage)).toContainEqual([lab, 'CPU', '1.50 USD']);
        await statement.getByText('The figures so far: the month is not closed yet.').waitFor();

        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'bills', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'tops a wallet up through the local checkout page and comes back to the new balance, then transfers to a sub-account',
    async () => {
      const hooli = await stack.tenantWithKey('Hooli', '1');
      const page = await stack.browser.newPage();
      const balance = (wallet: string) => page.page.getByTestId(`balance-${wallet}`);
      try {
        await page.page.goto(`${stack.gateway}/console/top-up`);
        await signIn(page, hooli.apiKey);
        await page.page.getByRole('heading', { name: 'Hooli: top up and transfer' }).waitFor();
        expect(await balance('Tenant wallet').textContent()).toBe('1.00 USD');
        const topUp = page.page.getByRole('region', { name: 'Top up' });
        const proceed = topUp.getByRole('button', { name: 'Continue to checkout' });

        // Checked before it is sent; the server's own refusal shown with its code.
        await proceed.click();
        await topUp.getByText('Enter an amount.').waitFor();
        await topUp.getByLabel('Amount (USD)').fill('2.1234567');
        await proceed.click();
        await topUp
          .getByText('Enter an amount as digits, with at most 6 after the point')
          .waitFor();
        await topUp.getByLabel('Amount (USD)').fill('1');
        await proceed.click();
        const refused = topUp.getByRole('alert');
        await refused.waitFor();
        expect(await refused.textContent()).toMatch(
          /^Could not start the top-up.*\(BAD_USER_INPUT\)$/,
        );

        await topUp.getByLabel('Amount (USD)').fill('25');
        await proceed.click();
        await page.page.waitForURL(`${stack.gateway}/checkout/cs_local_*`);
        expect(await page.page.locator('#amount').textContent()).toBe('25.000000 USD');
        await page.screenshotAt(SCREENSHOTS, 'top-up-checkout', [1024]);
        await page.page.getByRole('button', { name: 'Pay' }).click();
        await page.page.getByText('Paid: the wallet is credited.').waitFor();
        await page.page.getByRole('link', { name: 'Back to the console' }).click();

        await page.page.waitForURL(`${stack.gateway}/console/top-up?recharge=*`);
        const notice = page.page.getByRole('status').filter({ hasText: 'Top-up of' });
        await notice.getByText('Paid: the wallet is credited').waitFor();
        expect(await notice.textContent()).toContain(
          "Top-up of 25.00 USD. The wallet's balance is 26.00 USD.",
        );
        expect(await balance('Tenant wallet').textContent()).toBe('26.00 USD');
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'top-up', WIDTHS);

        const transfer = page.page.getByRole('region', { name: 'Transfer' });
        await transfer.getByLabel('To').selectOption({ label: 'Tenant wallet' });
        await transfer.getByLabel('Amount (USD)').fill('5');
        await transfer.getByRole('button', { name: 'Transfer' }).click();
        await transfer.getByText('Choose another wallet than the one the money leaves.').waitFor();
        await transfer.getByLabel('To').selectOption({ label: 'Research' });
        await transfer.getByRole('button', { name: 'Transfer' }).click();
        await transfer.getByText('Moved 5.00 USD from Tenant wallet to Research.').waitFor();
        await page.page.getByTestId('balance-Research').getByText('5.00 USD').waitFor();
        expect(await balance('Tenant wallet').textContent()).toBe('21.00 USD');
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'offers a MEMBER a top-up but no transfer, which the API refuses it too',
    async () => {
      const tenant = await stack.suite.newTenant('Pied Piper');
      const compression = await stack.suite.newSubAccount(tenant.id, 'Compression');
      expect((await stack.adjust(tenant.walletId, '10')).errors).toBeUndefined();
      const member = stack.suite.jwt(
        (await stack.suite.fixtures.newMember(tenant.id, 'MEMBER')).externalId,
      );
      const page = await stack.browser.newPage(1024);
      try {
        await page.page.goto(`${stack.gateway}/console/top-up`);
        await page.page.getByLabel('API key or JWT').fill(member);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        await page.page
          .getByText("Only the tenant's owners and admins move money between its wallets.")
          .waitFor();
        await page.page.getByRole('button', { name: 'Continue to checkout' }).waitFor();
        expect(await page.page.getByRole('region', { name: 'Transfer' }).count()).toBe(0);
        expect(await page.page.getByTestId('balance-Tenant wallet').textContent()).toBe(
          '10.00 USD',
        );
        const asked = await stack.suite.gql(
          member,
          `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`,
          {
            input: {
              fromWalletId: tenant.walletId,
              toWalletId: compression.walletId,
              amount: '1',
              idempotencyKey: `member-${tenant.id}`,
            },
          },
        );
        expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'top-up-member', [1024]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'opens a sub-account, sets budgets and caps, and sets and deletes an alert, each saying what it did',
    async () => {
      const globex = await stack.tenantWithKey('Globex', '1');
      const lab = await stack.suite.newWorkspace(globex.id, newNamespace('lab'));
      const page = await stack.browser.newPage();
      try {
        await page.page.goto(`${stack.gateway}/console/budgets`);
        await signIn(page, globex.apiKey);
        await page.page.getByRole('heading', { name: 'Globex: budgets and alerts' }).waitFor();
        const subAccounts = page.page.getByRole('table', { name: /^Sub-accounts/ });
        expect(await rowsOf(subAccounts)).toEqual([['Research', '0.00 USD', 'None', 'None']]);

        const opening = page.page.getByRole('form', { name: 'New sub-account' });
        await opening.getByRole('button', { name: 'Open sub-account' }).click();
        await opening.getByText('Enter a name.').waitFor();
        await opening.getByLabel('New sub-account').fill('Design');
        await opening.getByLabel('Monthly budget (USD, blank: none)').fill('50');
        await opening.getByRole('button', { name: 'Open sub-account' }).click();
        await opening.getByText('Sub-account Design opened.').waitFor();

        const budget = page.page.getByRole('form', { name: 'Monthly budget' });
        await budget.getByLabel('Monthly budget (USD, blank: none)').fill('twenty');
        await budget.getByRole('button', { name: 'Set budget' }).click();
        await budget.getByText('Enter an amount as digits').waitFor();
        await budget.getByLabel('Monthly budget (USD, blank: none)').fill('20');
        await budget.getByRole('button', { name: 'Set budget' }).click();
        await budget.getByText('Research gets 20.00 USD at the start of each month.').waitFor();

        const cap = page.page.getByRole('form', { name: 'Spending cap' });
        await cap.getByLabel('Capped scope').selectOption({ label: 'Sub-account Research' });
        await cap.getByLabel('Monthly cap (USD, blank: none)').fill('30');
        await cap.getByRole('button', { name: 'Set cap' }).click();
        await cap.getByText('Sub-account Research may spend at most 30.00 USD a month.').waitFor();
        await cap.getByLabel('Capped scope').selectOption({ label: `Namespace ${lab}` });
        await cap.getByLabel('Monthly cap (USD, blank: none)').fill('-1');
        await cap.getByRole('button', { name: 'Set cap' }).click();
        await cap.getByText('Enter at least 0.000001 USD.').waitFor();
        await cap.getByLabel('Monthly cap (USD, blank: none)').fill('100');
        await cap.getByRole('button', { name: 'Set cap' }).click();
        await cap.getByText(`Namespace ${lab} may spend at most 100.00 USD a month.`).waitFor();
        await subAccounts.getByText('30.00 USD').waitFor();
        expect(await rowsOf(subAccounts)).toEqual([
          ['Research', '0.00 USD', '20.00 USD', '30.00 USD'],
          ['Design', '0.00 USD', '50.00 USD', 'None'],
        ]);

        const alerts = page.page.getByRole('region', { name: 'Alerts' });
        await alerts.getByText('No alerts on Tenant wallet').waitFor();
        const newAlert = alerts.getByRole('form', { name: 'New alert' });
        await newAlert.getByLabel('New alert').selectOption({ label: 'Available balance below' });
        await newAlert.getByLabel('Amount (USD)').fill('5');
        await newAlert.getByRole('button', { name: 'Set alert' }).click();
        // 1.00 USD is below 5.00 already.
        await newAlert
          .getByText('Alert set: its condition holds already, so it fired at once.')
          .waitFor();
        const list = alerts.getByRole('table', { name: 'Alerts on Tenant wallet' });
        await list.waitFor();
        expect(await rowsOf(list)).toEqual([
          ['Available balance below 5.00 USD', 'Fired', 'Delete'],
        ]);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'budgets', WIDTHS);

        await list
          .getByRole('button', { name: 'Delete the alert Available balance below 5.00 USD' })
          .click();
        await alerts.getByText('No alerts on Tenant wallet').waitFor();
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'adds a member, makes an API key whose secret is shown once and works until revoked, and adds and deletes a webhook endpoint',
    async () => {
      const umbrella = await stack.suite.newTenant('Umbrella');
      const page = await stack.browser.newPage();
      try {
        await page.page.goto(`${stack.gateway}/console/access`);
        await page.page.getByLabel('API key or JWT').fill(umbrella.owner);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        await page.page.getByRole('heading', { name: 'Members, API keys and webhooks' }).waitFor();
        const members = page.page.getByRole('table', { name: 'Members and their roles' });
        await members.getByText(umbrella.ownerExternalId).waitFor();
        expect(await rowsOf(members)).toEqual([[umbrella.ownerExternalId, 'Owner']]);

        const adding = page.page.getByRole('form', { name: 'Add a member' });
        await adding.getByRole('button', { name: 'Add member' }).click();
        await adding.getByText("Enter the person's subject at the identity provider.").waitFor();
        await adding.getByLabel('Subject at the identity provider').fill('ada-lovelace');
        await adding.getByLabel('E-mail (optional)').fill('ada@');
        await adding.getByRole('button', { name: 'Add member' }).click();
        await adding.getByText('Enter an e-mail address such as ada@example.com.').waitFor();
        await adding.getByLabel('E-mail (optional)').fill('ada@example.com');
        await adding.getByRole('button', { name: 'Add member' }).click();
        await adding.getByText('ada@example.com is a member now, as member.').waitFor();
        await members.getByText('ada@example.com').waitFor();

        const keys = page.page.getByRole('region', { name: 'API keys' });
        await keys.getByText('No API keys yet.').waitFor();
        await keys.getByRole('button', { name: 'Make key' }).click();
        await keys.getByText('Enter a name that says what the key is for.').waitFor();
        await keys.getByLabel("New key's name").fill('ci');
        await keys.getByRole('button', { name: 'Make key' }).click();
        const secret = (await keys.getByTestId('new-api-key-secret').textContent())!;
        expect(secret).toMatch(/^tly_/);
        const asKey = () =>
          stack.suite.gql(secret, `query ($id: ID!) { tenant(id: $id) { id } }`, {
            id: umbrella.id,
          });
        expect((await asKey()).errors).toBeUndefined();
        const list = keys.getByRole('table', { name: 'API keys, newest first' });
        await list.waitFor();
        const [[name, prefix]] = await rowsOf(list);
        expect(name).toBe('ci');
        expect(secret.startsWith(prefix)).toBe(true);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'access', WIDTHS);

        await list.getByRole('button', { name: 'Revoke the key ci' }).click();
        await keys.getByText('The key ci is revoked.').waitFor();
        await list.getByText('Revoked').waitFor();
        expect((await asKey()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

        const hooks = page.page.getByRole('region', { name: 'Webhook endpoints' });
        await hooks.getByText('No endpoints: no events are sent anywhere.').waitFor();
        const adding2 = hooks.getByRole('form', { name: 'New webhook endpoint' });
        await adding2.getByLabel('Endpoint address').fill('ftp://nowhere');
        await adding2.getByRole('button', { name: 'Add endpoint' }).click();
        await adding2.getByText('Enter an http or https address.').waitFor();
        await adding2.getByText('Choose at least one event.').waitFor();
        await adding2.getByLabel('Endpoint address').fill(HOOK_URL);
        await adding2.getByLabel('An invoice is issued').check();
        await adding2.getByRole('button', { name: 'Add endpoint' }).click();
        await adding2.getByText(`Events go to ${HOOK_URL} now.`).waitFor();
        expect(
          (await hooks.getByTestId('new-webhook-secret').textContent())!.length,
        ).toBeGreaterThan(23);
        await hooks.getByText('invoice.issued').waitFor();
        await hooks.getByRole('button', { name: 'Deliveries' }).click();
        await hooks.getByText('Nothing was sent to this endpoint yet.').waitFor();
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'access-webhooks', [1024]);
        await hooks.getByRole('button', { name: `Delete the endpoint ${HOOK_URL}` }).click();
        await hooks.getByText(`The endpoint ${HOOK_URL} is deleted.`).waitFor();
        await hooks.getByText('No endpoints: no events are sent anywhere.').waitFor();
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'tells a MEMBER in words when nothing is settled yet and that the keys are not theirs, shows no finance entry, and prices a workload',
    async () => {
      const tenant = await stack.suite.newTenant('Vandelay Imports');
      const member = stack.suite.jwt(
        (await stack.suite.fixtures.newMember(tenant.id, 'MEMBER')).externalId,
      );
      const page = await stack.browser.newPage(1024);
      try {
        await page.page.goto(`${stack.gateway}/console/spending`);
        await page.page.getByLabel('API key or JWT').fill(member);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        await page.page.getByRole('heading', { name: 'Vandelay Imports: spending' }).waitFor();
        await page.page
          .getByText(
            'Nothing settled in the last 30 days. Usage shows here once its hour is settled',
          )
          .waitFor();
        const nav = page.page.getByRole('navigation', { name: 'Console pages' });
        expect(await nav.getByRole('link').allTextContents()).toEqual(TENANT_PAGES);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'spending-empty', [1024]);

        // The keys are for owners and admins: the page says so, and the API refuses.
        await nav.getByRole('link', { name: 'Access' }).click();
        await page.page
          .getByText("API keys and webhook endpoints are the tenant's owners' and admins' to see.")
          .waitFor();
        expect(await page.page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
        const keys = await stack.suite.gql(
          member,
          `query ($id: ID!) { tenant(id: $id) { apiKeys { id } } }`,
          { id: tenant.id },
        );
        expect(keys.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(seriousViolations(await page.axeViolations())).toEqual([]);

        // The price calculator, exact: 2.5 cores and 8 GiB for 730 hours at the default book
        // (CPU 0.03, MEMORY 0.004 a unit-hour) cost 54.75 + 23.36.
        await nav.getByRole('link', { name: 'Prices' }).click();
        await page.page.getByRole('heading', { name: 'Price calculator' }).waitFor();
        await page.page.getByLabel('CPU quantity', { exact: false }).fill('2.5');
        await page.page.getByLabel('Memory quantity', { exact: false }).fill('8');
        expect(await page.page.getByTestId('cost-CPU').textContent()).toBe('54.75 USD');
        expect(await page.page.getByTestId('cost-total').textContent()).toBe('78.11 USD');
        await page.page.getByLabel('Memory quantity', { exact: false }).fill('1e3');
        expect(await page.page.getByTestId('cost-total').textContent()).toBe(
          'Correct the fields above',
        );
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'prices', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
