import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { MeteringContext } from '../support/metering-context';
import { ConsoleBrowser, type WatchedPage } from './browser';

const root = join(__dirname, '..', '..');
export const SCREENSHOTS =
  process.env.TALLY_CONSOLE_SCREENSHOTS ?? join(root, '.tally', 'test-output', 'console');
export const WIDTHS = [1280, 1024] as const;
/** The navigation a tenant's person sees, in order (no finance entry). */
export const TENANT_PAGES = [
  'Wallets',
  'Spending',
  'Bills',
  'Top up',
  'Budgets',
  'Access',
  'Prices',
];
// A browser, four apps and the rest of `npm test` share two cores.
export const BROWSER_TEST_MS = 120_000;

const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const CREATE_KEY = `mutation ($tenantId: ID!, $name: String!) {
  createApiKey(tenantId: $tenantId, name: $name) { secret apiKey { id } }
}`;

/**
 * What a console suite runs against: the four apps on a scratch database of its own (no hour
 * is settled behind the test's back: the parked schedule), and one Chromium.
 */
export class ConsoleStack {
  readonly suite = new GatewaySuite();
  private started?: { database: TestDatabase; metering: MeteringContext; browser: ConsoleBrowser };

  async start(extraEnv: Readonly<Record<string, string>> = {}): Promise<void> {
    const database = await createScratchDatabase({ migrated: true });
    const metering = MeteringContext.create(database.url);
    await metering.parkSettlementSchedule();
    await this.suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      ...extraEnv,
    });
    this.started = { database, metering, browser: await ConsoleBrowser.open(SCREENSHOTS) };
  }

  async stop(): Promise<void> {
    await this.started?.browser.close();
    await this.started?.metering.close();
    await this.suite.stop();
    await this.started?.database.drop();
  }

  get gateway(): string {
    return this.suite.cluster.url('gateway');
  }

  get metering(): MeteringContext {
    return this.parts.metering;
  }

  get browser(): ConsoleBrowser {
    return this.parts.browser;
  }

  adjust(walletId: string, amount: string) {
    return this.suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'console test', idempotencyKey: randomUUID() },
    });
  }

  /** A tenant with `balance` on its wallet, a sub-account unless not, and an owner's API key. */
  async tenantWithKey(name: string, balance: string, { subAccount = true } = {}) {
    const tenant = await this.suite.newTenant(name);
    const research = subAccount ? await this.suite.newSubAccount(tenant.id, 'Research') : undefined;
    expect((await this.adjust(tenant.walletId, balance)).errors).toBeUndefined();
    const key = await this.suite.gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      tenant.owner,
      CREATE_KEY,
      { tenantId: tenant.id, name: 'console' },
    );
    expect(key.errors).toBeUndefined();
    const { secret, apiKey } = key.data!.createApiKey;
    return { ...tenant, research, apiKey: secret, apiKeyId: apiKey.id };
  }

  private get parts() {
    if (!this.started) throw new Error('ConsoleStack.start() first');
    return this.started;
  }
}

export async function signIn(page: WatchedPage, token: string): Promise<void> {
  await page.page.getByLabel('API key or JWT').fill(token);
  await page.page.getByRole('button', { name: 'Sign in' }).click();
}
