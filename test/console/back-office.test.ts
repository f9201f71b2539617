import { join } from 'node:path';
import { Client } from 'pg';
import { AccountContext } from '../support/account-context';
import { FinanceFixtures } from '../support/finance-fixtures';
import { FinanceSuite } from '../support/finance-suite';
import { MeteringContext } from '../support/metering-context';
import { ConsoleBrowser, seriousViolations, type WatchedPage } from './browser';
import { TENANT_PAGES } from './console-stack';

const root = join(__dirname, '..', '..');
const SCREENSHOTS =
  process.env.TALLY_CONSOLE_SCREENSHOTS ?? join(root, '.tally', 'test-output', 'console');
const WIDTHS = [1280, 1024] as const;
const BROWSER_TEST_MS = 120_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const UTC_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The finance back office's read pages in Chromium, against the real gateway, account and
 * metering services on a database of the suite's own, so every figure is exactly what the test
 * put there: the overview (balances, debt states, charges and recharges per day, the last
 * reconciliation run), the debt board and the reconciliation runs. axe-core checks each page;
 * screenshots at 1280 and 1024 px are kept in SCREENSHOTS.
 */
describe('the console: finance overview, debt board, reconciliation', () => {
  const env = new FinanceSuite();
  const suite = env.gateway;
  let metering: MeteringContext;
  let ctx: AccountContext;
  let pg: Client;
  let fixtures: FinanceFixtures;
  let browser: ConsoleBrowser;
  let gateway: string;
  let finance: string;
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const tenantName = async (tenantId: string) =>
    (await pg.query<{ name: string }>('SELECT name FROM account.tenants WHERE id = $1', [tenantId]))
      .rows[0].name;

  beforeAll(async () => {
    ({ ctx, pg, fixtures, finance } = await env.start(
      ['gateway', 'account', 'billing', 'metering'],
      {
        PROMETHEUS_URL: 'http://127.0.0.1:9',
        // The states the test writes stay as written: the ladder sweeps once a day here.
        TALLY_DEBT_SWEEP_SECONDS: '86400',
      },
      // No hour is settled behind the test's back.
      async (database) => {
        metering = MeteringContext.create(database.url);
        await metering.parkSettlementSchedule();
      },
    ));
    gateway = suite.cluster.url('gateway');
    browser = await ConsoleBrowser.open(SCREENSHOTS);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await metering?.close();
    await env.stop();
  });

  async function signedInAsFinance(): Promise<WatchedPage> {
    const page = await browser.newPage();
    await page.page.goto(`${gateway}/console/`);
    await page.page.getByLabel('API key or JWT').fill(finance);
    await page.page.getByRole('button', { name: 'Sign in' }).click();
    await page.page.getByRole('heading', { name: 'Tenants', exact: true }).waitFor();
    return page;
  }

  it(
    'shows the overview to the micro-unit: balances, debt states, days, the last run',
    async () => {
      const paying = await ctx.newTenant('USD');
      // Two days ago first: the credit granted today cannot pay for that day's usage.
      const twoDaysAgo = new Date(today - 2 * DAY_MS + 9 * HOUR_MS);
      await fixtures.postedAt(twoDaysAgo, paying.walletId, 'recharge', 300_000_000n);
      await fixtures.postedAt(twoDaysAgo, paying.walletId, 'usage', -12_345_678n);
      await ctx.credit(paying.walletId, 1_234_567_891n);
      await ctx.grant(paying.walletId, 25_000_000n, new Date(Date.now() + 30 * DAY_MS));
      await ctx.charge(paying.walletId, 4_000_000n);
      const critical = await ctx.newTenant('USD');
      await fixtures.inDebt(critical.walletId, 'CRITICAL', '2026-12-01 06:00:00+00');
      await fixtures.reconciliationRun(
        new Date(today - DAY_MS),
        new Date(today - DAY_MS + 6 * HOUR_MS),
        [
          {
            kind: 'source_mismatch',
            namespace: 'shop-prod',
            hour: new Date(today - DAY_MS + 2 * HOUR_MS).toISOString(),
            detail: 'agent 1.2 core-hours, Prometheus 1.5',
          },
        ],
      );

      const page = await signedInAsFinance();
      try {
        const nav = page.page.getByRole('navigation', { name: 'Console pages' });
        expect(await nav.getByRole('link').allTextContents()).toEqual([
          'Overview',
          'Debt board',
          'Reconciliation',
          'Price book',
          'Usage',
          'Tenants',
          'Audit log',
        ]);
        await nav.getByRole('link', { name: 'Overview' }).click();
        await page.page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
        expect(page.page.url()).toBe(`${gateway}/console/finance`);

        const figure = (label: string) =>
          page.page.getByRole('article', { name: label }).getByTestId('figure').textContent();
        await page.page.getByRole('article', { name: 'Total balance' }).waitFor();
        // 1,234.567891 + 25 − 4 + 300 − 12.345678; 21 of the 25 of credit left.
        expect(await figure('Total balance')).toBe('1,543.222213 USD');
        expect(await figure('Promotional credit')).toBe('21.00 USD');
        expect(await figure('Paid money')).toBe('1,522.222213 USD');
        expect(await figure('Pending usage')).toBe('0.00 USD');

        const states = page.page.getByRole('table', { name: 'Wallets per debt state' });
        const stateRow = (label: string) =>
          states.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
        expect(await stateRow('Normal').allTextContents()).toEqual(['Normal', '1', 'Not in debt']);
        expect(await stateRow('Critical').allTextContents()).toEqual([
          'Critical',
          '1',
          'Critical wallets',
        ]);

        const days = page.page.getByRole('table', { name: 'Charges and recharges per day' });
        const dayRow = (ms: number) =>
          days.getByRole('row', { name: new RegExp(`^${UTC_DAY.format(new Date(ms))}`) });
        expect(await dayRow(today).getByRole('cell').allTextContents()).toEqual([
          UTC_DAY.format(new Date(today)),
          '4.00 USD',
          '1,234.567891 USD',
        ]);
        expect(
          await dayRow(today - 2 * DAY_MS)
            .getByRole('cell')
            .allTextContents(),
        ).toEqual([UTC_DAY.format(new Date(today - 2 * DAY_MS)), '12.345678 USD', '300.00 USD']);
        expect(await days.getByRole('row').count()).toBe(15);
        const chart = page.page.getByRole('img', { name: /^Bar chart of charges and recharges/ });
        expect(await chart.locator('canvas').count()).toBe(1);

        const run = page.page.getByRole('table', { name: /^Findings of run/ });
        expect(await run.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
          'Sources disagree',
          'shop-prod',
          expect.stringMatching(/ UTC$/),
          'agent 1.2 core-hours, Prometheus 1.5',
        ]);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-overview', WIDTHS);

        // A currency is checked before it is sent, and another currency has its own figures.
        const currency = page.page.getByLabel('Currency');
        await currency.fill('us');
        await page.page.getByRole('button', { name: 'Show' }).click();
        await page.page
          .getByText('A currency is a three-letter ISO 4217 code, such as USD or EUR.')
          .waitFor();
        await currency.fill('eur');
        await page.page.getByRole('button', { name: 'Show' }).click();
        await page.page.getByText('0.00 EUR').first().waitFor();
        expect(await figure('Total balance')).toBe('0.00 EUR');
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'lists a debt state longest in it first, opens a tenant from it, says when a state is empty',
    async () => {
      const older = await ctx.newTenant('USD');
      const newer = await ctx.newTenant('USD');
      await fixtures.inDebt(older.walletId, 'LOW_BALANCE', '2026-11-30 12:00:00+00');
      await fixtures.inDebt(newer.walletId, 'LOW_BALANCE', '2026-12-02 08:15:00+00');
      const page = await signedInAsFinance();
      try {
        await page.page.getByRole('link', { name: 'Debt board' }).click();
        const table = page.page.getByRole('table', { name: 'Low balance wallets' });
        await table.waitFor();
        expect(page.page.url()).toBe(`${gateway}/console/finance/debts?state=LOW_BALANCE`);
        const rows = table.getByRole('row');
        expect(await rows.count()).toBe(3);
        expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual([
          await tenantName(older.tenantId),
          'Tenant wallet',
          '0.00 USD',
          expect.stringMatching(/^since 30 Nov 2026, 12:00 UTC \(\d+ days\)$/),
          'Not spending',
        ]);
        expect(await rows.nth(2).getByRole('cell').first().textContent()).toBe(
          await tenantName(newer.tenantId),
        );
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-debt-board', WIDTHS);

        await page.page.getByLabel('Debt state').selectOption('SUSPENDED');
        await page.page.getByText('No wallet is suspended now.').waitFor();
        expect(page.page.url()).toBe(`${gateway}/console/finance/debts?state=SUSPENDED`);
        await page.page.goBack();
        await table.getByRole('link', { name: await tenantName(older.tenantId) }).click();
        await page.page.getByRole('heading', { name: await tenantName(older.tenantId) }).waitFor();
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows reconciliation runs newest first with their findings',
    async () => {
      await fixtures.reconciliationRun(
        new Date(today - 5 * DAY_MS),
        new Date(today - 5 * DAY_MS + HOUR_MS),
        [],
      );
      const page = await signedInAsFinance();
      try {
        await page.page.getByRole('link', { name: 'Reconciliation' }).click();
        await page.page.getByRole('heading', { name: 'Reconciliation', exact: true }).waitFor();
        const runs = page.page.getByRole('region', { name: /^Reconciliation run / });
        await runs.first().waitFor();
        expect(await runs.count()).toBe(2);
        await runs.first().getByText('agent 1.2 core-hours, Prometheus 1.5').waitFor();
        await runs
          .nth(1)
          .getByText('Nothing was found: usage, sources and the ledger agree.')
          .waitFor();
        expect(await page.page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-reconciliation', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'lists price book versions, schedules one after checking it, shows the refusal and the diff',
    async () => {
      const page = await signedInAsFinance();
      const next = `${new Date().getUTCFullYear() + 1}-01-01`;
      try {
        await page.page.getByRole('link', { name: 'Price book' }).click();
        const versions = page.page.getByRole('table', { name: 'Price book versions' });
        await versions.waitFor();
        expect(await versions.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
          '1',
          '1 Jan 1970, 00:00 UTC',
          'In force',
          'In force',
        ]);
        await page.page
          .getByText(
            'Version 1 is in force. Choose another version above to see how its prices differ.',
          )
          .waitFor();
        const cpu = page.page.getByLabel('Price of CPU per core-hour');
        expect(await cpu.inputValue()).toBe('0.03');

        // Checked before sending: nothing is asked of the API until the draft is whole.
        const asked = page.requests.length;
        await cpu.fill('cheap');
        await page.page.getByRole('button', { name: 'Schedule version' }).click();
        await page.page.getByText('Write the moment as YYYY-MM-DD HH:MM, in UTC.').waitFor();
        await page.page.getByText('Say why the prices change.').waitFor();
        await page.page
          .getByText('A price is a number of at least 0, e.g. 0.03 or 0.0000083.')
          .waitFor();
        await page.page.getByLabel('Takes effect (UTC)').fill('2020-01-01 00:00');
        await page.page.getByRole('button', { name: 'Schedule version' }).click();
        await page.page
          .getByText('A new version takes effect later than now: past hours keep their prices.')
          .waitFor();
        expect(page.requests.length).toBe(asked);

        await page.page.getByLabel('Takes effect (UTC)').fill(`${next} 00:00`);
        await page.page.getByLabel('Reason').fill('Winter prices');
        await cpu.fill('0.0000083');
        await page.page.getByRole('button', { name: 'Schedule version' }).click();
        const done = page.page.getByRole('status').filter({ hasText: 'Version scheduled' });
        await done.waitFor();
        expect(await done.textContent()).toBe(
          `Version scheduledVersion 2 takes effect 1 Jan ${next.slice(0, 4)}, 00:00 UTC.`,
        );
        await versions.getByRole('row', { name: /^2 / }).waitFor();

        // The same moment again: the API refuses, and says why.
        await page.page.getByRole('button', { name: 'Schedule version' }).click();
        const refused = page.page.getByRole('alert').filter({ hasText: 'not scheduled' });
        await refused.waitFor();
        expect(await refused.textContent()).toMatch(
          /^The version was not scheduledeffectiveFrom must be later than .* \(BAD_USER_INPUT\)$/,
        );

        await versions.getByRole('button', { name: 'Compare version 2' }).click();
        const diff = page.page.getByRole('table', { name: 'Version 2 against version 1' });
        await diff.waitFor();
        expect(
          await diff.getByRole('row', { name: /^CPU/ }).getByRole('cell').allTextContents(),
        ).toEqual(['CPU', '0.03 USD per core-hour', '0.0000083 USD per core-hour', 'Lower']);
        expect(
          await diff.getByRole('row', { name: /^GPU/ }).getByRole('cell').last().textContent(),
        ).toBe('Same');
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        // From the top: a full-page picture of a scrolled page draws the fixed header mid-page.
        await page.page.evaluate('window.scrollTo(0, 0)');
        await page.screenshotAt(SCREENSHOTS, 'finance-price-book', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    "explores a namespace's settled usage by hour and resource, chart and table",
    async () => {
      const tenant = await suite.newTenant('Umbrella');
      const namespace = await suite.newWorkspace(tenant.id, `umbrella-${Date.now() % 100000}`);
      const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      const twoHoursAgo = new Date(thisHour - 2 * HOUR_MS);
      await fixtures.settledUsage(namespace, tenant.walletId, twoHoursAgo, [
        { resource: 'CPU', quantity: 7_200_000_000n, amountMicros: 60_000n },
        { resource: 'MEMORY', quantity: 1_073_741_824n * 3600n, amountMicros: 4_001n },
      ]);
      await fixtures.settledUsage(namespace, tenant.walletId, new Date(thisHour - HOUR_MS), [
        { resource: 'CPU', quantity: 3_600_000_000n, amountMicros: 30_000n },
      ]);
      const page = await signedInAsFinance();
      try {
        await page.page.getByRole('link', { name: 'Usage', exact: true }).click();
        await page.page.getByRole('heading', { name: 'Usage explorer' }).waitFor();
        await page.page.getByText('Name a namespace to see its usage.').waitFor();
        const field = page.page.getByRole('textbox', { name: 'Namespace' });
        await field.fill('Not_A_Namespace');
        await page.page.getByRole('button', { name: 'Show usage' }).click();
        await page.page
          .getByText(
            'A namespace is up to 63 lower-case letters, digits and dashes, e.g. shop-prod.',
          )
          .waitFor();
        await field.fill('nobody-has-this');
        await page.page.getByRole('button', { name: 'Show usage' }).click();
        await page.page.getByText('Could not load the usage of nobody-has-this').waitFor();

        await field.fill(namespace);
        await page.page.getByRole('button', { name: 'Show usage' }).click();
        const table = page.page.getByRole('table', {
          name: `Usage of ${namespace} by hour and resource`,
        });
        await table.waitFor();
        await page.page
          .getByText(`: 0.094001 USD charged in these hours;`, { exact: false })
          .waitFor();
        const rows = table.getByRole('row');
        expect(await rows.count()).toBe(4);
        const cells = async (n: number) => rows.nth(n).getByRole('cell').allTextContents();
        expect(await cells(1)).toEqual([
          expect.stringMatching(/ UTC$/),
          'CPU',
          expect.stringMatching(/^1\.0+$/),
          '0.03 USD',
        ]);
        expect((await cells(2)).slice(1)).toEqual(['CPU', '2.000000', '0.06 USD']);
        expect((await cells(3)).slice(1)).toEqual([
          'MEMORY',
          expect.stringMatching(/^1\.0+$/),
          '0.004001 USD',
        ]);
        const chart = page.page.getByRole('img', { name: /^Stacked bar chart of / });
        expect(await chart.locator('canvas').count()).toBe(1);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.page.evaluate('window.scrollTo(0, 0)');
        await page.screenshotAt(SCREENSHOTS, 'finance-usage', WIDTHS);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses a MEMBER the back office pages in words, and the API refuses too',
    async () => {
      const { tenantId } = await ctx.newTenant('USD');
      const member = suite.jwt((await suite.fixtures.newMember(tenantId, 'MEMBER')).externalId);
      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await page.page.getByLabel('API key or JWT').fill(member);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        const nav = page.page.getByRole('navigation', { name: 'Console pages' });
        await nav.waitFor();
        expect(await nav.getByRole('link').allTextContents()).toEqual(TENANT_PAGES);
        for (const path of [
          'finance',
          'finance/debts?state=CRITICAL',
          'finance/reconciliation',
          'finance/prices',
          'finance/usage',
        ]) {
          await page.page.goto(`${gateway}/console/${path}`);
          await page.page.getByText('Finance pages are not open to you').waitFor();
        }
        const asked = await suite.gql(
          member,
          `{ debtBoard(state: CRITICAL) { edges { cursor } } }`,
        );
        expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
