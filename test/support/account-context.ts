import { randomUUID } from 'node:crypto';
import { PrismaService } from '@tally/prisma';
import { CreditGrantRepository } from '@tally/account/credits/credit-grant.repository';
import { LedgerRepository } from '@tally/account/ledger/ledger.repository';
import { PostBatch } from '@tally/account/ledger/post-batch';
import { PostTransaction } from '@tally/account/ledger/post-transaction';
import { PostingContext, SystemAccount } from '@tally/account/ledger/ledger.types';

export const systemJob: PostingContext = { actor: { type: 'system', id: 'test' } };

/**
 * The account service's ledger wired by hand against the test database, with factories for
 * the rows a test needs (`ctx.newTenant()`), so each test builds only what it asserts on.
 */
export class AccountContext {
  readonly ledger: LedgerRepository;
  readonly postTransaction: PostTransaction;
  readonly postBatch: PostBatch;
  readonly grants: CreditGrantRepository;

  private constructor(readonly prisma: PrismaService) {
    this.ledger = new LedgerRepository(prisma);
    this.grants = new CreditGrantRepository(prisma, this.ledger);
    this.postTransaction = new PostTransaction(this.ledger, this.grants);
    this.postBatch = new PostBatch(this.ledger, this.grants);
  }

  static create(poolMax = 10, databaseUrl = process.env.DATABASE_URL!): AccountContext {
    return new AccountContext(new PrismaService({ databaseUrl, poolMax }));
  }

  async close(): Promise<void> {
    await this.prisma.onApplicationShutdown();
  }

  /** A tenant with its wallet; returns the wallet id too. */
  async newTenant(currency = 'USD'): Promise<{ tenantId: string; walletId: string }> {
    const tenant = await this.prisma.tenant.create({
      data: {
        name: `tenant-${randomUUID().slice(0, 8)}`,
        currency,
        wallets: { create: { kind: 'TENANT', currency } },
      },
      include: { wallets: true },
    });
    return { tenantId: tenant.id, walletId: tenant.wallets[0].id };
  }

  async newSubAccount(
    tenantId: string,
    currency = 'USD',
  ): Promise<{ subAccountId: string; walletId: string }> {
    const subAccount = await this.prisma.subAccount.create({
      data: {
        tenantId,
        name: `dept-${randomUUID().slice(0, 8)}`,
        wallet: { create: { tenantId, kind: 'SUB_ACCOUNT', currency } },
      },
      include: { wallet: true },
    });
    return { subAccountId: subAccount.id, walletId: subAccount.wallet!.id };
  }

  /** Money in from Stripe, as a recharge would post it. */
  async credit(walletId: string, micros: bigint, key = `test-credit:${randomUUID()}`) {
    return this.postTransaction.execute(
      {
        kind: 'recharge',
        idempotencyKey: key,
        lines: [
          { account: { walletId }, amountMicros: micros },
          { account: { system: SystemAccount.StripeClearing }, amountMicros: -micros },
        ],
      },
      systemJob,
    );
  }

  /** Promotional credit, as billing posts a recharge bonus: a grant expiring at `expiresAt`. */
  async grant(
    walletId: string,
    micros: bigint,
    expiresAt: Date,
    key = `test-bonus:${randomUUID()}`,
  ) {
    const [posted] = await this.postBatch.execute(
      [
        {
          kind: 'bonus',
          idempotencyKey: key,
          grant: { source: 'BONUS', expiresAt },
          lines: [
            { account: { walletId }, amountMicros: micros },
            { account: { system: SystemAccount.PromotionalCredit }, amountMicros: -micros },
          ],
        },
      ],
      systemJob,
    );
    return posted;
  }

  /** Usage of the last hour, as settlement posts it (may take the wallet below zero). */
  async charge(walletId: string, micros: bigint, key = `charge:test-${randomUUID()}:h`) {
    const [posted] = await this.postBatch.execute(
      [
        {
          kind: 'usage',
          idempotencyKey: key,
          usageHour: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000),
          lines: [
            { account: { walletId }, amountMicros: -micros },
            { account: { system: SystemAccount.RevenueCpu }, amountMicros: micros },
          ],
        },
      ],
      systemJob,
    );
    return posted;
  }

  /** What is left of each of the wallet's grants, soonest expiry first. */
  async remainingCredit(walletId: string): Promise<bigint[]> {
    const grants = await this.grants.byWallets([walletId]);
    return grants.map((grant) => BigInt(grant.remainingMicros));
  }

  async balanceOf(walletId: string): Promise<bigint> {
    const wallet = await this.prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
    return wallet.balanceMicros;
  }

  /** The ledger's invariants, straight from the tables. */
  async invariants(): Promise<{
    totalSum: bigint;
    unbalancedWallets: number;
    unbalancedTransactions: number;
  }> {
    const [row] = await this.prisma.$queryRaw<
      { total: bigint | null; wallets: bigint; transactions: bigint }[]
    >`
      SELECT
        (SELECT sum(amount_micros) FROM account.ledger_entries)::bigint AS total,
        (SELECT count(*) FROM account.wallets w
          WHERE w.balance_micros <> coalesce((SELECT sum(amount_micros) FROM account.ledger_entries e
                                              WHERE e.wallet_id = w.id), 0)) AS wallets,
        (SELECT count(*) FROM (SELECT transaction_id FROM account.ledger_entries
                                GROUP BY transaction_id HAVING sum(amount_micros) <> 0) t) AS transactions`;
    return {
      totalSum: row.total ?? 0n,
      unbalancedWallets: Number(row.wallets),
      unbalancedTransactions: Number(row.transactions),
    };
  }
}
