// The finance console at scale (issue 14, "bench/console"): 10,000 tenants and 1,000,000
// ledger entries over 30 days (test/support/finance-scale.ts: generate_series, seconds), the
// gateway, account, billing and metering apps, and the built console in Debian's Chromium.
//  - console.overview_ms: from opening /console/finance to every GraphQL request of the page
//    answered and its figures shown; median of RUNS, target ≤ 1,000 ms.
//  - console.tenant_page_ms: the same for a tenant's page (wallets, sub-accounts, workspaces,
//    members); median of RUNS, target ≤ 1,000 ms.
//  - console.overview_first_view_ms: the very first overview, which rolls up every closed day of
//    its period into ledger_day_totals (once per day, ever); reported, no target.
// Chromium, the four apps, Postgres and this process share the machine's cores.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { nowSeconds, signJwt } from '@tally/test/identity/identity-fixtures';
import { ConsoleBrowser, type WatchedPage } from '@tally/test/console/browser';
import { AppCluster } from '@tally/test/support/app-processes';
import { seedFinanceScale } from '@tally/test/support/finance-scale';
import { baseline } from '../lib/baseline';
import { quantile } from '../lib/quantile';
import { report } from '../lib/report';

const TENANTS = Number(process.env.BENCH_CONSOLE_TENANTS ?? 10_000);
const ENTRIES = Number(process.env.BENCH_CONSOLE_ENTRIES ?? 1_000_000);
const RUNS = 5;
const TARGET_MS = 1_000;
const JWT_SECRET = 'bench-console-jwt-secret-000000000';
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const base = baseline();
  ensureConsoleBuilt();
  const pg = new Client({ connectionString: base.databaseUrl });
  await pg.connect();
  let cluster: AppCluster | undefined;
  let browser: ConsoleBrowser | undefined;
  try {
    const seeded = Date.now();
    await seedFinanceScale(pg, { tenants: TENANTS, entries: ENTRIES, days: 30 });
    process.stdout.write(
      `set-up: ${TENANTS} tenants, ${ENTRIES} ledger entries in ${((Date.now() - seeded) / 1000).toFixed(1)} s\n`,
    );
    const finance = await financeUser(pg);
    const tenantId = (
      await pg.query<{ id: string }>(`SELECT id FROM account.tenants ORDER BY name LIMIT 1`)
    ).rows[0].id;
    cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: base.databaseUrl,
      REDIS_URL: base.redisUrl,
      TALLY_JWT_SECRET: JWT_SECRET,
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      TALLY_DEBT_SWEEP_SECONDS: '86400',
      TALLY_RPC_TIMEOUT_MS: '15000',
    });
    const gateway = cluster.url('gateway');
    browser = await ConsoleBrowser.open(join(ROOT, 'bench', 'out', 'console'));
    const page = await browser.newPage();
    await signIn(page, gateway, finance);

    const overview = `${gateway}/console/finance`;
    const first = await timedPage(page, overview, 'Total balance');
    report({ name: 'console.overview_first_view_ms', value: first, unit: 'ms' }, base);
    const overviews: number[] = [];
    const tenants: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      overviews.push(await timedPage(page, overview, 'Total balance'));
      tenants.push(
        await timedPage(page, `${gateway}/console/finance/tenants/${tenantId}`, 'Members'),
      );
    }
    process.stdout.write(`overview runs (ms): ${overviews.map(Math.round).join(', ')}\n`);
    process.stdout.write(`tenant page runs (ms): ${tenants.map(Math.round).join(', ')}\n`);
    report(
      { name: 'console.overview_ms', value: quantile(overviews, 0.5), unit: 'ms', max: TARGET_MS },
      base,
    );
    report(
      { name: 'console.tenant_page_ms', value: quantile(tenants, 0.5), unit: 'ms', max: TARGET_MS },
      base,
    );
    if (page.errors.length > 0)
      throw new Error(`the console reported errors: ${page.errors.join('; ')}`);
  } finally {
    await browser?.close();
    await cluster?.stop();
    await pg.end();
  }
}

/** The console is served from its build; a bench run without one builds it first. */
function ensureConsoleBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'console', 'index.html'))) return;
  const built = spawnSync('npm', ['run', '--silent', 'console:build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('npm run console:build failed');
}

/** A FINANCE person, and a JWT for them the gateway accepts. */
async function financeUser(pg: Client): Promise<string> {
  const externalId = `bench-finance-${randomUUID()}`;
  await pg.query(
    `INSERT INTO account.users (id, external_id, email, platform_role)
     VALUES (gen_random_uuid(), $1, $1 || '@example.test', 'FINANCE')`,
    [externalId],
  );
  return signJwt(
    { sub: externalId, exp: nowSeconds() + 3600 },
    { alg: 'HS256', secret: JWT_SECRET },
  );
}

async function signIn(page: WatchedPage, gateway: string, token: string): Promise<void> {
  await page.page.goto(`${gateway}/console/`);
  await page.page.getByLabel('API key or JWT').fill(token);
  await page.page.getByRole('button', { name: 'Sign in' }).click();
  await page.page.getByRole('heading', { name: 'Tenants', exact: true }).waitFor();
}

/**
 * Opens `url` (the session is in sessionStorage: a reload stays signed in) and waits for the
 * text `shown` and for every GraphQL request the page made to be answered.
 */
async function timedPage(page: WatchedPage, url: string, shown: string): Promise<number> {
  const pending = new Set<unknown>();
  const sent = (request: { url(): string }) => {
    if (request.url().endsWith('/graphql')) pending.add(request);
  };
  const done = (request: unknown) => pending.delete(request);
  page.page.on('request', sent);
  page.page.on('requestfinished', done);
  page.page.on('requestfailed', done);
  try {
    const started = performance.now();
    await page.page.goto(url);
    await page.page.getByText(shown, { exact: true }).first().waitFor({ timeout: 60_000 });
    while (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return performance.now() - started;
  } finally {
    page.page.off('request', sent);
    page.page.off('requestfinished', done);
    page.page.off('requestfailed', done);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
