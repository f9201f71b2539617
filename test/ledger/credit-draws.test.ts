import { randomUUID } from 'node:crypto';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';

const UNIT = 1_000_000n;
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

function transfer(from: string, to: string, micros: bigint): Posting {
  return {
    kind: 'transfer',
    idempotencyKey: `test:${randomUUID()}`,
    lines: [
      { account: { walletId: from }, amountMicros: -micros },
      { account: { walletId: to }, amountMicros: micros },
    ],
  };
}

/**
 * Promotional credit against the real ledger: spending draws from the grant that expires
 * first, then from paid money; other debits take paid money first; expiry takes out exactly
 * what is left, once. The wallet's balance stays the sum of its entries throughout.
 */
describe('credit grants in the ledger', () => {
  let ctx: AccountContext;

  beforeAll(() => {
    ctx = AccountContext.create();
  });
  afterAll(() => ctx.close());

  async function drawsOf(transactionId: string): Promise<bigint[]> {
    const { rows } = await ctx.prisma.pool.query<{ amount: string }>(
      `SELECT d.amount_micros::text AS amount FROM account.credit_draws d
         JOIN account.credit_grants g ON g.id = d.grant_id
        WHERE d.transaction_id = $1 ORDER BY g.expires_at`,
      [transactionId],
    );
    return rows.map((row) => BigInt(row.amount));
  }

  afterEach(async () => {
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });
  });

  it('spends the grant that expires first, then the next, then paid money', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.credit(walletId, 10n * UNIT);
    await ctx.grant(walletId, 5n * UNIT, inDays(10));
    await ctx.grant(walletId, 3n * UNIT, inDays(2));

    const first = await ctx.charge(walletId, 2n * UNIT);
    expect(await ctx.remainingCredit(walletId)).toEqual([1n * UNIT, 5n * UNIT]);
    expect(await drawsOf(first.transactionId)).toEqual([2n * UNIT]);

    const second = await ctx.charge(walletId, 4n * UNIT);
    expect(await ctx.remainingCredit(walletId)).toEqual([0n, 2n * UNIT]);
    expect(await drawsOf(second.transactionId)).toEqual([1n * UNIT, 3n * UNIT]);

    const third = await ctx.charge(walletId, 5n * UNIT);
    expect(await ctx.remainingCredit(walletId)).toEqual([0n, 0n]);
    expect(await drawsOf(third.transactionId)).toEqual([2n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(7n * UNIT); // 10 paid + 8 credit − 11
  });

  it('draws nothing more when a charge is replayed', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.grant(walletId, 5n * UNIT, inDays(5));
    const key = `charge:replay-${randomUUID()}:h`;
    await ctx.charge(walletId, 2n * UNIT, key);
    const again = await ctx.charge(walletId, 2n * UNIT, key);
    expect(again.outcome).toBe('replayed');
    expect(await ctx.remainingCredit(walletId)).toEqual([3n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(3n * UNIT);
  });

  it('records a grant once however often its posting comes', async () => {
    const { walletId } = await ctx.newTenant();
    const key = `test-bonus:${randomUUID()}`;
    await ctx.grant(walletId, 5n * UNIT, inDays(5), key);
    const again = await ctx.grant(walletId, 5n * UNIT, inDays(6), key);
    expect(again.outcome).toBe('replayed');
    expect(await ctx.remainingCredit(walletId)).toEqual([5n * UNIT]);
  });

  it('pays other debits from paid money first, and from credit only what paid money lacks', async () => {
    const { tenantId, walletId } = await ctx.newTenant();
    const { walletId: department } = await ctx.newSubAccount(tenantId);
    await ctx.credit(walletId, 10n * UNIT);
    await ctx.grant(walletId, 5n * UNIT, inDays(5));

    await ctx.postTransaction.execute(transfer(walletId, department, 8n * UNIT), systemJob);
    expect(await ctx.remainingCredit(walletId)).toEqual([5n * UNIT]);
    const short = await ctx.postTransaction.execute(
      transfer(walletId, department, 4n * UNIT),
      systemJob,
    );
    // 2 paid were left: the other 2 came out of the grant, so credit never exceeds the balance.
    expect(await ctx.remainingCredit(walletId)).toEqual([3n * UNIT]);
    expect(await drawsOf(short.transactionId)).toEqual([2n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(3n * UNIT);
    expect(await ctx.remainingCredit(department)).toEqual([]);
  });

  it('pays a debt first with credit granted to a wallet in debt', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.charge(walletId, 4n * UNIT);
    const granted = await ctx.grant(walletId, 10n * UNIT, inDays(5));
    expect(await ctx.remainingCredit(walletId)).toEqual([6n * UNIT]);
    expect(await drawsOf(granted.transactionId)).toEqual([4n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(6n * UNIT);
  });

  it('claws a refunded bonus back from credit first', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.credit(walletId, 100n * UNIT);
    await ctx.grant(walletId, 30n * UNIT, inDays(5));
    await ctx.postBatch.execute(
      [
        {
          kind: 'refund',
          idempotencyKey: `test-refund:${randomUUID()}`,
          lines: [
            { account: { walletId }, amountMicros: -25n * UNIT },
            { account: { system: SystemAccount.StripeClearing }, amountMicros: 25n * UNIT },
          ],
        },
        {
          kind: 'bonus_clawback',
          idempotencyKey: `test-clawback:${randomUUID()}`,
          lines: [
            { account: { walletId }, amountMicros: -7_500_000n },
            { account: { system: SystemAccount.PromotionalCredit }, amountMicros: 7_500_000n },
          ],
        },
      ],
      systemJob,
    );
    expect(await ctx.remainingCredit(walletId)).toEqual([22_500_000n]);
    expect(await ctx.balanceOf(walletId)).toBe(97_500_000n);
  });

  it('expires what is left of a grant in one transaction, once, leaving other grants alone', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.credit(walletId, 10n * UNIT);
    await ctx.grant(walletId, 5n * UNIT, new Date(Date.now() - 1000));
    await ctx.grant(walletId, 4n * UNIT, inDays(5));
    await ctx.charge(walletId, 2n * UNIT); // from the grant that expires first

    const [due] = await ctx.grants.byWallets([walletId]);
    const grant = { id: due.id, walletId, expiresAt: new Date(due.expiresAt) };
    expect(await ctx.grants.expire(grant, systemJob)).toEqual({
      status: 'expired',
      expiredMicros: 3n * UNIT,
    });
    expect(await ctx.grants.expire(grant, systemJob)).toEqual({ status: 'not-due' });

    expect(await ctx.remainingCredit(walletId)).toEqual([0n, 4n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(14n * UNIT); // 10 + 5 + 4 − 2 − 3
    const { rows } = await ctx.prisma.pool.query<{ key: string; amount: string }>(
      `SELECT t.idempotency_key AS key, e.amount_micros::text AS amount
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.kind = 'credit_expiry' AND e.wallet_id = $1`,
      [walletId],
    );
    expect(rows).toEqual([
      { key: `credit-expiry:${due.id}:${due.expiresAt}`, amount: String(-3n * UNIT) },
    ]);
    const [expired] = await ctx.grants.byWallets([walletId]);
    expect(expired).toMatchObject({
      amountMicros: String(5n * UNIT),
      usedMicros: String(2n * UNIT),
      expiredMicros: String(3n * UNIT),
      remainingMicros: '0',
    });
    expect(expired.expiredAt).not.toBeNull();
  });

  it('refuses to expire a grant before its time', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.grant(walletId, 5n * UNIT, inDays(1));
    const [grant] = await ctx.grants.byWallets([walletId]);
    expect(
      await ctx.grants.expire(
        { id: grant.id, walletId, expiresAt: new Date(grant.expiresAt) },
        systemJob,
      ),
    ).toEqual({ status: 'not-due' });
    expect(await ctx.balanceOf(walletId)).toBe(5n * UNIT);
  });

  it('keeps open credit within the balance while charges race new grants', async () => {
    const { walletId } = await ctx.newTenant();
    const pairs = Array.from({ length: 30 }, () => [
      ctx.grant(walletId, UNIT, inDays(5)),
      ctx.charge(walletId, UNIT),
    ]);
    await Promise.all(pairs.flat());
    // Every unit granted was spent: had a charge missed a grant being written, that grant
    // would still be open in a wallet holding nothing.
    expect(await ctx.balanceOf(walletId)).toBe(0n);
    expect(await ctx.remainingCredit(walletId)).toEqual(Array.from({ length: 30 }, () => 0n));
    const { rows } = await ctx.prisma.pool.query<{ drawn: string }>(
      `SELECT coalesce(sum(d.amount_micros), 0)::text AS drawn FROM account.credit_draws d
         JOIN account.credit_grants g ON g.id = d.grant_id WHERE g.wallet_id = $1`,
      [walletId],
    );
    expect(rows[0].drawn).toBe(String(30n * UNIT));
  });
});
