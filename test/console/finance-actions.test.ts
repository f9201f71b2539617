import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { MeteringContext } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { ConsoleBrowser, seriousViolations, type WatchedPage } from './browser';

const root = join(__dirname, '..', '..');
const SCREENSHOTS =
  process.env.TALLY_CONSOLE_SCREENSHOTS ?? join(root, '.tally', 'test-output', 'console');
const WIDTHS = [1280, 1024] as const;
const BROWSER_TEST_MS = 150_000;

const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const AUDIT_LOG = `query ($t: ID) { auditLog(tenantId: $t) { edges { node { kind reason amount transactionId } } } }`;

interface AuditNode {
  kind: string;
  reason: string;
  amount: string | null;
  transactionId: string | null;
}

/**
 * Finance's actions in the console, against the real apps: finance signs in, finds a tenant,
 * adjusts its balance behind a confirmation with a reason (a refusal of the ledger shown in
 * words first), grants credit, and sees the ledger entry and the audit records on the tenant
 * page and in the audit log. axe-core checks each page and dialog; screenshots at 1280 and
 * 1024 px are kept in SCREENSHOTS.
 */
describe('finance actions in the console', () => {
  const suite = new GatewaySuite();
  let database: TestDatabase;
  let metering: MeteringContext;
  let browser: ConsoleBrowser;
  let gateway: string;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    // No hour is settled behind the test's back: the balance stays what the test made it.
    await metering.parkSettlementSchedule();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      PROMETHEUS_URL: 'http://127.0.0.1:9',
    });
    gateway = suite.cluster.url('gateway');
    browser = await ConsoleBrowser.open(SCREENSHOTS);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await metering?.close();
    await suite.stop();
    await database?.drop();
  });

  /** The tenant's audit trail through the API, newest first. */
  const auditOf = async (tenantId: string) => {
    const reply = await suite.admin<{ auditLog: { edges: { node: AuditNode }[] } }>(AUDIT_LOG, {
      t: tenantId,
    });
    expect(reply.errors).toBeUndefined();
    return reply.data!.auditLog.edges.map((edge) => edge.node);
  };
  const expectAccessible = async (page: WatchedPage) =>
    expect(seriousViolations(await page.axeViolations())).toEqual([]);

  it(
    'lets finance adjust a balance with a reason, and shows the ledger entry and the audit record',
    async () => {
      const name = `Actions ${randomUUID().slice(0, 6)}`;
      const tenant = await suite.newTenant(name);
      const opening = await suite.admin(ADJUST, {
        input: {
          walletId: tenant.walletId,
          amount: '100',
          reason: 'opening',
          idempotencyKey: randomUUID(),
        },
      });
      expect(opening.errors).toBeUndefined();
      const namespace = await suite.newWorkspace(tenant.id, `act-${randomUUID().slice(0, 8)}`);
      const financeUser = await suite.fixtures.newUser('FINANCE');
      const page = await browser.newPage();
      const { page: tab } = page;
      try {
        await tab.goto(`${gateway}/console/`);
        await tab.getByLabel('API key or JWT').fill(suite.jwt(financeUser.externalId));
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByLabel('Search tenants').fill(name);
        await tab.getByRole('button', { name: 'Search' }).click();
        await tab.getByRole('table', { name: 'Tenants found' }).getByRole('link', { name }).click();
        await tab.getByRole('heading', { name }).waitFor();
        const balance = tab
          .getByRole('region', { name: 'Tenant wallet' })
          .getByTestId('wallet-balance');
        expect(await balance.textContent()).toBe('100.00 USD');
        // No month has closed for it: the invoices say so (void and reissue are tested by the API).
        await tab.getByText('No invoices yet: no month with charges has closed.').waitFor();

        // Checked before anything is sent: no amount, no reason.
        await tab.getByRole('button', { name: 'Adjust balance' }).click();
        const dialog = tab.getByRole('dialog', { name: 'Adjust the balance of the tenant wallet' });
        await dialog.getByRole('button', { name: 'Review' }).click();
        await dialog.getByText('Write an amount such as 12.50, with at most 6 decimals.').waitFor();
        await dialog.getByText('Say why: the reason is kept in the audit log.').waitFor();
        await dialog.getByLabel('Amount in USD').fill('0');
        await dialog.getByRole('button', { name: 'Review' }).click();
        await dialog.getByText('The amount may not be zero.').waitFor();
        await expectAccessible(page);

        // The ledger refuses a debit below zero: the refusal in words, and nothing recorded.
        await dialog.getByLabel('Amount in USD').fill('-1000');
        await dialog.getByLabel('Reason').fill('Chargeback of the March invoice');
        await dialog.getByRole('button', { name: 'Review' }).click();
        await dialog.getByText('Debit 1,000.00 USD from the tenant wallet.').waitFor();
        await dialog.getByRole('button', { name: 'Adjust the balance' }).click();
        const refusal = dialog.getByRole('alert');
        await refusal.waitFor();
        expect(await refusal.textContent()).toBe(
          'RefusedThe wallet does not hold enough money for this. (INSUFFICIENT_FUNDS)',
        );
        await page.screenshotAt(SCREENSHOTS, 'finance-adjust-refused', WIDTHS);
        // Only the opening deposit, by the platform admin key, is in the tenant's trail.
        expect((await auditOf(tenant.id)).map((r) => r.reason)).toEqual(['opening']);

        await dialog.getByRole('button', { name: 'Back' }).click();
        await dialog.getByLabel('Amount in USD').fill('25.5');
        await dialog.getByLabel('Reason').fill('Goodwill for the outage of 3 December');
        await dialog.getByRole('button', { name: 'Review' }).click();
        await dialog.getByText('Credit 25.50 USD to the tenant wallet.').waitFor();
        await dialog.getByText('Reason: “Goodwill for the outage of 3 December”').waitFor();
        // The refusal was of the other amount: gone from this confirmation.
        expect(await dialog.getByRole('alert').count()).toBe(0);
        await expectAccessible(page);
        await page.screenshotAt(SCREENSHOTS, 'finance-adjust-confirm', WIDTHS);
        await dialog.getByRole('button', { name: 'Adjust the balance' }).click();
        const done = dialog.getByRole('status');
        await done.getByText(/^Adjusted the tenant wallet: ledger transaction /).waitFor();

        const records = await auditOf(tenant.id);
        const record = { ...records[0], transactionId: records[0].transactionId! };
        expect(records.map((r) => r.reason)).toEqual([
          'Goodwill for the outage of 3 December',
          'opening',
        ]);
        expect([record.kind, record.amount]).toEqual(['BALANCE_ADJUSTED', '25.500000']);
        expect(await done.textContent()).toContain(record.transactionId);
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();

        // The page asks again: the balance, the ledger entry and the audit record are there.
        await tab.getByText('125.50 USD', { exact: true }).first().waitFor();
        expect(await balance.textContent()).toBe('125.50 USD');
        const entry = tab
          .getByRole('table', { name: 'Latest ledger entries' })
          .getByRole('row', { name: new RegExp(record.transactionId) });
        expect((await entry.getByRole('cell').allTextContents()).slice(1)).toEqual([
          'Adjustment by hand',
          record.transactionId,
          '25.50 USD',
        ]);

        // Filtered by kind, and exported as CSV: exactly the entries the filter selects.
        const entries = tab.getByRole('form', { name: 'Ledger entry filters' });
        await entries.getByLabel('Kind').selectOption('transfer');
        await entries.getByRole('button', { name: 'Filter' }).click();
        await tab.getByText('No ledger entry matches these filters.').waitFor();
        await entries.getByLabel('Kind').selectOption('adjustment');
        await entries.getByLabel('From (UTC day)').fill('2031-01-02');
        await entries.getByLabel('To (UTC day, included)').fill('2031-01-01');
        await entries.getByRole('button', { name: 'Filter' }).click();
        await entries.getByText('The first day must not be after the last.').waitFor();
        await entries.getByLabel('From (UTC day)').fill('');
        await entries.getByLabel('To (UTC day, included)').fill('');
        await entries.getByRole('button', { name: 'Filter' }).click();
        await tab.getByTestId('ledger-entry').nth(1).waitFor();
        expect(await tab.getByTestId('ledger-entry').count()).toBe(2);
        const [download] = await Promise.all([
          tab.waitForEvent('download'),
          entries.getByRole('button', { name: 'Export CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`ledger-${tenant.walletId}.csv`);
        const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
        expect(csv[0]).toBe('created_at,entry_id,transaction_id,kind,account,amount,currency');
        expect(csv.slice(1, -1).map((line) => line.split(',').slice(2))).toEqual([
          [record.transactionId, 'adjustment', `wallet:${tenant.walletId}`, '25.500000', 'USD'],
          [expect.any(String), 'adjustment', `wallet:${tenant.walletId}`, '100.000000', 'USD'],
        ]);
        await expectAccessible(page);
        await page.screenshotAt(SCREENSHOTS, 'finance-ledger-filtered', WIDTHS);
        const trail = tab.getByRole('table', { name: 'Audit trail of this tenant' });
        const audited = trail.getByTestId('audit-record');
        await audited.first().waitFor();
        expect(await audited.count()).toBe(2);
        expect((await audited.first().getByRole('cell').allTextContents()).slice(1)).toEqual([
          `Balance adjustedwallet ${tenant.walletId}`,
          `User ${financeUser.id}`,
          tenant.id,
          '25.50 USD',
          'Goodwill for the outage of 3 December',
        ]);
        await expectAccessible(page);
        await page.screenshotAt(SCREENSHOTS, 'finance-tenant-after-adjust', WIDTHS);

        // Credit through its own dialog: a day in the past is refused before sending.
        await tab.getByRole('button', { name: 'Grant credit' }).click();
        const grant = tab.getByRole('dialog', { name: 'Grant credit to the tenant wallet' });
        await grant.getByLabel('Amount in USD').fill('5');
        await grant.getByLabel('Expires at the end of (UTC)').fill('2020-01-31');
        await grant.getByLabel('Reason').fill('Welcome credit');
        await grant.getByRole('button', { name: 'Review' }).click();
        await grant.getByText('The expiry must lie in the future.').waitFor();
        const nextYear = new Date().getUTCFullYear() + 1;
        await grant.getByLabel('Expires at the end of (UTC)').fill(`${nextYear}-01-31`);
        await grant.getByRole('button', { name: 'Review' }).click();
        await grant
          .getByText(
            `Grant 5.00 USD of promotional credit to the tenant wallet, expiring at the end of 31 January ${nextYear} (UTC).`,
          )
          .waitFor();
        await grant.getByRole('button', { name: 'Grant the credit' }).click();
        await grant
          .getByRole('status')
          .getByText(/^Granted 5.00 USD to the tenant wallet/)
          .waitFor();
        await grant.getByRole('button', { name: 'Close', exact: true }).click();
        await trail.getByText('Credit granted').waitFor();
        expect(await balance.textContent()).toBe('130.50 USD');

        // A namespace by hand: the reason is asked for, the request answered in words, and the
        // record (metering's, through its outbox) in the trail once the page asks again.
        await tab.getByLabel('Namespace').selectOption(namespace);
        await tab.getByRole('button', { name: 'Suspend by hand' }).click();
        const hold = tab.getByRole('dialog', { name: 'Suspend a namespace by hand' });
        await hold.getByRole('button', { name: 'Review' }).click();
        await hold.getByText('Say why: the reason is kept in the audit log.').waitFor();
        await hold.getByLabel('Reason').fill('Abuse report 4711');
        await hold.getByRole('button', { name: 'Review' }).click();
        await hold.getByText(new RegExp(`^Suspend ${namespace} by hand: `)).waitFor();
        await expectAccessible(page);
        await page.screenshotAt(SCREENSHOTS, 'finance-suspend-confirm', WIDTHS);
        await hold.getByRole('button', { name: 'Suspend the namespace' }).click();
        await hold
          .getByRole('status')
          .getByText(
            `${namespace} is held by hand: it stops within seconds. The audit log has the record.`,
          )
          .waitFor();
        await hold.getByRole('button', { name: 'Close', exact: true }).click();
        await waitFor('the suspension in the audit trail', async () => {
          await tab.reload();
          await trail.getByTestId('audit-record').first().waitFor();
          return (await trail.getByText('Namespace suspended').count()) > 0 || undefined;
        });

        // The whole log, filtered by tenant and kind, from the navigation.
        await tab
          .getByRole('navigation', { name: 'Console pages' })
          .getByRole('link', { name: 'Audit log' })
          .click();
        await tab.getByRole('heading', { name: 'Audit log' }).waitFor();
        await tab.getByLabel('Actor (user or API key id)').fill(financeUser.id);
        await tab.getByLabel('Tenant id').fill(tenant.id);
        await tab.getByLabel('Kind').selectOption('BALANCE_ADJUSTED');
        await tab.getByRole('button', { name: 'Filter' }).click();
        const log = tab.getByRole('table', { name: 'Audit records' });
        await log.getByText('Goodwill for the outage of 3 December').waitFor();
        expect(await log.getByTestId('audit-record').count()).toBe(1);
        expect(tab.url()).toBe(
          `${gateway}/console/finance/audit?actor=${financeUser.id}&tenant=${tenant.id}&kind=BALANCE_ADJUSTED`,
        );
        await expectAccessible(page);
        await page.screenshotAt(SCREENSHOTS, 'finance-audit-log', WIDTHS);
        await tab.getByLabel('Actor (user or API key id)').fill(randomUUID());
        await tab.getByRole('button', { name: 'Filter' }).click();
        await tab.getByText('No action matches these filters.').waitFor();
        await tab.getByLabel('Tenant id').fill('not-a-tenant');
        await tab.getByRole('button', { name: 'Filter' }).click();
        await tab
          .getByRole('alert')
          .getByText('tenantId is not a tenant id (BAD_USER_INPUT)')
          .waitFor();
        expect(page.errors.filter((e) => !e.startsWith('HTTP 400'))).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
