// bench/exports: a wallet with 1,000,000 ledger entries exported as CSV through the API
// (exportLedgerEntries, then GET /exports/<ticket>), read by a client that keeps only a count.
//  - exports.ledger_csv_rows_per_s: entries a second, from the GET to the last byte, beside
//    the same rows straight out of Postgres (COPY (SELECT ...) TO STDOUT, same join and order)
//    measured in the same run, and the ratio of the two.
//  - exports.gateway_rss_growth_mb / account_rss_growth_mb: how much each process's peak
//    resident memory (VmHWM) grew over the export: streamed, it must not hold the export.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { PrismaService } from '@tally/prisma';
import { AppCluster } from '@tally/test/support/app-processes';
import { baseline } from '../lib/baseline';
import { report } from '../lib/report';

const ENTRIES = Number(process.env.BENCH_EXPORT_ENTRIES ?? 1_000_000);
/** The size RESULTS.md records; a smaller run's figures are named apart, so none is compared. */
const RECORDED_ENTRIES = 1_000_000;
const ADMIN_KEY = 'tly_admin_bench_export_000000000000000000';
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({ databaseUrl: base.databaseUrl, poolMax: 2 });
  try {
    const walletId = await seedWallet(prisma);
    const copySeconds = await copyBaseline(base.databaseUrl, walletId);
    const cluster = await AppCluster.start(['gateway', 'account'], {
      DATABASE_URL: base.databaseUrl,
      REDIS_URL: base.redisUrl,
      TALLY_ADMIN_API_KEY: ADMIN_KEY,
      TALLY_JWT_SECRET: 'bench-jwt-secret-0000000000000000',
      LOG_LEVEL: 'warn',
    });
    try {
      const peaks = () =>
        (['gateway', 'account'] as const).map((app) => peakRss(cluster.apps.get(app)!.child.pid!));
      const before = peaks();
      const { rows, seconds } = await exportThroughApi(cluster.url('gateway'), walletId);
      const [gatewayGrowth, accountGrowth] = peaks().map((peak, i) => (peak - before[i]) / MB);
      if (rows !== ENTRIES) throw new Error(`the export held ${rows} rows, not ${ENTRIES}`);

      const apiRate = rows / seconds;
      const copyRate = ENTRIES / copySeconds;
      console.log(
        `exports.ledger_csv: ${rows} rows in ${seconds.toFixed(1)} s through the API, ` +
          `${copySeconds.toFixed(1)} s by COPY TO STDOUT (${Math.round(copyRate)} rows/s); ` +
          `ratio ${(apiRate / copyRate).toFixed(3)}`,
      );
      report({ name: sized('ledger_csv_rows_per_s'), value: apiRate, unit: 'rows/s' });
      report({
        name: sized('ledger_csv_ratio_to_copy_out'),
        value: apiRate / copyRate,
        unit: 'ratio',
        min: 0.05,
      });
      report({
        name: sized('gateway_rss_growth_mb'),
        value: gatewayGrowth,
        unit: 'MB',
        max: 64,
      });
      report({ name: sized('account_rss_growth_mb'), value: accountGrowth, unit: 'MB', max: 64 });
    } finally {
      await cluster.stop();
    }
  } finally {
    await prisma.onApplicationShutdown();
  }
}

/** One tenant wallet credited ENTRIES times (a transaction each, balanced by system:adjustments). */
async function seedWallet(prisma: PrismaService): Promise<string> {
  const { rows } = await prisma.pool.query<{ id: string }>(
    `WITH t AS (INSERT INTO account.tenants (id, name, currency)
                VALUES (gen_random_uuid(), 'export-bench', 'USD') RETURNING id)
     INSERT INTO account.wallets (id, tenant_id, kind, currency)
     SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t RETURNING id`,
  );
  const walletId = rows[0].id;
  await prisma.pool.query(
    `CREATE TEMP TABLE bench_tx AS
       SELECT gen_random_uuid() AS id, g FROM generate_series(1, $1) g;
     INSERT INTO account.ledger_transactions (id, kind, idempotency_key, content_hash, actor_type)
     SELECT id, 'adjustment', 'export-bench:' || g, repeat('0', 64), 'system' FROM bench_tx;
     INSERT INTO account.ledger_entries (transaction_id, wallet_id, account, amount_micros)
     SELECT id, w.wallet, 'wallet:' || w.wallet, g FROM bench_tx, (SELECT $2::uuid AS wallet) w
     UNION ALL
     SELECT id, NULL, 'system:adjustments', -g FROM bench_tx;
     UPDATE account.wallets SET balance_micros = $1::bigint * ($1::bigint + 1) / 2 WHERE id = $2;
     DROP TABLE bench_tx;
     ANALYZE account.ledger_entries;`
      .replaceAll('$1', String(ENTRIES))
      .replaceAll('$2', `'${walletId}'`),
  );
  return walletId;
}

/** The same rows, in the same order, straight out of Postgres as CSV (psql, to /dev/null). */
async function copyBaseline(databaseUrl: string, walletId: string): Promise<number> {
  const sql = `COPY (SELECT e.created_at, e.id, e.transaction_id, t.kind, e.account,
                            e.amount_micros, 'USD'
                       FROM account.ledger_entries e
                       JOIN account.ledger_transactions t ON t.id = e.transaction_id
                      WHERE e.wallet_id = '${walletId}' ORDER BY e.id DESC) TO STDOUT WITH CSV`;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', ['-X', '-q', '-d', databaseUrl, '-c', sql], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    psql.on('error', reject);
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
  });
  return (performance.now() - started) / 1000;
}

async function exportThroughApi(
  gateway: string,
  walletId: string,
): Promise<{ rows: number; seconds: number }> {
  const reply = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({
      query: `mutation ($w: ID!) { exportLedgerEntries(walletId: $w) { url } }`,
      variables: { w: walletId },
    }),
  });
  const body = (await reply.json()) as { data?: { exportLedgerEntries: { url: string } } };
  const url = body.data?.exportLedgerEntries.url;
  if (url === undefined) throw new Error(`exportLedgerEntries failed: ${JSON.stringify(body)}`);
  const started = performance.now();
  const lines = await new Promise<number>((resolve, reject) => {
    get(`${gateway}${url}`, (response) => {
      if (response.statusCode !== 200) reject(new Error(`export answered ${response.statusCode}`));
      let count = 0;
      response.on('data', (chunk: Buffer) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
      });
      response.on('end', () => resolve(count));
      response.on('error', reject);
    }).on('error', reject);
  });
  // The header is a line too.
  return { rows: lines - 1, seconds: (performance.now() - started) / 1000 };
}

/** `exports.<figure>`, or `exports.<figure>@<n>` for a run of another size. */
function sized(figure: string): string {
  return `exports.${figure}${ENTRIES === RECORDED_ENTRIES ? '' : `@${ENTRIES}`}`;
}

/** A process's peak resident set so far (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status);
  if (kb === null) throw new Error(`no VmHWM for ${pid}`);
  return Number(kb[1]) * 1024;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
