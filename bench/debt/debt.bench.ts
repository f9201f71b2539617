// The debt ladder's reaction time (issue 13, "Live balance"), on running gateway, account,
// billing and metering processes at production's intervals (accrual and sweep once a minute,
// no grace period) and a real kube-apiserver 1.20 + etcd of the bench's own:
// BENCH_DEBT_WALLETS (20) tenants, one wallet and one workspace each, whose namespace holds two
// Deployments. Each wallet has a small balance and ten cores of CPU delivered at the end of
// every minute, as the ingest path would; its available balance crosses zero at the end of its
// 2nd, 3rd or 4th minute (the wallets are staggered over three accrual runs).
//  - debt.to_suspended_p50 / _p99: from the end of the minute whose sample takes the wallet's
//    pending usage over its balance to tally.dev/state=suspended on its namespace in the API
//    server (polled), its Deployments at 0; p99 target ≤ 120 s.
//  - debt.to_active_p50 / _p99: from an admin `adjustBalance` credit to the namespace's marks
//    cleared and its replicas restored; p99 target ≤ 30 s.
// The API server, etcd, the four apps, Postgres and this process share the machine's cores.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { formatMicros } from '@tally/money';
import { AppCluster } from '@tally/test/support/app-processes';
import { KubeCluster } from '@tally/test/support/kube-cluster';
import { everyMinute, MeteringContext } from '@tally/test/support/metering-context';
import { NamespaceFixtures } from '@tally/test/suspension/namespace-fixtures';
import { baseline } from '../lib/baseline';
import { quantile } from '../lib/quantile';
import { report } from '../lib/report';

const WALLETS = Number(process.env.BENCH_DEBT_WALLETS ?? 20);
/** The size RESULTS.md records; a run of another size is named apart, so none is compared. */
const RECORDED_WALLETS = 20;
const ADMIN_KEY = 'tly_admin_bench_debt_00000000000000000000';
const MINUTE_MS = 60_000;
const CORE_MINUTE = 60_000_000n; // one core for one minute, in core-µs
const CORES = 10n;
/** Ten cores at the default book's 0.03 a core-hour (30,000 µ): 5,000 µ a minute. */
const MICROS_A_MINUTE = (CORES * 30_000n) / 60n;
/** The issue's bounds. */
const TO_SUSPENDED_MS = 120_000;
const TO_ACTIVE_MS = 30_000;
/** A namespace not there by this many times its bound is reported as stuck, not waited for. */
const GIVE_UP = 3;
const POLL_MS = 500;
const CREDIT = '5';
const STATE = 'tally.dev/state';
const DEPLOYMENTS = { web: 3, worker: 1 } as const;

interface BenchWallet {
  readonly walletId: string;
  readonly namespace: string;
  /** The minute (1-based) whose sample takes pending usage over the balance. */
  readonly crossingMinute: number;
}

async function main(): Promise<void> {
  const base = baseline();
  // The workers' schedule settles nothing: the delivered minutes stay pending, as they would
  // until their hour is settled.
  const metering = MeteringContext.create(base.databaseUrl);
  await metering.parkSettlementSchedule();
  const kube = await KubeCluster.start();
  let cluster: AppCluster | undefined;
  try {
    const fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: base.databaseUrl,
      REDIS_URL: base.redisUrl,
      TALLY_ADMIN_API_KEY: ADMIN_KEY,
      TALLY_JWT_SECRET: 'bench-jwt-secret-0000000000000000',
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
      // As the integration suites: on two shared cores a live peer can take longer than 5 s.
      TALLY_RPC_TIMEOUT_MS: '15000',
    });
    const admin = adminOf(cluster);
    const started = Date.now();
    const wallets: BenchWallet[] = [];
    for (let i = 0; i < WALLETS; i++) wallets.push(await openWallet(admin, fixtures, i));
    process.stdout.write(
      `set-up: ${WALLETS} wallets and namespaces in ${seconds(Date.now() - started)} s\n`,
    );
    const before = await Promise.all(wallets.map((w) => fixtures.snapshot(w.namespace)));
    process.stdout.write(`load average (1, 5, 15 min) at the start: ${load()}\n`);

    const crossed = new Map<string, number>();
    const first = Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS;
    const lastCrossing = first + Math.max(...wallets.map((w) => w.crossingMinute)) * MINUTE_MS;
    const [suspended] = await Promise.all([
      until(wallets, 'suspended', lastCrossing + GIVE_UP * TO_SUSPENDED_MS, (w) =>
        suspendedIn(fixtures, w, crossed),
      ),
      deliverMinutes(metering, wallets, first, crossed),
    ]);
    const toSuspended = wallets.map((w) => suspended.get(w.walletId)! - crossed.get(w.walletId)!);

    const credited = new Map<string, number>();
    await Promise.all(
      wallets.map(async (w) => {
        credited.set(w.walletId, Date.now());
        await admin(ADJUST, {
          input: {
            walletId: w.walletId,
            amount: CREDIT,
            reason: 'bench credit',
            idempotencyKey: randomUUID(),
          },
        });
      }),
    );
    const active = await until(wallets, 'active', Date.now() + GIVE_UP * TO_ACTIVE_MS, (w) =>
      activeIn(fixtures, w),
    );
    const toActive = wallets.map((w) => active.get(w.walletId)! - credited.get(w.walletId)!);
    const after = await Promise.all(wallets.map((w) => fixtures.snapshot(w.namespace)));
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error('resume did not restore the namespaces exactly');
    }

    process.stdout.write(`load average (1, 5, 15 min) at the end: ${load()}\n`);
    reportLatencies('to_suspended', toSuspended, TO_SUSPENDED_MS);
    reportLatencies('to_active', toActive, TO_ACTIVE_MS);
  } finally {
    await cluster?.stop();
    await kube.stop();
    await metering.close();
  }
}

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) {
  createTenant(input: $input) { id wallet { id } }
}`;
const CREATE_WORKSPACE = `mutation ($input: CreateWorkspaceInput!) {
  createWorkspace(input: $input) { id }
}`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;

type Admin = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** GraphQL as the platform admin; a reply with errors throws. */
function adminOf(cluster: AppCluster): Admin {
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const reply = await cluster.graphql<T>(query, variables, {
      authorization: `Bearer ${ADMIN_KEY}`,
    });
    if (reply.body.errors || !reply.body.data) {
      throw new Error(
        `${query.trim().split('\n')[0]} ${JSON.stringify(variables)}: ${JSON.stringify(reply.body.errors)}`,
      );
    }
    return reply.body.data;
  };
}

/**
 * Tenant `i`: its namespace in the API server, claimed as its workspace, and a balance half a
 * minute's usage short of its crossing minute's, so the crossing is one sample's and not a
 * rounding's.
 */
async function openWallet(admin: Admin, fixtures: NamespaceFixtures, i: number) {
  const { createTenant } = await admin<{ createTenant: { id: string; wallet: { id: string } } }>(
    CREATE_TENANT,
    { input: { name: `debt-bench-${i}`, currency: 'USD', ownerExternalId: `debt-bench-${i}` } },
  );
  const namespace = await fixtures.newNamespace('debt', createTenant.id);
  for (const [name, replicas] of Object.entries(DEPLOYMENTS)) {
    await fixtures.deployment(namespace, name, replicas);
  }
  await admin(CREATE_WORKSPACE, { input: { tenantId: createTenant.id, namespace } });
  const crossingMinute = 2 + (i % 3);
  const balance = MICROS_A_MINUTE * BigInt(crossingMinute) - MICROS_A_MINUTE / 2n;
  await admin(ADJUST, {
    input: {
      walletId: createTenant.wallet.id,
      amount: formatMicros(balance),
      reason: 'bench balance',
      idempotencyKey: randomUUID(),
    },
  });
  return { walletId: createTenant.wallet.id, namespace, crossingMinute };
}

/**
 * At the end of each minute from `first` on, that minute's sample of every wallet that has not
 * crossed yet; the end of a wallet's crossing minute is its crossing instant. Nothing more is
 * delivered after it: a suspended namespace uses nothing.
 */
async function deliverMinutes(
  metering: MeteringContext,
  wallets: readonly BenchWallet[],
  first: number,
  crossed: Map<string, number>,
): Promise<void> {
  const last = Math.max(...wallets.map((w) => w.crossingMinute));
  for (let minute = 1; minute <= last; minute++) {
    const end = first + minute * MINUTE_MS;
    await new Promise((resolve) => setTimeout(resolve, end - Date.now()));
    const due = wallets.filter((w) => w.crossingMinute >= minute);
    await metering.record(
      due.flatMap((w) =>
        everyMinute(w.namespace, 'CPU', new Date(end - MINUTE_MS), CORES * CORE_MINUTE, 1),
      ),
    );
    for (const w of due) if (w.crossingMinute === minute) crossed.set(w.walletId, end);
  }
}

/**
 * Polls the API server until `reached` says each wallet's namespace is there, and answers the
 * instant each was first seen so; throws naming those still not there at `deadline`.
 */
async function until(
  wallets: readonly BenchWallet[],
  what: string,
  deadline: number,
  reached: (w: BenchWallet) => Promise<boolean>,
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  while (seen.size < wallets.length) {
    if (Date.now() > deadline) {
      const stuck = wallets.filter((w) => !seen.has(w.walletId)).map((w) => w.namespace);
      throw new Error(`${stuck.length} namespaces never ${what}: ${stuck.join(', ')}`);
    }
    await Promise.all(
      wallets
        .filter((w) => !seen.has(w.walletId))
        .map(async (w) => {
          if (await reached(w)) seen.set(w.walletId, Date.now());
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return seen;
}

/** Marked suspended, its Deployments at 0 — and never before its balance crossed zero. */
async function suspendedIn(
  fixtures: NamespaceFixtures,
  w: BenchWallet,
  crossed: ReadonlyMap<string, number>,
): Promise<boolean> {
  if ((await fixtures.namespaceAnnotations(w.namespace))[STATE] !== 'suspended') return false;
  if (!crossed.has(w.walletId)) {
    throw new Error(`${w.namespace} was suspended before its balance crossed zero`);
  }
  const deployments = await fixtures.list('deployments', w.namespace);
  if (deployments.some((d) => d.spec.replicas !== 0)) {
    throw new Error(`${w.namespace} is marked suspended with replicas still running`);
  }
  return true;
}

/** Tally's marks gone and every Deployment back at its replicas. */
async function activeIn(fixtures: NamespaceFixtures, w: BenchWallet): Promise<boolean> {
  if ((await fixtures.namespaceAnnotations(w.namespace))[STATE] !== undefined) return false;
  const deployments = await fixtures.list('deployments', w.namespace);
  return deployments.every(
    (d) => d.spec.replicas === DEPLOYMENTS[d.metadata.name as keyof typeof DEPLOYMENTS],
  );
}

function reportLatencies(figure: string, latencies: readonly number[], bound: number): void {
  process.stdout.write(
    `${sized(figure)}: min ${Math.min(...latencies)} ms, max ${Math.max(...latencies)} ms\n`,
  );
  report({ name: `${sized(figure)}_p50`, value: quantile(latencies, 0.5), unit: 'ms' });
  report({
    name: `${sized(figure)}_p99`,
    value: quantile(latencies, 0.99),
    unit: 'ms',
    max: bound,
  });
}

/** `debt.<figure>`, or `debt.<figure>@<n>w` for a run of another size. */
function sized(figure: string): string {
  return `debt.${figure}${WALLETS === RECORDED_WALLETS ? '' : `@${WALLETS}w`}`;
}

/** How busy the machine is (the cores are shared): a slow run on a busy machine shows so. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
