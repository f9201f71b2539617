// ledger.single_postings_via_service: the same recharge-like postings as
// ledger.single_postings, but sent as `account.ledger.adjust` messages over the Redis
// transport to a running account service (compiled, `node scripts/run-app.js account`),
// 8 concurrent callers: what a posting costs end to end inside Tally, authorization, wallet
// lookup and the reply's read-back included.
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { toWireMicros } from '@tally/money';
import { defaultTransportPrefix } from '@tally/config';
import { Metrics } from '@tally/observability';
import { PrismaService } from '@tally/prisma';
import { RpcClient } from '@tally/transport';
import { baseline } from '../lib/baseline';
import { report } from '../lib/report';

const CLIENTS = 8;
const SECONDS = 10;
const WALLETS = 1000;

async function main(): Promise<void> {
  const base = baseline();
  const prisma = new PrismaService({ databaseUrl: base.databaseUrl, poolMax: 2 });
  const service = await startAccountService(base.databaseUrl, base.redisUrl);
  const rpc = new RpcClient(
    {
      redisUrl: base.redisUrl,
      prefix: defaultTransportPrefix(base.databaseUrl),
      timeoutMs: 10_000,
    },
    new Metrics(),
  );
  try {
    const { rows } = await prisma.pool.query<{ id: string }>(
      `WITH t AS (
         INSERT INTO account.tenants (id, name, currency)
         SELECT gen_random_uuid(), 'rpc-bench-' || g, 'USD' FROM generate_series(1, $1) g RETURNING id)
       INSERT INTO account.wallets (id, tenant_id, kind, currency)
       SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t RETURNING id`,
      [WALLETS],
    );
    const wallets = rows.map((r) => r.id);
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          await rpc.send('account.ledger.adjust', {
            principal: { kind: 'admin_key' },
            input: {
              walletId: wallets[Math.floor(Math.random() * wallets.length)],
              amountMicros: toWireMicros(1_000_000n),
              reason: 'bench',
              idempotencyKey: randomUUID(),
            },
          });
          done++;
        }
      }),
    );
    const perSecond = done / ((performance.now() - started) / 1000);
    report({
      name: 'ledger.single_postings_via_service',
      value: perSecond,
      unit: 'ops/s',
      baseline: 'pgbench',
    });
  } finally {
    await rpc.onApplicationShutdown();
    service.kill('SIGTERM');
    await prisma.onApplicationShutdown();
  }
}

async function startAccountService(databaseUrl: string, redisUrl: string): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', '..', 'scripts', 'run-app.js'), 'account'],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        TALLY_ACCOUNT_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'inherit',
    },
  );
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the account service did not become ready');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
