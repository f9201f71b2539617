import type { PrismaService } from '@tally/prisma';
import { SystemAccount } from '@tally/transport';
import { LedgerRepository } from '@tally/account/ledger/ledger.repository';
import type { Posting } from '@tally/account/ledger/ledger.types';
import { contentHash } from '@tally/account/ledger/posting-rules';

/** Each bench wallet's money: a billion dollars, far more than any bench spends. */
const FUNDING_MICROS = 1_000_000_000_000_000n;

export interface BenchTenants {
  /** Tenant names are `<prefix>-bench-<n>`, namespaces `<prefix>-<n>`. */
  readonly prefix: string;
  readonly wallets: number;
  readonly namespaces: number;
}

/**
 * `wallets` tenants with one wallet each and `namespaces` workspaces dealt round them, written
 * straight into the account schema (the API would take minutes for 100,000), then every wallet
 * funded through the ledger like a real top-up: what a bench measures then sets off no debt
 * ladder (wallets going into debt and their namespaces being suspended would share the cores
 * with it; the debt reaction has bench/suspension of its own).
 */
export async function seedFundedTenants(prisma: PrismaService, seed: BenchTenants) {
  await prisma.pool.query(
    `WITH t AS (
       INSERT INTO account.tenants (id, name, currency)
       SELECT gen_random_uuid(), $3 || '-bench-' || g, 'USD' FROM generate_series(1, $1) g RETURNING id),
     w AS (
       INSERT INTO account.wallets (id, tenant_id, kind, currency)
       SELECT gen_random_uuid(), id, 'TENANT', 'USD' FROM t RETURNING id, tenant_id),
     numbered AS (SELECT id, tenant_id, row_number() OVER () - 1 AS n FROM w)
     INSERT INTO account.workspaces (id, namespace, tenant_id, wallet_id)
     SELECT gen_random_uuid(), $3 || '-' || g, numbered.tenant_id, numbered.id
       FROM generate_series(0, $2 - 1) g JOIN numbered ON numbered.n = g % $1`,
    [seed.wallets, seed.namespaces, seed.prefix],
  );
  const { rows } = await prisma.pool.query<{ id: string }>(
    `SELECT w.id FROM account.wallets w JOIN account.tenants t ON t.id = w.tenant_id
      WHERE t.name LIKE $1 || '-bench-%'`,
    [seed.prefix],
  );
  const postings: Posting[] = rows.map(({ id }) => ({
    kind: 'adjustment',
    idempotencyKey: `bench-funding:${id}`,
    reason: 'bench funding',
    lines: [
      { account: { walletId: id }, amountMicros: FUNDING_MICROS },
      { account: { system: SystemAccount.Adjustments }, amountMicros: -FUNDING_MICROS },
    ],
  }));
  await new LedgerRepository(prisma).post(
    postings,
    postings.map(contentHash),
    { actor: { type: 'system', id: 'bench' } },
    false,
  );
  return rows.map((row) => row.id);
}

/** Nothing else due: the workers' own settlement catch-up stays out of what a bench measures. */
export async function parkSettlement(prisma: PrismaService): Promise<void> {
  await prisma.pool.query(
    `INSERT INTO metering.settled_hours (hour, source, price_books, posted_at)
     VALUES ('2999-01-01T00:00:00Z', 'prometheus', '[]', now())`,
  );
}
