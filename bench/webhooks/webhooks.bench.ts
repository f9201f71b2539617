// Stripe webhooks (issue: billing).
//  - webhooks.accepted: 10,000 signed checkout.session.completed deliveries to the gateway's
//    POST /webhooks/stripe, 64 in flight: verified, stored once, queued, answered 2xx, while
//    billing credits them.
//  - webhooks.credited: the same 10,000 over the time from the first delivery to the last
//    credit in the ledger.
//  - webhooks.ack_to_credit: 300 more, one every 20 ms once the backlog is drained; for each,
//    the time from the 2xx to the ledger transaction that credits the wallet (its created_at).
import { PrismaService } from '@tally/prisma';
import { AppCluster } from '@tally/test/support/app-processes';
import { StripeEvents } from '@tally/test/support/stripe-events';
import { baseline } from '../lib/baseline';
import { HttpPoster } from '../lib/http-poster';
import { quantile } from '../lib/quantile';
import { report } from '../lib/report';

const SECRET = 'whsec_bench_0000000000000000000000000000';
const THROUGHPUT_EVENTS = 10_000;
const LATENCY_EVENTS = 300;
const IN_FLIGHT = 64;
const WALLETS = 100;

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({ databaseUrl: base.databaseUrl, poolMax: 4 });
  const cluster = await AppCluster.start(['gateway', 'account', 'billing'], {
    DATABASE_URL: base.databaseUrl,
    REDIS_URL: base.redisUrl,
    STRIPE_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'warn',
  });
  const events = new StripeEvents(() => cluster.url('gateway'), SECRET);
  try {
    const sessions = await pendingRecharges(prisma, THROUGHPUT_EVENTS + LATENCY_EVENTS);
    const payloads = sessions.map((s) => events.completed(s, 1000));

    const burst = payloads.slice(0, THROUGHPUT_EVENTS).map((p) => ({
      body: p,
      headers: { 'content-type': 'application/json', 'stripe-signature': events.sign(p) },
    }));
    const poster = new HttpPoster(new URL('/webhooks/stripe', cluster.url('gateway')), IN_FLIGHT);
    let next = 0;
    const startedAt = Date.now();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < burst.length) {
          const { body, headers } = burst[next++];
          const status = await poster.post(body, headers);
          if (status !== 200) throw new Error(`delivery answered ${status}`);
        }
      }),
    );
    const accepted = burst.length / ((performance.now() - started) / 1000);
    poster.close();
    report({ name: 'webhooks.accepted', value: accepted, unit: 'events/s', min: 1000 });
    const lastCredit = await drained(
      prisma,
      sessions.slice(0, THROUGHPUT_EVENTS).map((s) => s.id),
    );
    const creditSeconds = (lastCredit.getTime() - startedAt) / 1000;
    report({ name: 'webhooks.credited', value: burst.length / creditSeconds, unit: 'events/s' });

    const acks = new Map<string, number>();
    for (const [i, payload] of payloads.slice(THROUGHPUT_EVENTS).entries()) {
      const session = sessions[THROUGHPUT_EVENTS + i];
      await events.post(payload);
      acks.set(`stripe:${session.id}`, Date.now());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await drained(
      prisma,
      sessions.slice(THROUGHPUT_EVENTS).map((s) => s.id),
    );
    const { rows } = await prisma.pool.query<{ key: string; at: Date }>(
      `SELECT idempotency_key AS key, created_at AS at FROM account.ledger_transactions
        WHERE idempotency_key = ANY ($1::text[])`,
      [[...acks.keys()]],
    );
    const latencies = rows.map((row) => row.at.getTime() - acks.get(row.key)!);
    const at = (q: number) => quantile(latencies, q);
    report({ name: 'webhooks.ack_to_credit_p50', value: at(0.5), unit: 'ms' });
    report({ name: 'webhooks.ack_to_credit_p99', value: at(0.99), unit: 'ms', max: 1000 });
  } finally {
    await cluster.stop();
    await prisma.onApplicationShutdown();
  }
}

/** PENDING recharges with their sessions, as startRecharge leaves them. */
async function pendingRecharges(prisma: PrismaService, count: number) {
  const { rows } = await prisma.pool.query<{ id: string; rechargeId: string }>(
    `WITH t AS (
       INSERT INTO account.tenants (id, name, currency)
       SELECT gen_random_uuid(), 'hook-bench-' || g, 'USD' FROM generate_series(1, $1) g RETURNING id),
     w AS (
       INSERT INTO account.wallets (id, tenant_id, kind, currency)
       SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t RETURNING id, tenant_id),
     numbered AS (SELECT id, tenant_id, row_number() OVER () - 1 AS n FROM w)
     INSERT INTO billing.recharges
            (id, tenant_id, wallet_id, amount_micros, currency, idempotency_key, stripe_session_id, updated_at)
     SELECT r.id, numbered.tenant_id, numbered.id, 10000000, 'USD', r.id::text,
            'cs_bench_' || replace(r.id::text, '-', ''), now()
       FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(0, $2 - 1) g) r
       JOIN numbered ON numbered.n = r.g % $1
     RETURNING stripe_session_id AS id, id AS "rechargeId"`,
    [WALLETS, count],
  );
  return rows;
}

/** Waits until every session's credit is in the ledger; answers when the last one was. */
async function drained(prisma: PrismaService, sessionIds: readonly string[]): Promise<Date> {
  const keys = sessionIds.map((id) => `stripe:${id}`);
  for (;;) {
    const { rows } = await prisma.pool.query<{ n: number; last: Date }>(
      `SELECT count(*)::int AS n, max(created_at) AS last FROM account.ledger_transactions
        WHERE idempotency_key = ANY ($1::text[])`,
      [keys],
    );
    if (rows[0].n === keys.length) return rows[0].last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
