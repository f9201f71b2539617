import { everyMinute, newNamespace } from '../support/metering-context';
import { seriousViolations, type WatchedPage } from './browser';
import { BROWSER_TEST_MS, ConsoleStack, SCREENSHOTS, signIn, WIDTHS } from './console-stack';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
const GIB_MINUTE = 60n * 2n ** 30n; // 1 GiB held for one minute, in byte-seconds
const SETTLE = `mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }`;

/**
 * The tenant cost center in Chromium against the four apps: spending per day from hours the
 * test settles, exact to the cent in every split; axe-core on every page, screenshots at 1280
 * and 1024 px.
 */
describe('the console cost center', () => {
  const stack = new ConsoleStack();

  beforeAll(() => stack.start(), 120_000);
  afterAll(() => stack.stop());

  /** `hour` settled now through the API, as the schedule would an hour after it ends. */
  async function settle(hour: Date): Promise<void> {
    const reply = await stack.suite.admin<{ settleHour: { status: string } }>(SETTLE, {
      hour: hour.toISOString(),
    });
    expect(reply.data?.settleHour.status).toBe('SUCCEEDED');
  }

  /** The rows of the spending table as [group, amount], the total row last. */
  async function spendRows(page: WatchedPage): Promise<string[][]> {
    const table = page.page.getByRole('table', { name: /^Spending of the last/ });
    const rows = await table.getByRole('row').all();
    return Promise.all(
      rows.slice(1).map(async (row) => await row.locator('th, td').allTextContents()),
    );
  }

  it(
    'shows a tenant owner the wallet and spending per day by namespace, resource and sub-account, exactly',
    async () => {
      const initech = await stack.tenantWithKey('Initech', '100');
      const research = initech.research!;
      const web = await stack.suite.newWorkspace(initech.id, newNamespace('web'));
      const lab = await stack.suite.newWorkspace(initech.id, newNamespace('lab'), research.id);
      expect((await stack.adjust(research.walletId, '10')).errors).toBeUndefined();
      const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      const yesterday = new Date(today - DAY_MS + 10 * HOUR_MS);
      const twoDaysAgo = new Date(today - 2 * DAY_MS + 15 * HOUR_MS);
      // The default book: CPU 0.03 a core-hour, MEMORY 0.004 a GiB-hour. web: 100 cores and
      // 10 GiB for an hour yesterday (3.04); lab: 50 cores for an hour two days ago (1.50).
      await stack.metering.record([
        ...everyMinute(web, 'CPU', yesterday, 100n * CORE_MINUTE),
        ...everyMinute(web, 'MEMORY', yesterday, 10n * GIB_MINUTE),
        ...everyMinute(lab, 'CPU', twoDaysAgo, 50n * CORE_MINUTE),
      ]);
      await settle(twoDaysAgo);
      await settle(yesterday);

      const page = await stack.browser.newPage();
      try {
        await page.page.goto(`${stack.gateway}/console/`);
        await signIn(page, initech.apiKey, initech.id);
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
        expect(await spendRows(page)).toEqual([
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
        expect(await spendRows(page)).toEqual([
          ['CPU', '4.50 USD'],
          ['Memory', '0.04 USD'],
          ['Total', '4.54 USD'],
        ]);

        await spending.getByLabel('Split by').selectOption({ label: 'Sub-account' });
        await spending.getByText('split by sub-account.').waitFor();
        expect(await spendRows(page)).toEqual([
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
    'tells a MEMBER in words when nothing is settled yet, and shows no finance entry',
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
        expect(await nav.getByRole('link').allTextContents()).toEqual(['Wallets', 'Spending']);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'spending-empty', [1024]);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
