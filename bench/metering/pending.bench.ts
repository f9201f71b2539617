// The live balance's cost (issue 13), on running gateway, account, billing and metering
// processes over 100,000 namespaces × 5 resources and 1,000 wallets, from delivered hourly sums
// (the last hour complete, this one half through; the Prometheus read path is not measured):
//  - metering.pending_accrual_cpu: CPU seconds of one accrual run — metering, account, billing
//    and Postgres together, over several runs — with the debt evaluation of the wallets it
//    touched; at one run a minute, target ≤ 10 % of one core (6 s a run).
//  - metering.pending_accrual_core_share: the same, as the share of one core it takes a minute.
//  - metering.pending_accrual_wall: one run, start to end (BullMQ's processedOn → finishedOn).
//  - metering.wallet_read_p50 / _p99: GraphQL `wallet(id)` with its live figures
//    (availableBalance, pendingCharges, spendRate, runsOutAt), one request at a time while the
//    accrual runs every 20 s; p99 target ≤ 5 ms. Printed beside it: the p99 of the reads that
//    overlapped an accrual run and of the others.
//  - metering.wallet_balance_read_p99: the baseline, `wallet(id) { balance }` interleaved with
//    them (gateway and account, no live figures), and the ratio of the two p99s.
import { PrismaService } from '@tally/prisma';
import { QueueName } from '@tally/queue';
import type { Resource } from '@tally/transport';
import { AppCluster } from '@tally/test/support/app-processes';
import { waitFor } from '@tally/test/support/ports';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { baseline } from '../lib/baseline';
import { HttpPoster } from '../lib/http-poster';
import { parkSettlement, seedFundedTenants } from '../lib/bench-tenants';
import { cpuSeconds, postgresCpu, postgresCpuSince } from '../lib/process-cpu';
import { quantile } from '../lib/quantile';
import { report } from '../lib/report';

const NAMESPACES = Number(process.env.BENCH_PENDING_NAMESPACES ?? 100_000);
/** The size RESULTS.md records; a smaller run's figures are named apart, so none is compared. */
const RECORDED_NAMESPACES = 100_000;
const WALLETS = 1_000;
const RESOURCES: Resource[] = ['CPU', 'MEMORY', 'STORAGE', 'NETWORK_EGRESS', 'NODEPORT'];
const ADMIN_KEY = 'tly_admin_bench_pending_00000000000000000';
const HOUR_MS = 3_600_000;
/** Runs closer together than production's minute, so a few are measured in a short bench. */
const ACCRUAL_SECONDS = 20;
const MEASURED_RUNS = 3;
const READS = 2_000;
const WALLET = `query ($id: ID!) {
  wallet(id: $id) { availableBalance pendingCharges spendRate runsOutAt }
}`;
/** The baseline: the same wallet read without its live figures (gateway and account only). */
const WALLET_BALANCE = `query ($id: ID!) { wallet(id: $id) { balance } }`;

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({ databaseUrl: base.databaseUrl, poolMax: 4 });
  try {
    const walletIds = await seedFundedTenants(prisma, {
      prefix: 'pending',
      wallets: WALLETS,
      namespaces: NAMESPACES,
    });
    await deliverOpenHours(prisma);
    await parkSettlement(prisma);
    const cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: base.databaseUrl,
      REDIS_URL: base.redisUrl,
      TALLY_ADMIN_API_KEY: ADMIN_KEY,
      TALLY_JWT_SECRET: 'bench-jwt-secret-0000000000000000',
      TALLY_PENDING_ACCRUAL_SECONDS: String(ACCRUAL_SECONDS),
      // The sweep looks at the same wallets: kept out of the accrual's figure.
      TALLY_DEBT_SWEEP_SECONDS: '3600',
      // The reads measure latency, not the per-key limit.
      TALLY_RATE_LIMIT_PER_MINUTE: '100000',
      TALLY_RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    });
    const connection = new IORedis(base.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.PendingAccrual, { connection });
    try {
      await accrual(cluster, queue);
      await walletReads(cluster, queue, walletIds);
    } finally {
      await queue.close();
      connection.disconnect();
      await cluster.stop();
    }
  } finally {
    await prisma.onApplicationShutdown();
  }
}

/** The last hour complete (60 samples a resource) and this one half through (30). */
async function deliverOpenHours(prisma: PrismaService): Promise<void> {
  const current = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  for (const [hour, minutes] of [
    [new Date(current - HOUR_MS), 60],
    [new Date(current), 30],
  ] as const) {
    await prisma.pool.query(
      `INSERT INTO metering.usage_hourly
              (source, hour, namespace, resource, quantity, sample_count, min_quantity, max_quantity)
       SELECT 'prometheus', $1, 'pending-' || g, r, 60000000::bigint * $3 + g, $3, 60000000, 60000000 + g
         FROM generate_series(0, $2 - 1) g, unnest($4::text[]) r`,
      [hour, NAMESPACES, minutes, RESOURCES],
    );
  }
}

async function accrual(cluster: AppCluster, queue: Queue): Promise<void> {
  const names = [...cluster.apps.keys()];
  const pids = [...cluster.apps.values()].map((app) => app.child.pid!);
  const apps = () => pids.map(cpuSeconds);
  const completed = async () => (await queue.getJobs(['completed'])).length;
  const runsAfter = (count: number) =>
    waitFor(
      `accrual run ${count + 1}`,
      async () => ((await completed()) > count ? true : undefined),
      ACCRUAL_SECONDS * 1000 * 10,
      200,
    );
  // The first run (and the apps' start-up work beside it) is not measured.
  await runsAfter(0);
  const first = await completed();
  await runsAfter(first);
  const [appsBefore, postgresBefore] = [apps(), postgresCpu()];
  await runsAfter(first + MEASURED_RUNS);
  const used = [
    ...apps().map((seconds, i) => seconds - appsBefore[i]),
    postgresCpuSince(postgresBefore),
  ].map((seconds) => seconds / MEASURED_RUNS);
  const perRun = used.reduce((sum, seconds) => sum + seconds, 0);
  console.log(
    `metering.pending_accrual CPU seconds a run: ${[...names, 'postgres']
      .map((name, i) => `${name} ${used[i].toFixed(2)}`)
      .join(', ')}`,
  );
  const walls = (await queue.getJobs(['completed']))
    .slice(0, MEASURED_RUNS)
    .map((job) => job.finishedOn! - job.processedOn!);
  report({ name: sized('pending_accrual_cpu'), value: perRun, unit: 'CPU s/run', max: 6 });
  report({ name: sized('pending_accrual_core_share'), value: (perRun / 60) * 100, unit: '%' });
  report({ name: sized('pending_accrual_wall'), value: quantile(walls, 0.5) / 1000, unit: 's' });
}

async function walletReads(
  cluster: AppCluster,
  queue: Queue,
  walletIds: readonly string[],
): Promise<void> {
  const live: Read[] = [];
  const balanceOnly: number[] = [];
  // One kept-alive connection through node:http: fetch would cost the client as much as the
  // gateway spends answering, on the same two cores.
  const poster = new HttpPoster(new URL(`${cluster.url('gateway')}/graphql`), 1);
  try {
    for (let i = 0; i < READS; i++) {
      const id = walletIds[i % walletIds.length];
      live.push(await timedRead(poster, WALLET, id));
      balanceOnly.push((await timedRead(poster, WALLET_BALANCE, id)).ms);
    }
  } finally {
    poster.close();
  }
  const latencies = live.map((read) => read.ms);
  const runs = (await queue.getJobs(['completed', 'active'])).map((job) => ({
    from: job.processedOn ?? Infinity,
    to: job.finishedOn ?? Infinity,
  }));
  const overlaps = (read: Read) =>
    runs.some((run) => read.at + read.ms >= run.from && read.at <= run.to);
  const during = live.filter(overlaps).map((read) => read.ms);
  const outside = live.filter((read) => !overlaps(read)).map((read) => read.ms);
  // Reads quicker than the runs' spacing may overlap none of them.
  const p99 = (reads: number[]) =>
    reads.length === 0 ? 'none' : `${quantile(reads, 0.99).toFixed(1)} ms`;
  console.log(
    `metering.wallet_read: ${during.length} of ${READS} reads overlapped an accrual run; p99 ` +
      `${p99(during)} during, ${p99(outside)} outside`,
  );
  report({ name: sized('wallet_read_p50'), value: quantile(latencies, 0.5), unit: 'ms' });
  report({
    name: sized('wallet_read_p99'),
    value: quantile(latencies, 0.99),
    unit: 'ms',
    max: 5,
  });
  report({
    name: sized('wallet_balance_read_p99'),
    value: quantile(balanceOnly, 0.99),
    unit: 'ms',
  });
  console.log(
    `metering.wallet_read_p99 / wallet_balance_read_p99: ${(
      quantile(latencies, 0.99) / quantile(balanceOnly, 0.99)
    ).toFixed(2)}`,
  );
}

interface Read {
  /** Epoch ms the request was sent. */
  readonly at: number;
  readonly ms: number;
}

async function timedRead(poster: HttpPoster, query: string, id: string): Promise<Read> {
  const at = Date.now();
  const started = performance.now();
  const reply = await poster.postForBody(JSON.stringify({ query, variables: { id } }), {
    'content-type': 'application/json',
    authorization: `Bearer ${ADMIN_KEY}`,
  });
  const ms = performance.now() - started;
  const body = JSON.parse(reply.body) as { data?: { wallet: object | null }; errors?: unknown };
  if (reply.status !== 200 || body.errors || !body.data?.wallet) {
    throw new Error(`wallet read failed: ${reply.status} ${reply.body}`);
  }
  return { at, ms };
}

/** `metering.<figure>`, or `metering.<figure>@<n>ns` for a run of another size. */
function sized(figure: string): string {
  return `metering.${figure}${NAMESPACES === RECORDED_NAMESPACES ? '' : `@${NAMESPACES}ns`}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
