// Metering throughput (issue: metering).
//  - metering.sample_ingest: 1,000,000 minute samples (10,000 namespaces × 5 resources × 20
//    minutes) through the ingest statement (store each sample once, fold it into its hour) in
//    chunks of 10,000 by two concurrent writers over disjoint namespaces. Compared with a plain
//    psql \copy of the very same rows into a table without indexes, in the same run.
//  - metering.settle_hour: one hour of 100,000 namespaces × 5 resources (hourly sums loaded
//    directly: 30 million minute samples are the ingest figure's business), settled end to end
//    through GraphQL `settleHour` on running gateway, account, billing and metering processes:
//    price book lookup, placements, pricing, freezing, 100 batch postings into the ledger.
//    Peak RSS of the metering process is read from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { PrismaService } from '@tally/prisma';
import type { Resource } from '@tally/transport';
import type { MinuteSample } from '@tally/metering/usage/usage-sample';
import { UsageRepository } from '@tally/metering/usage/usage.repository';
import { AppCluster } from '@tally/test/support/app-processes';
import { waitFor } from '@tally/test/support/ports';
import { baseline } from '../lib/baseline';
import { parkSettlement, seedFundedTenants } from '../lib/bench-tenants';
import { activityBetween, pgActivity } from '../lib/pg-activity';
import {
  cpuSeconds,
  machineBusySeconds,
  postgresCpu,
  postgresCpuSince,
  waitUntilIdle,
} from '../lib/process-cpu';
import { report } from '../lib/report';

const INGEST_NAMESPACES = 10_000;
const INGEST_MINUTES = 20;
const INGEST_CHUNK = 10_000;
const WRITERS = 2;
const SETTLE_NAMESPACES = Number(process.env.BENCH_SETTLE_NAMESPACES ?? 100_000);
const SETTLE_WALLETS = 1_000;
/** The size RESULTS.md records; a smaller run's figures are named apart, so none is compared. */
const RECORDED_SETTLE_NAMESPACES = 100_000;
const RESOURCES: Resource[] = ['CPU', 'MEMORY', 'STORAGE', 'NETWORK_EGRESS', 'NODEPORT'];
const ADMIN_KEY = 'tly_admin_bench_metering_0000000000000000';
const HOUR_MS = 3_600_000;
/** Idle: the four apps together under a tenth of a core for 3 s. */
const IDLE = { quietMs: 3_000, maxCores: 0.1, timeoutMs: 300_000 };

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({ databaseUrl: base.databaseUrl, poolMax: WRITERS + 2 });
  try {
    await ingest(prisma, base.databaseUrl);
    await settle(prisma, base.databaseUrl, base.redisUrl);
  } finally {
    await prisma.onApplicationShutdown();
  }
}

async function ingest(prisma: PrismaService, databaseUrl: string): Promise<void> {
  const usage = new UsageRepository(prisma);
  const hour = new Date(Math.floor(Date.now() / HOUR_MS - 48) * HOUR_MS);
  const samples: MinuteSample[] = [];
  for (let ns = 0; ns < INGEST_NAMESPACES; ns++) {
    for (const resource of RESOURCES) {
      for (let m = 0; m < INGEST_MINUTES; m++) {
        samples.push({
          namespace: `ingest-${ns}`,
          resource,
          minute: new Date(hour.getTime() + m * 60_000),
          quantity: BigInt(1_000 + ns + m),
        });
      }
    }
  }
  const perWriter = samples.length / WRITERS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const mine = samples.slice(w * perWriter, (w + 1) * perWriter);
      for (let i = 0; i < mine.length; i += INGEST_CHUNK) {
        await usage.record('prometheus', mine.slice(i, i + INGEST_CHUNK));
      }
    }),
  );
  const ingestRate = samples.length / ((performance.now() - started) / 1000);

  const copyRate = await copySameRows(prisma, databaseUrl, samples);
  report({ name: 'metering.sample_ingest', value: ingestRate, unit: 'samples/s', min: 100_000 });
  report({ name: 'metering.sample_copy_baseline', value: copyRate, unit: 'rows/s' });
  console.log(
    `${'metering.sample_ingest_ratio'.padEnd(36)}  ${(ingestRate / copyRate).toFixed(2)} × COPY of the same rows`,
  );
}

/** psql \copy of the same rows, as CSV, into a plain logged table without indexes. */
async function copySameRows(
  prisma: PrismaService,
  databaseUrl: string,
  samples: readonly MinuteSample[],
): Promise<number> {
  await prisma.pool.query(
    'CREATE TABLE IF NOT EXISTS bench_samples (source text, minute timestamptz, namespace text, resource text, quantity bigint)',
  );
  await prisma.pool.query('TRUNCATE bench_samples');
  const csv = samples
    .map((s) => `prometheus,${s.minute.toISOString()},${s.namespace},${s.resource},${s.quantity}\n`)
    .join('');
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn(
      'psql',
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        databaseUrl,
        '-c',
        '\\copy bench_samples FROM STDIN WITH (FORMAT csv)',
      ],
      {
        stdio: ['pipe', 'inherit', 'inherit'],
      },
    );
    psql.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql exited ${code}`)),
    );
    psql.stdin.end(csv);
  });
  const rate = samples.length / ((performance.now() - started) / 1000);
  await prisma.pool.query('DROP TABLE bench_samples');
  return rate;
}

async function settle(prisma: PrismaService, databaseUrl: string, redisUrl: string): Promise<void> {
  const hour = new Date(Math.floor(Date.now() / HOUR_MS - 24) * HOUR_MS);
  await seedFundedTenants(prisma, {
    prefix: 'settle',
    wallets: SETTLE_WALLETS,
    namespaces: SETTLE_NAMESPACES,
  });
  await prisma.pool.query(
    `INSERT INTO metering.usage_hourly
            (source, hour, namespace, resource, quantity, sample_count, min_quantity, max_quantity)
     SELECT 'prometheus', $1, 'settle-' || g, r, 3600000000 + g, 60, 60000000, 60000000 + g
       FROM generate_series(0, $2 - 1) g, unnest($3::text[]) r`,
    [hour, SETTLE_NAMESPACES, RESOURCES],
  );
  await parkSettlement(prisma);
  const cluster = await AppCluster.start(['gateway', 'account', 'billing', 'metering'], {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    TALLY_ADMIN_API_KEY: ADMIN_KEY,
    TALLY_JWT_SECRET: 'bench-jwt-secret-0000000000000000',
    LOG_LEVEL: 'info',
  });
  try {
    // The apps' start-up work (billing's month-end catch-up over the 1,000 new tenants, the
    // settlement and debt catch-ups) would share the two cores with the measured run: it is
    // timed on its own, and the settlement starts once the apps are idle.
    const pids = [...cluster.apps.values()].map((app) => app.child.pid!);
    const startupMs = await waitUntilIdle(pids, IDLE);
    report({ name: settleFigure('startup_work'), value: startupMs / 1000, unit: 's' });
    const cpuBefore = pids.map(cpuSeconds);
    const [postgresBefore, machineBefore] = [postgresCpu(), machineBusySeconds()];
    const activityBefore = await pgActivity(prisma.pool);
    const started = performance.now();
    const reply = await cluster.graphql<{ settleHour: { namespaces: number; status: string } }>(
      'mutation ($hour: DateTime!) { settleHour(hour: $hour) { namespaces status charged } }',
      { hour: hour.toISOString() },
      { authorization: `Bearer ${ADMIN_KEY}` },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = pids.map((pid, i) => (cpuSeconds(pid) - cpuBefore[i]).toFixed(1));
    const postgresUsed = postgresCpuSince(postgresBefore).toFixed(1);
    const machineUsed = (machineBusySeconds() - machineBefore).toFixed(1);
    console.log(
      `metering.settle_hour CPU seconds: ${[...cluster.apps.keys()]
        .map((name, i) => `${name} ${cpuUsed[i]}`)
        .join(', ')}, postgres ${postgresUsed}; the machine ${machineUsed} of ${(
        seconds * cpus().length
      ).toFixed(1)}`,
    );
    // A backend publishes its counters at most once a second, and one gone idle within ten
    // (PGSTAT_IDLE_INTERVAL): the account's pool connections are idle once the reply is in.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const activity = activityBetween(activityBefore, await pgActivity(prisma.pool));
    console.log(`metering.settle_hour database activity:\n${activity}`);
    if (reply.body.errors || reply.body.data?.settleHour.namespaces !== SETTLE_NAMESPACES) {
      throw new Error(`settleHour did not settle every namespace: ${JSON.stringify(reply.body)}`);
    }
    const peakKiB = Number(
      /VmHWM:\s+(\d+) kB/.exec(
        readFileSync(`/proc/${cluster.apps.get('metering')!.child.pid}/status`, 'utf8'),
      )![1],
    );
    // The reply may overtake metering's log line on its way out.
    const settled = await waitFor(
      'metering\'s "hour settled" line',
      async () =>
        cluster.apps
          .get('metering')!
          .output()
          .split('\n')
          .find((line) => line.includes('"hour settled"')),
      5_000,
    ).catch(() => undefined);
    const phases =
      settled === undefined ? {} : (JSON.parse(settled) as { freezeMs?: number; postMs?: number });
    report({ name: settleFigure('settle_hour'), value: seconds, unit: 's', max: 10 });
    // Each phase its own figure, so a slower posting is flagged even when the total passes.
    if (phases.freezeMs !== undefined && phases.postMs !== undefined) {
      report({
        name: settleFigure('settle_hour_freeze'),
        value: phases.freezeMs / 1000,
        unit: 's',
      });
      report({ name: settleFigure('settle_hour_post'), value: phases.postMs / 1000, unit: 's' });
    } else {
      console.log('metering.settle_hour phases: no "hour settled" line in metering\'s log');
    }
    report({
      name: settleFigure('settle_hour_rate'),
      value: SETTLE_NAMESPACES / seconds,
      unit: 'ns-hours/s',
      min: 10_000,
    });
    report({ name: settleFigure('settle_hour_peak_rss'), value: peakKiB / 1024, unit: 'MiB' });
  } finally {
    await cluster.stop();
  }
}

/** `metering.<figure>`, or `metering.<figure>@<n>ns` for a run of another size. */
function settleFigure(figure: string): string {
  const size = SETTLE_NAMESPACES === RECORDED_SETTLE_NAMESPACES ? '' : `@${SETTLE_NAMESPACES}ns`;
  return `metering.${figure}${size}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
