import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { V1Deployment } from '@kubernetes/client-node';
import { KubeClient } from '@tally/metering/kube/kube-client';
import { loadKubeConfig } from '@tally/metering/kube/kube-config';
import {
  SAVED_REPLICAS,
  STATE,
  SUSPENDED_QUOTA_NAME,
} from '@tally/metering/suspension/suspension.annotations';
import { formatMicros, parseMicros } from '@tally/money';
import { wholeHours } from '@tally/simulator/backfill/settle-history';
import type {
  DemoCredentials,
  DemoTenantCredentials,
} from '@tally/simulator/tenants/demo-credentials';
import { GatewayClient } from '@tally/simulator/tenants/gateway-client';
import { openBrowser, type TestBrowser } from '../support/browser';
import { LocalCloud } from '../support/local-cloud';
import { waitFor } from '../support/ports';

const HOUR_MS = 3_600_000;
// Initech, in this run: signed up three hours before `npm start`, with about 2.5 hours of its
// spend, so the three hours replayed below take it down the whole ladder one rung at a time.
const INITECH_HISTORY_HOURS = 3;
const INITECH_OPENING = '80.000000';
const TOP_UP = '1000.000000';
const NAMESPACE = 'initech-stream';
// Each step waits on real processes (settlement, debt evaluation, the suspender, the pods).
const E2E_STEP_MS = 300_000;

interface UsageLine {
  hour: string;
  resource: string;
  amount: string;
}
interface WalletView {
  balance: string;
  availableBalance: string;
  spendRate: string;
  debtState: string;
}

/** The debt ladder, from good standing down. */
const SEVERITY = ['NORMAL', 'LOW_BALANCE', 'CRITICAL', 'SUSPENDED'];

/**
 * Where the README's ladder puts a wallet with these live figures (npm start's defaults: no
 * grace, CRITICAL under 1 h of the spend rate, LOW_BALANCE under 24 h).
 */
function ladderState({ availableBalance, spendRate }: WalletView): string {
  const [available, rate] = [parseMicros(availableBalance), parseMicros(spendRate)];
  if (available < 0n) return 'SUSPENDED';
  if (available < rate) return 'CRITICAL';
  return available < rate * 24n ? 'LOW_BALANCE' : 'NORMAL';
}

/**
 * `npm start` end to end, headless: the real scripts/start.sh (etcd, kube-apiserver,
 * Prometheus with a day of backfilled history, the four apps, the simulator) on ports and in a
 * state directory of its own, driven through the public API, the API server and the local
 * checkout page as a developer would. Time is compressed in one place only: Initech is given
 * three hours of history, which are settled one by one here (as `settleHour` lets an admin
 * do) instead of waiting three hours for them to end.
 */
describe('npm start, end to end', () => {
  let cloud: LocalCloud;
  let gateway: GatewayClient;
  let kube: KubeClient;
  let credentials: DemoCredentials;
  let historyEnd: Date;
  let browser: TestBrowser;

  const tenant = (key: string): DemoTenantCredentials =>
    credentials.tenants.find((t) => t.key === key)!;
  const owner = (key: string) => tenant(key).members[0].jwt;
  const initechWallet = () =>
    gateway
      .request<{ wallet: WalletView }>(
        'wallet',
        owner('initech'),
        'query ($id: ID!) { wallet(id: $id) { balance availableBalance spendRate debtState } }',
        { id: tenant('initech').walletId },
      )
      .then((reply) => reply.wallet);
  const usage = (key: string, namespace: string, from: Date, to: Date) =>
    gateway
      .request<{ workspace: { usage: UsageLine[] } }>(
        'usage',
        owner(key),
        `query ($ns: String!, $from: DateTime!, $to: DateTime!) {
          workspace(namespace: $ns) { usage(from: $from, to: $to) { hour resource amount } } }`,
        { ns: namespace, from: from.toISOString(), to: to.toISOString() },
      )
      .then((reply) => reply.workspace.usage);
  const workspaceState = () =>
    gateway
      .request<{ workspace: { state: string } }>(
        'workspace',
        owner('initech'),
        'query ($ns: String!) { workspace(namespace: $ns) { state } }',
        { ns: NAMESPACE },
      )
      .then((reply) => reply.workspace.state);
  const transcoder = () =>
    kube.objects.getNamespacedCustomObject({
      group: 'apps',
      version: 'v1',
      namespace: NAMESPACE,
      plural: 'deployments',
      name: 'transcoder',
    }) as Promise<V1Deployment>;
  const quota = () =>
    kube.core
      .listNamespacedResourceQuota({ namespace: NAMESPACE })
      .then((list) => list.items.find((q) => q.metadata?.name === SUSPENDED_QUOTA_NAME));
  const runningPods = () =>
    kube.core
      .listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'app=transcoder' })
      .then((list) => list.items.filter((pod) => pod.status?.phase === 'Running').length);
  const sum = (lines: readonly UsageLine[]) =>
    lines.reduce((total, line) => total + parseMicros(line.amount), 0n);
  // Positive signals, each with a deadline: a state reached, a count of pods running.
  const untilWallet = (state: string) =>
    waitFor(
      `Initech ${state}`,
      async () => {
        const seen = await initechWallet();
        return seen.debtState === state ? seen : undefined;
      },
      90_000,
      500,
    );
  /**
   * The wallet once its balance is `balance`, its usage accrued (Initech spends all the time:
   * a zero spend rate is an accrual not run yet) and its state the one its live figures give.
   */
  const untilOnItsFigures = (balance: string) =>
    waitFor(
      `Initech's state on its live figures at balance ${balance}`,
      async () => {
        const seen = await initechWallet();
        const accrued = parseMicros(seen.spendRate) > 0n;
        return seen.balance === balance && accrued && seen.debtState === ladderState(seen)
          ? seen
          : undefined;
      },
      90_000,
      500,
    );
  const untilWorkspace = (state: string) =>
    waitFor(
      `workspace ${state}`,
      async () => ((await workspaceState()) === state ? true : undefined),
      90_000,
      500,
    );
  const untilRunningPods = (count: number) =>
    waitFor(
      `${count} transcoder pods`,
      async () => ((await runningPods()) === count ? true : undefined),
      60_000,
      500,
    );

  beforeAll(async () => {
    cloud = await LocalCloud.start({
      TALLY_HISTORY_DAYS: '1',
      SIMULATOR_NEARLY_EMPTY_HISTORY_HOURS: String(INITECH_HISTORY_HOURS),
      SIMULATOR_BALANCE_OF_THE_NEARLY_EMPTY: INITECH_OPENING,
      // Metering's hourly run fires at minute <delay>: put it half an hour away from this run,
      // so the hours replayed here are settled by this test alone.
      TALLY_SETTLEMENT_DELAY_MINUTES: String((new Date().getUTCMinutes() + 30) % 60 || 60),
    });
    await cloud.waitForOutput(/settled \d+ hours of history/, 240_000);
    gateway = new GatewayClient(cloud.gatewayUrl);
    kube = await KubeClient.create(loadKubeConfig(cloud.adminKubeConfigFile), {
      requestTimeoutMs: 10_000,
    });
    credentials = JSON.parse(await cloud.stateFile('demo-credentials.json')) as DemoCredentials;
    historyEnd = new Date((await cloud.stateFile('prometheus/backfilled-until')).trim());
    browser = await openBrowser({
      screenshotDir: process.env.TALLY_E2E_SCREENSHOTS ?? join(cloud.stateDir, 'screenshots'),
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await cloud?.stop();
    await cloud?.remove();
  }, 120_000);

  const startHour = () => new Date(Math.floor(historyEnd.getTime() / HOUR_MS) * HOUR_MS);
  const ladderHours = () =>
    wholeHours(new Date(startHour().getTime() - INITECH_HISTORY_HOURS * HOUR_MS), startHour());

  it(
    'serves the GraphQL IDE to a browser, every file of it from the gateway',
    async () => {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const shown = await page.goto(`${cloud.gatewayUrl}/graphql`);
      expect(shown?.status()).toBe(200);
      expect(await page.title()).toBe('Tally GraphQL IDE (development)');
      // GraphiQL has rendered (React, from the gateway's own scripts) with its Headers tab open,
      // where the README says the token goes.
      await page.getByRole('button', { name: 'Headers' }).waitFor();
      await page.getByText('Loading…').waitFor({ state: 'detached' });
      expect(requested.filter((url) => !url.startsWith(`${cloud.gatewayUrl}/`))).toEqual([]);
      await browser.screenshot(page, 'graphql-ide');
      await page.close();
    },
    E2E_STEP_MS,
  );

  it(
    'charges the backfilled history at once: every hour to the tenants with history, none to Initech',
    async () => {
      const from = new Date(historyEnd.getTime() - 86_400_000);
      const until = ladderHours()[0];
      const hours = wholeHours(from, until);
      expect(cloud.printed).toContain(`settled ${hours.length} hours of history`);

      const shop = await usage('acme', 'acme-shop', from, until);
      const charged = [
        ...new Set(shop.filter((l) => parseMicros(l.amount) > 0n).map((l) => l.hour)),
      ];
      // The first hour is only partly in the history: it may have no sample to charge.
      expect(charged.sort()).toEqual(
        expect.arrayContaining(hours.slice(1).map((h) => h.toISOString())) as unknown,
      );
      expect(charged.length).toBeGreaterThanOrEqual(hours.length - 1);
      expect(charged.length).toBeLessThanOrEqual(hours.length);
      expect(await usage('initech', NAMESPACE, from, until)).toEqual([]);
      expect((await initechWallet()).balance).toBe(INITECH_OPENING);
    },
    E2E_STEP_MS,
  );

  it(
    'usage accrues live: the simulator’s counters for Initech grow in Prometheus',
    async () => {
      const egress = async () => {
        const query = `sum(container_network_transmit_bytes_total{namespace="${NAMESPACE}"})`;
        const response = await fetch(
          `${cloud.prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`,
        );
        const body = (await response.json()) as { data: { result: { value: [number, string] }[] } };
        const [series] = body.data.result;
        return series ? Number(series.value[1]) : undefined;
      };
      const first = await waitFor('Initech egress in Prometheus', egress, 60_000, 1000);
      await waitFor(
        'Initech egress to grow',
        async () => ((await egress())! > first ? true : undefined),
        60_000,
        1000,
      );
    },
    E2E_STEP_MS,
  );

  it(
    'Initech goes down the ladder on its available balance as its hours are charged, to the micro-unit',
    async () => {
      // The last replayed hour is the one before this: open, so its usage is pending (and the
      // current hour's grows by the minute) — the ladder reads the balance less all of it.
      let balance = parseMicros(INITECH_OPENING);
      const states: string[] = [];
      for (const hour of ladderHours()) {
        await gateway.request('settleHour', cloud.adminKey, SETTLE, { hour: hour.toISOString() });
        const lines = await usage('initech', NAMESPACE, hour, new Date(hour.getTime() + HOUR_MS));
        const charge = sum(lines);
        // About 1 Gbit/s to the world (about 32 USD an hour), a few cents of CPU and memory.
        expect(Number(charge) / 1e6).toBeGreaterThan(30);
        expect(Number(charge) / 1e6).toBeLessThan(35);
        balance -= charge;
        const wallet = await untilOnItsFigures(formatMicros(balance));
        states.push(wallet.debtState);
      }
      expect(states.at(-1)).toBe('SUSPENDED');
      // Down only: charges and usage take money, nothing here brings it back.
      const severities = states.map((state) => SEVERITY.indexOf(state));
      expect(severities).toEqual([...severities].sort((a, b) => a - b));
      expect(severities[0]).toBeGreaterThan(0);
    },
    E2E_STEP_MS,
  );

  it(
    'suspension scales Initech’s workloads to 0 in the API server, behind a zero ResourceQuota',
    async () => {
      await untilWorkspace('SUSPENDED');
      const deployment = await transcoder();
      expect(deployment.spec?.replicas).toBe(0);
      expect(deployment.metadata?.annotations?.[SAVED_REPLICAS]).toBe('2');
      expect((await quota())?.spec?.hard).toMatchObject({ pods: '0', 'requests.cpu': '0' });
      const namespace = await kube.core.readNamespace({ name: NAMESPACE });
      expect(namespace.metadata?.annotations?.[STATE]).toBe('suspended');
      // The simulator's pod controller plays the controller-manager: the pods go.
      await untilRunningPods(0);
    },
    E2E_STEP_MS,
  );

  it(
    'a top-up on the local checkout page credits exactly its amount and resumes every workload as it was',
    async () => {
      const before = parseMicros((await initechWallet()).balance);
      const { startRecharge } = await gateway.request<{
        startRecharge: { id: string; checkoutUrl: string };
      }>('startRecharge', owner('initech'), START_RECHARGE, {
        input: {
          walletId: tenant('initech').walletId,
          amount: TOP_UP,
          idempotencyKey: randomUUID(),
        },
      });
      const checkoutUrl = startRecharge.checkoutUrl;
      expect(checkoutUrl.startsWith(`${cloud.gatewayUrl}/checkout/cs_local_`)).toBe(true);
      const page = await browser.newPage({ width: 800, height: 520 });
      expect((await page.goto(checkoutUrl))?.status()).toBe(200);
      expect(await page.locator('#amount').textContent()).toBe(`${TOP_UP} USD`);
      await browser.screenshot(page, 'checkout');

      // Pay, clicked: the browser posts the page's form and shows what the gateway answers.
      const answer = page.waitForResponse(`${checkoutUrl}/pay`);
      await page.getByRole('button', { name: 'Pay' }).click();
      expect((await answer).status()).toBe(200);
      await page.waitForURL(`${checkoutUrl}/pay`);
      expect(await page.locator('h1').textContent()).toBe('Paid');
      expect(await page.locator('#result').textContent()).toBe('Paid: the wallet is credited.');
      expect(await page.locator('#status').textContent()).toBe('SUCCEEDED');
      await page.setViewportSize({ width: 800, height: 400 });
      await browser.screenshot(page, 'checkout-paid');
      await page.close();

      const wallet = await untilWallet('NORMAL');
      expect(parseMicros(wallet.balance) - before).toBe(parseMicros(TOP_UP));

      await untilWorkspace('ACTIVE');
      const deployment = await transcoder();
      expect(deployment.spec?.replicas).toBe(2);
      expect(deployment.metadata?.annotations?.[SAVED_REPLICAS]).toBeUndefined();
      expect(await quota()).toBeUndefined();
      await untilRunningPods(2);
    },
    E2E_STEP_MS,
  );
});

const SETTLE = 'mutation ($hour: DateTime!) { settleHour(hour: $hour) { status } }';
const START_RECHARGE = `mutation ($input: StartRechargeInput!) {
  startRecharge(input: $input) { id checkoutUrl } }`;
