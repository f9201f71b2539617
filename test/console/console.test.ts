import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { printServedSchema } from '@tally/gateway/console/served-schema';
import { everyMinute, type MeteringContext, newNamespace } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { type ConsoleBrowser, seriousViolations } from './browser';
import {
  BROWSER_TEST_MS,
  ConsoleStack,
  SCREENSHOTS,
  signIn,
  TENANT_PAGES,
  WIDTHS,
} from './console-stack';

const root = join(__dirname, '..', '..');

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
const CORES = 100n;
// The default price book's CPU: 0.03 a core-hour, so 100 cores cost 0.05 a minute.
const MICROS_PER_MINUTE = 50_000n;

/** Whole cents under 1,000 USD, as the console writes them: 3_850_000n → "3.85 USD". */
function usdCents(micros: bigint): string {
  if (micros % 10_000n !== 0n || micros >= 1_000_000_000n) throw new Error(`not for ${micros}`);
  const cents = micros / 10_000n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')} USD`;
}

const DEBT_STATE = `query ($id: ID!) { wallet(id: $id) { debtState } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`;

/**
 * The console as a person uses it: the gateway serves the built files (`npm run build`) at
 * /console under a strict CSP, a tenant owner signs in with an API key made through the API,
 * and the wallet page shows the balance to the micro-unit. axe-core checks each page; the
 * screenshots at 1280 and 1024 px wide are kept in SCREENSHOTS.
 */
describe('the console', () => {
  const stack = new ConsoleStack();
  const suite = stack.suite;
  let metering: MeteringContext;
  let browser: ConsoleBrowser;
  let gateway: string;

  beforeAll(async () => {
    await stack.start({
      // Live figures and the debt ladder within a second of the samples, not a minute.
      TALLY_PENDING_ACCRUAL_SECONDS: '1',
      TALLY_DEBT_SWEEP_SECONDS: '1',
    });
    ({ metering, browser, gateway } = stack);
  }, 120_000);
  afterAll(() => stack.stop());

  const adjust = (walletId: string, amount: string) => stack.adjust(walletId, amount);
  const tenantWithKey = (...args: Parameters<ConsoleStack['tenantWithKey']>) =>
    stack.tenantWithKey(...args);

  /**
   * 10 USD on the sub-account's wallet and a namespace of its running 100 cores every minute of
   * the last hour and of this one so far: about 3 USD an hour, so an hour or two left
   * (LOW_BALANCE). Nothing is settled, so all of it is pending; returns those micro-units.
   */
  async function spendingSubAccount(tenantId: string, sub: { id: string; walletId: string }) {
    expect((await adjust(sub.walletId, '10')).errors).toBeUndefined();
    const namespace = await suite.newWorkspace(tenantId, newNamespace('lab'), sub.id);
    const now = Date.now();
    const thisHour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const minutesSoFar = Math.floor((now - thisHour) / MINUTE_MS);
    await metering.record([
      ...everyMinute(namespace, 'CPU', new Date(thisHour - HOUR_MS), CORES * CORE_MINUTE),
      ...everyMinute(namespace, 'CPU', new Date(thisHour), CORES * CORE_MINUTE, minutesSoFar),
    ]);
    await waitFor(
      'the sub-account LOW_BALANCE',
      async () => {
        const reply = await suite.admin<{ wallet: { debtState: string } }>(DEBT_STATE, {
          id: sub.walletId,
        });
        return reply.data?.wallet.debtState === 'LOW_BALANCE' ? true : undefined;
      },
      60_000,
    );
    return MICROS_PER_MINUTE * BigInt(60 + minutesSoFar);
  }

  it('was generated from the schema the gateway serves', async () => {
    const { body } = await suite.cluster.graphql<IntrospectionQuery>(getIntrospectionQuery());
    const committed = readFileSync(join(root, 'apps', 'console', 'schema.graphql'), 'utf8');
    // When this fails: `npm run console:schema`, then commit schema.graphql and src/gql.
    expect(printServedSchema(body.data!)).toBe(committed);
  });

  it('is served at /console with a strict CSP, every route getting the app', async () => {
    const index = await fetch(`${gateway}/console/`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).not.toContain('unsafe');
    const html = await index.text();
    const script = /<script type="module" crossorigin src="(\/console\/assets\/[^"]+\.js)"/.exec(
      html,
    );
    expect(script).not.toBeNull();
    // Each response its own nonce, written into the page for Mantine's <style> elements.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(html).toContain(`<meta name="tally-style-nonce" content="${nonce}"`);

    const asset = await fetch(`${gateway}${script![1]}`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const deep = await fetch(`${gateway}/console/wallets/anything`);
    expect([deep.status, await deep.text()]).toEqual([200, expect.stringContaining('id="root"')]);
    const missing = await fetch(`${gateway}/console/assets/missing-0000.js`);
    expect(missing.status).toBe(404);
  });

  it(
    'signs a tenant owner in with an API key and shows the wallet to the micro-unit',
    async () => {
      const acme = await tenantWithKey('Acme Rockets', '1234567.891234');
      const pending = await spendingSubAccount(acme.id, acme.research!);
      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await page.page.getByRole('heading', { name: 'Tally console' }).waitFor();
        await page.page.getByLabel('API key or JWT').fill(acme.apiKey);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'sign-in', WIDTHS);

        await signIn(page, acme.apiKey);
        await page.page.getByRole('heading', { name: 'Acme Rockets: wallets' }).waitFor();
        const tenantWallet = page.page.getByRole('region', { name: 'Tenant wallet' });
        expect(await tenantWallet.getByTestId('wallet-balance').textContent()).toBe(
          '1,234,567.891234 USD',
        );
        // Nothing pending and nothing running: available is the balance, and it never runs out.
        const row = (label: string) =>
          tenantWallet.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
        expect(await row('Available balance').textContent()).toBe('1,234,567.891234 USD');
        expect(await row('Pending charges').textContent()).toBe('0.00 USD');
        expect(await row('Runs out').textContent()).toBe('Not spending');

        // The spending sub-account: its pending usage exactly, and when its money runs out.
        const research = page.page.getByRole('region', { name: 'Research' });
        const researchRow = (label: string) =>
          research.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
        expect(await research.getByText('Low balance').count()).toBe(1);
        expect(await researchRow('Pending charges').textContent()).toBe(usdCents(pending));
        expect(await researchRow('Available balance').textContent()).toBe(
          usdCents(10_000_000n - pending),
        );
        expect(await researchRow('Runs out').textContent()).toMatch(/UTCin [12] h \d\d min$/);
        expect(await page.page.evaluate('sessionStorage.length')).toBe(1);
        expect(await page.page.context().cookies()).toEqual([]);

        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'wallets', WIDTHS);
        // Every file came from the gateway (no CDN), and the CSP refused nothing.
        expect(page.requests.filter((url) => !url.startsWith(`${gateway}/`))).toEqual([]);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'signs a tenant owner in with a JWT, finds their tenants through me and switches between them',
    async () => {
      const globex = await tenantWithKey('Globex', '0.000001', { subAccount: false });
      // The same person is also a MEMBER of another tenant.
      const umbrella = await suite.newTenant('Umbrella');
      expect((await adjust(umbrella.walletId, '42')).errors).toBeUndefined();
      const added = await suite.admin(ADD_MEMBER, {
        input: { tenantId: umbrella.id, externalId: globex.ownerExternalId, role: 'MEMBER' },
      });
      expect(added.errors).toBeUndefined();
      const page = await browser.newPage(1024);
      try {
        await page.page.goto(`${gateway}/console/`);
        await page.page.getByLabel('API key or JWT').fill(globex.owner);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        await page.page.getByRole('heading', { name: 'Globex: wallets' }).waitFor();
        const tenantWallet = page.page.getByRole('region', { name: 'Tenant wallet' });
        expect(await tenantWallet.getByTestId('wallet-balance').textContent()).toBe('0.000001 USD');
        await page.page.getByText('Signed in with a JWT').waitFor();
        await page.page.getByText('No sub-accounts: everything Globex runs draws on').waitFor();
        expect(seriousViolations(await page.axeViolations())).toEqual([]);

        await page.page
          .getByLabel('Tenant', { exact: true })
          .selectOption({ label: 'Umbrella (member)' });
        await page.page.getByRole('heading', { name: 'Umbrella: wallets' }).waitFor();
        expect(await tenantWallet.getByTestId('wallet-balance').textContent()).toBe('42.00 USD');
        await page.screenshotAt(SCREENSHOTS, 'wallets-member', [1024]);
        expect(page.errors).toEqual([]);

        await page.page.getByRole('button', { name: 'Sign out' }).click();
        await page.page.getByRole('heading', { name: 'Tally console' }).waitFor();
        expect(await page.page.evaluate('sessionStorage.length')).toBe(0);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'on a reload says it is loading, then that a key revoked since sign-in is refused, offering to sign in again',
    async () => {
      const hooli = await tenantWithKey('Hooli', '1', { subAccount: false });
      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await signIn(page, hooli.apiKey);
        await page.page.getByRole('heading', { name: 'Hooli: wallets' }).waitFor();
        const revoked = await suite.gql(hooli.owner, REVOKE_KEY, { id: hooli.apiKeyId });
        expect(revoked.errors).toBeUndefined();

        // The session outlives a reload (sessionStorage); the key does not. Its first request
        // is held until the page has said it is loading, then goes to the gateway as it was.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.page.route('**/graphql', async (route) => {
          await held;
          await route.continue();
        });
        await page.page.reload();
        await page.page.getByRole('status').getByText('Loading wallets…').waitFor();
        release();
        const alert = page.page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toBe(
          'Could not load wallets' +
            'The token was not accepted: it may have expired or been revoked. Sign in again. ' +
            '(UNAUTHENTICATED)' +
            'Sign in again',
        );
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'wallets-refused', [1280]);
        await alert.getByRole('button', { name: 'Sign in again' }).click();
        await page.page.getByRole('heading', { name: 'Tally console' }).waitFor();
        expect(await page.page.evaluate('sessionStorage.length')).toBe(0);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'lets finance search tenants by name and namespace, page through them and open one with its wallet figures exactly',
    async () => {
      const tag = `Fin${randomUUID().slice(0, 6)}`;
      const names = Array.from(
        { length: 12 },
        (_, i) => `${tag} Tenant ${String(i + 1).padStart(2, '0')}`,
      );
      const tenants = [];
      for (const name of names) tenants.push(await suite.newTenant(name));
      const target = tenants[6];
      const research = await suite.newSubAccount(target.id, 'Research');
      expect((await adjust(target.walletId, '4321.000987')).errors).toBeUndefined();
      expect((await adjust(research.walletId, '12.5')).errors).toBeUndefined();
      const namespace = `${tag.toLowerCase()}-web-prod`;
      await suite.newWorkspace(target.id, namespace, research.id);
      const member = await suite.fixtures.newMember(target.id, 'ADMIN');
      const finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);

      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await page.page.getByLabel('API key or JWT').fill(finance);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        // Finance belongs to no tenant: the console opens on the tenants page.
        await page.page.getByRole('heading', { name: 'Tenants', exact: true }).waitFor();
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

        const table = page.page.getByRole('table', { name: 'Tenants found' });
        const linksIn = () => table.getByRole('link').allTextContents();
        await page.page.getByLabel('Rows per page').selectOption('10');
        await page.page.getByLabel('Search tenants').fill(tag.toUpperCase());
        await page.page.getByRole('button', { name: 'Search' }).click();
        await table.getByRole('link', { name: names[0] }).waitFor();
        expect(await linksIn()).toEqual(names.slice(0, 10));
        const targetRow = table.getByRole('row', { name: new RegExp(`^${names[6]}`) });
        expect(await targetRow.getByRole('cell').allTextContents()).toEqual([
          names[6],
          target.id,
          '4,321.000987 USD',
          'Normal',
        ]);
        expect(page.page.url()).toBe(
          `${gateway}/console/finance/tenants?search=${encodeURIComponent(tag.toUpperCase())}`,
        );
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-tenants', WIDTHS);

        await page.page.getByRole('button', { name: 'Next page' }).click();
        await table.getByRole('link', { name: names[10] }).waitFor();
        expect(await linksIn()).toEqual(names.slice(10));
        expect(await page.page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
        await page.page.getByText('Page 2', { exact: true }).waitFor();
        await page.page.getByRole('button', { name: 'Previous page' }).click();
        await table.getByRole('link', { name: names[0] }).waitFor();
        expect(await linksIn()).toEqual(names.slice(0, 10));

        // A namespace's start finds the tenant whose workspace it is.
        await page.page.getByLabel('Search tenants').fill(`${tag.toLowerCase()}-web`);
        await page.page.getByRole('button', { name: 'Search' }).click();
        await page.page.getByText('Page 1', { exact: true }).waitFor();
        await table.getByRole('link', { name: names[6] }).waitFor();
        expect(await linksIn()).toEqual([names[6]]);
        await page.page.getByLabel('Search tenants').fill(`${tag} nobody`);
        await page.page.getByRole('button', { name: 'Search' }).click();
        await page.page.getByText(`No tenant matches “${tag} nobody”.`).waitFor();

        await page.page.goBack();
        await table.getByRole('link', { name: names[6] }).click();
        await page.page.getByRole('heading', { name: names[6] }).waitFor();
        expect(page.page.url()).toBe(`${gateway}/console/finance/tenants/${target.id}`);
        const tenantWallet = page.page.getByRole('region', { name: 'Tenant wallet' });
        expect(await tenantWallet.getByTestId('wallet-balance').textContent()).toBe(
          '4,321.000987 USD',
        );
        const row = (label: string) =>
          tenantWallet.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
        expect(await row('Available balance').textContent()).toBe('4,321.000987 USD');
        const sub = page.page.getByRole('region', { name: 'Research' });
        expect(await sub.getByTestId('wallet-balance').textContent()).toBe('12.50 USD');
        await sub.getByText('Monthly budget none · spending cap none').waitFor();
        const workspaces = page.page.getByRole('table', { name: 'Workspaces' });
        expect(
          await workspaces
            .getByRole('row', { name: new RegExp(namespace) })
            .getByRole('cell')
            .allTextContents(),
        ).toEqual([namespace, 'Active', 'Research', 'None']);
        const members = page.page.getByRole('table', { name: 'Members' });
        expect(
          await members
            .getByRole('row', { name: new RegExp(member.externalId) })
            .getByRole('cell')
            .allTextContents(),
        ).toEqual([`${member.externalId}@example.test`, member.externalId, member.id, 'Admin']);
        expect(await members.getByRole('row', { name: /Owner$/ }).count()).toBe(1);
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-tenant', WIDTHS);

        // The address opens the same page after a reload.
        await page.page.reload();
        await page.page.getByRole('heading', { name: names[6] }).waitFor();
        // An id no tenant has: the API answers null, the page says so in words.
        await page.page.goto(`${gateway}/console/finance/tenants/${randomUUID()}`);
        const alert = page.page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toBe(
          'Could not load the tenant' +
            'Nothing was found under this id, or this identity may not see it. (NOT_FOUND)',
        );
        await page.page.getByRole('link', { name: 'All tenants' }).click();
        await page.page.getByRole('heading', { name: 'Tenants', exact: true }).waitFor();
        expect(page.page.url()).toBe(`${gateway}/console/finance/tenants`);
        expect(page.requests.filter((url) => !url.startsWith(`${gateway}/`))).toEqual([]);
        expect(page.errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a MEMBER no finance entry, and refuses the finance address in words (the API refuses too)',
    async () => {
      const tenant = await suite.newTenant('Vandelay');
      const member = suite.jwt((await suite.fixtures.newMember(tenant.id, 'MEMBER')).externalId);
      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await page.page.getByLabel('API key or JWT').fill(member);
        await page.page.getByRole('button', { name: 'Sign in' }).click();
        await page.page.getByRole('heading', { name: 'Vandelay: wallets' }).waitFor();
        const nav = page.page.getByRole('navigation', { name: 'Console pages' });
        expect(await nav.getByRole('link').allTextContents()).toEqual(TENANT_PAGES);
        expect(await page.page.getByRole('link', { name: 'Tenants' }).count()).toBe(0);

        await page.page.goto(`${gateway}/console/finance/tenants`);
        const alert = page.page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toBe(
          'Finance pages are not open to you' +
            'Only finance staff and platform admins may search tenants and see their books. ' +
            'This identity may not see this. (FORBIDDEN)' +
            'Back to your wallets',
        );
        expect(seriousViolations(await page.axeViolations())).toEqual([]);
        await page.screenshotAt(SCREENSHOTS, 'finance-refused', WIDTHS);
        await page.page.goto(`${gateway}/console/finance/tenants/${tenant.id}`);
        await page.page.getByText('Finance pages are not open to you').waitFor();
        expect(page.errors).toEqual([]);

        const asked = await suite.gql(member, `{ tenants { edges { cursor } } }`);
        expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses a wrong key, and a key of no tenant, in words with their codes, and keeps nothing',
    async () => {
      const page = await browser.newPage();
      try {
        await page.page.goto(`${gateway}/console/`);
        await signIn(page, `tly_${'0'.repeat(40)}`);
        const alert = page.page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('(UNAUTHENTICATED)');
        expect(await page.page.evaluate('sessionStorage.length')).toBe(0);

        // The platform admin key is accepted by the API but belongs to no tenant.
        await signIn(page, suite.adminKey);
        await alert.getByText(/belongs to no tenant/).waitFor();
        expect(await alert.textContent()).toContain('(NO_TENANT)');
        expect(await page.page.evaluate('sessionStorage.length')).toBe(0);
      } finally {
        await page.close();
      }
    },
    BROWSER_TEST_MS,
  );
});
