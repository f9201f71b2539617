// Ledger throughput (issue: accounts and the ledger).
//  - ledger.single_postings: one posting per database transaction through the account
//    service's posting use case, 8 concurrent clients, each a recharge of a random wallet
//    (out of 1,000) against system:stripe_clearing — the system account every recharge
//    touches. Compared with pgbench -N (8 clients) measured in the same run.
//  - ledger.single_postings_wallet_pairs: the same between two wallets (no system account),
//    to show that the shared system account is not a hot row.
//  - ledger.batch_charges(_one_worker): 100,000 hourly charges (one wallet debit, five resource lines)
//    in batches of 1,000 through the batch posting use case, by two workers over disjoint
//    halves of the wallets — settlement partitions namespaces over workers the same way, and
//    one worker leaves one of the two cores idle while Postgres works.
import { randomUUID } from 'node:crypto';
import { PostingContext, Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { CreditGrantRepository } from '@tally/account/credits/credit-grant.repository';
import { LedgerRepository } from '@tally/account/ledger/ledger.repository';
import { PostBatch } from '@tally/account/ledger/post-batch';
import { PostTransaction } from '@tally/account/ledger/post-transaction';
import { PrismaService } from '@tally/prisma';
import { baseline } from '../lib/baseline';
import { report } from '../lib/report';

const CLIENTS = 8;
const SINGLE_SECONDS = 10;
const WALLETS = 1000;
const BATCH_TOTAL = 100_000;
const BATCH_SIZE = 1000;
const RESOURCES = 5;
const BATCH_WORKERS = 2;
const context: PostingContext = { actor: { type: 'system', id: 'bench' } };

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({
    databaseUrl: base.databaseUrl,
    poolMax: CLIENTS + BATCH_WORKERS,
  });
  const ledger = new LedgerRepository(prisma);
  const grants = new CreditGrantRepository(prisma, ledger);
  const post = new PostTransaction(ledger, grants);
  const batch = new PostBatch(ledger, grants);
  try {
    const wallets = await createWallets(prisma, WALLETS);
    const pick = () => wallets[Math.floor(Math.random() * wallets.length)];

    const recharges = await postFor(SINGLE_SECONDS, (run, i) => {
      const walletId = pick();
      return post.execute(
        {
          kind: 'recharge',
          idempotencyKey: `bench:${run}:${i}`,
          lines: [
            { account: { walletId }, amountMicros: 1_000_000n },
            { account: { system: SystemAccount.StripeClearing }, amountMicros: -1_000_000n },
          ],
        },
        context,
      );
    });
    report({
      name: 'ledger.single_postings',
      value: recharges,
      unit: 'ops/s',
      baseline: 'pgbench',
      minRatio: 0.5,
    });

    const transfers = await postFor(SINGLE_SECONDS, (run, i) => {
      const from = pick();
      let to = pick();
      while (to === from) to = pick();
      return post.execute(
        {
          kind: 'transfer',
          idempotencyKey: `bench:${run}:${i}`,
          lines: [
            { account: { walletId: from }, amountMicros: -1n },
            { account: { walletId: to }, amountMicros: 1n },
          ],
        },
        context,
      );
    });
    report({
      name: 'ledger.single_postings_wallet_pairs',
      value: transfers,
      unit: 'ops/s',
      baseline: 'pgbench',
    });

    const oneWorker = await batchCharges(batch, wallets, 1);
    report({ name: 'ledger.batch_charges_one_worker', value: oneWorker, unit: 'tx/s' });
    const peak = trackPeakMemory();
    const twoWorkers = await batchCharges(batch, wallets, BATCH_WORKERS);
    report({ name: 'ledger.batch_charges', value: twoWorkers, unit: 'tx/s', min: 20_000 });
    report({ name: 'ledger.batch_charges_peak_rss', value: peak.stop() / 2 ** 20, unit: 'MiB' });
  } finally {
    await prisma.onApplicationShutdown();
  }
}

/** Posts BATCH_TOTAL charges with `workers` concurrent workers; returns transactions/s. */
async function batchCharges(batch: PostBatch, wallets: string[], workers: number): Promise<number> {
  const run = randomUUID();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      const mine = wallets.filter((_, i) => i % workers === worker);
      for (let offset = 0; offset < BATCH_TOTAL / workers; offset += BATCH_SIZE) {
        const postings: Posting[] = [];
        for (let i = offset; i < offset + BATCH_SIZE; i++) {
          postings.push(charge(mine[i % mine.length], `charge:${run}:${worker}:${i}`, i));
        }
        const results = await batch.execute(postings, context);
        if (results.some((r) => r.outcome !== 'created'))
          throw new Error('a new charge was not created');
      }
    }),
  );
  return BATCH_TOTAL / ((performance.now() - started) / 1000);
}

function charge(walletId: string, idempotencyKey: string, i: number): Posting {
  const lines = Array.from({ length: RESOURCES }, (_, r) => BigInt(100 + ((i * (r + 3)) % 997)));
  const total = lines.reduce((a, b) => a + b, 0n);
  return {
    kind: 'charge',
    idempotencyKey,
    lines: [
      { account: { walletId }, amountMicros: -total },
      ...lines.map((amountMicros) => ({
        account: { system: SystemAccount.Revenue },
        amountMicros,
      })),
    ],
  };
}

/** Runs CLIENTS loops for `seconds`; returns completed operations per second. */
async function postFor(seconds: number, operation: (run: string, i: number) => Promise<unknown>) {
  const run = randomUUID();
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await operation(run, i * CLIENTS + client);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function createWallets(prisma: PrismaService, count: number): Promise<string[]> {
  const rows = await prisma.pool.query<{ id: string }>(
    `WITH t AS (
       INSERT INTO account.tenants (id, name, currency)
       SELECT gen_random_uuid(), 'bench-' || g, 'USD' FROM generate_series(1, $1) g RETURNING id)
     INSERT INTO account.wallets (id, tenant_id, kind, currency)
     SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t RETURNING id`,
    [count],
  );
  return rows.rows.map((r) => r.id);
}

function trackPeakMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
