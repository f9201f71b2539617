import { randomUUID } from 'node:crypto';
import { BudgetTopUpRepository } from '@tally/account/budgets/budget-top-up.repository';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { StatementFiguresRepository } from '@tally/account/statements/statement-figures.repository';
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
    // …and stay credit in the department (the next test follows them).
    expect(await ctx.remainingCredit(department)).toEqual([2n * UNIT]);
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

  it('claws a bonus back from its own grant first, then by expiry, once however often it comes', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.credit(walletId, 100n * UNIT);
    const bonusKey = `test-bonus:${randomUUID()}`;
    // The refunded recharge's bonus expires last: by expiry alone the other would go first.
    await ctx.grant(walletId, 5n * UNIT, inDays(10), bonusKey);
    await ctx.grant(walletId, 3n * UNIT, inDays(2));
    const clawback: Posting = {
      kind: 'bonus_clawback',
      idempotencyKey: `test-clawback:${randomUUID()}`,
      clawsBack: bonusKey,
      lines: [
        { account: { walletId }, amountMicros: -6_500_001n },
        { account: { system: SystemAccount.PromotionalCredit }, amountMicros: 6_500_001n },
      ],
    };

    const [posted] = await ctx.postBatch.execute([clawback], systemJob);
    // All 5 of its own grant, then 1.500001 of the one that expires first.
    expect(await ctx.remainingCredit(walletId)).toEqual([1_499_999n, 0n]);
    expect(await drawsOf(posted.transactionId)).toEqual([1_500_001n, 5n * UNIT]);

    const [again] = await ctx.postBatch.execute([clawback], systemJob);
    expect(again.outcome).toBe('replayed');
    expect(await ctx.remainingCredit(walletId)).toEqual([1_499_999n, 0n]);
    expect(await drawsOf(posted.transactionId)).toEqual([1_500_001n, 5n * UNIT]);
    expect(await ctx.balanceOf(walletId)).toBe(101_499_999n); // 100 + 5 + 3 − 6.500001
  });

  it('claws back by expiry when the bonus it names has no grant of this wallet', async () => {
    const { walletId } = await ctx.newTenant();
    const { walletId: other } = await ctx.newTenant();
    const othersBonus = `test-bonus:${randomUUID()}`;
    await ctx.grant(other, 5n * UNIT, inDays(1), othersBonus);
    await ctx.grant(walletId, 4n * UNIT, inDays(10));
    await ctx.grant(walletId, 3n * UNIT, inDays(2));
    await ctx.postBatch.execute(
      [
        {
          kind: 'bonus_clawback',
          idempotencyKey: `test-clawback:${randomUUID()}`,
          clawsBack: othersBonus,
          lines: [
            { account: { walletId }, amountMicros: -4n * UNIT },
            { account: { system: SystemAccount.PromotionalCredit }, amountMicros: 4n * UNIT },
          ],
        },
      ],
      systemJob,
    );
    expect(await ctx.remainingCredit(walletId)).toEqual([0n, 3n * UNIT]);
    expect(await ctx.remainingCredit(other)).toEqual([5n * UNIT]);
  });

  it('moves the credit a transfer takes into the other wallet as grants that keep their expiry', async () => {
    const { tenantId, walletId } = await ctx.newTenant();
    const { walletId: department } = await ctx.newSubAccount(tenantId);
    const periodStart = new Date(Date.now() - 60_000);
    await ctx.credit(walletId, 2n * UNIT);
    await ctx.grant(walletId, 3n * UNIT, new Date(Date.now() - 1000)); // due, not yet expired
    await ctx.grant(walletId, 4n * UNIT, inDays(5));
    const sourceGrants = await ctx.grants.byWallets([walletId]);

    const move = transfer(walletId, department, 6_000_001n);
    const posted = await ctx.postTransaction.execute(move, systemJob);
    // 2 paid, then 3 of the grant that expires first and 1.000001 of the next.
    expect(await ctx.remainingCredit(walletId)).toEqual([0n, 2_999_999n]);
    const moved = await ctx.grants.byWallets([department]);
    expect(moved).toEqual([
      expect.objectContaining({
        source: 'BONUS',
        amountMicros: String(3n * UNIT),
        remainingMicros: String(3n * UNIT),
        expiresAt: sourceGrants[0].expiresAt,
      }),
      expect.objectContaining({
        source: 'BONUS',
        amountMicros: '1000001',
        remainingMicros: '1000001',
        expiresAt: sourceGrants[1].expiresAt,
      }),
    ]);

    expect((await ctx.postTransaction.execute(move, systemJob)).outcome).toBe('replayed');
    expect(await ctx.grants.byWallets([department])).toEqual(moved);
    expect(posted.outcome).toBe('created');

    // The moved credit expires when its grant would have: exactly what is left, once.
    const due = { id: moved[0].id, walletId: department, expiresAt: new Date(moved[0].expiresAt) };
    expect(await ctx.grants.expire(due, systemJob)).toEqual({
      status: 'expired',
      expiredMicros: 3n * UNIT,
    });
    expect(await ctx.grants.expire(due, systemJob)).toEqual({ status: 'not-due' });
    expect(await ctx.remainingCredit(department)).toEqual([0n, 1_000_001n]);
    expect(await ctx.balanceOf(department)).toBe(3_000_001n); // 6.000001 − 3 expired
    expect(await ctx.balanceOf(walletId)).toBe(2_999_999n);

    // Each wallet's statement ties out: balances by their entries, credit by its grants.
    const figures = await new StatementFiguresRepository(ctx.prisma).walletFigures(tenantId, {
      start: periodStart,
      end: new Date(Date.now() + 60_000),
    });
    for (const wallet of figures) {
      const moves = wallet.movements.reduce((sum, m) => sum + BigInt(m.amountMicros), 0n);
      expect(BigInt(wallet.closingMicros)).toBe(BigInt(wallet.openingMicros) + moves);
      expect(BigInt(wallet.closingMicros)).toBe(await ctx.balanceOf(wallet.walletId));
      const open = (await ctx.remainingCredit(wallet.walletId)).reduce((a, b) => a + b, 0n);
      expect(BigInt(wallet.credit.closingMicros)).toBe(open);
    }
    // The move is out of one and in to the other, neither used nor granted.
    expect(figures.find((w) => w.walletId === walletId)?.credit).toMatchObject({
      grantedMicros: String(7n * UNIT),
      movedOutMicros: '4000001',
      usedMicros: '0',
      movedInMicros: '0',
    });
    expect(figures.find((w) => w.walletId === department)?.credit).toMatchObject({
      grantedMicros: '0',
      movedInMicros: '4000001',
      usedMicros: '0',
      movedOutMicros: '0',
      closingMicros: '1000001',
    });
  });

  it('pays the receiving wallet’s debt first with credit a transfer moves', async () => {
    const { tenantId, walletId } = await ctx.newTenant();
    const { walletId: department } = await ctx.newSubAccount(tenantId);
    const periodStart = new Date(Date.now() - 60_000);
    await ctx.charge(department, 2n * UNIT);
    await ctx.grant(walletId, 5n * UNIT, inDays(5));
    await ctx.postTransaction.execute(transfer(walletId, department, 3n * UNIT), systemJob);
    // All 3 were credit; 2 paid the department's debt at once, 1 is open there.
    expect(await ctx.remainingCredit(walletId)).toEqual([2n * UNIT]);
    expect(await ctx.remainingCredit(department)).toEqual([1n * UNIT]);
    expect(await ctx.balanceOf(department)).toBe(1n * UNIT);

    // The move's own transaction drew twice: the tenant's grant (moved out) and the moved grant
    // paying the debt (used, in the department).
    const figures = await new StatementFiguresRepository(ctx.prisma).walletFigures(tenantId, {
      start: periodStart,
      end: new Date(Date.now() + 60_000),
    });
    const creditOf = (id: string) => figures.find((w) => w.walletId === id)?.credit;
    expect(creditOf(walletId)).toEqual({
      openingMicros: '0',
      grantedMicros: String(5n * UNIT),
      movedInMicros: '0',
      usedMicros: '0',
      movedOutMicros: String(3n * UNIT),
      closingMicros: String(2n * UNIT),
    });
    expect(creditOf(department)).toEqual({
      openingMicros: '0',
      grantedMicros: '0',
      movedInMicros: String(3n * UNIT),
      usedMicros: String(2n * UNIT),
      movedOutMicros: '0',
      closingMicros: String(1n * UNIT),
    });
  });

  it('states the credit a budget top-up moves as moved out of the tenant wallet and in to the sub-account', async () => {
    const { tenantId, walletId } = await ctx.newTenant();
    const { subAccountId, walletId: department } = await ctx.newSubAccount(tenantId);
    const periodStart = new Date(Date.now() - 60_000);
    await ctx.credit(walletId, 1n * UNIT);
    await ctx.grant(walletId, 4n * UNIT, inDays(5));
    const topUp = await new BudgetTopUpRepository(ctx.prisma, ctx.ledger).topUp(
      {
        subAccountId,
        subAccountWalletId: department,
        tenantWalletId: walletId,
        budgetMicros: 3n * UNIT,
        month: '2033-01-01',
      },
      systemJob,
    );
    // 1 paid, then 2 of the grant: 2 stay open in the tenant wallet, as much as it holds.
    expect(topUp).toMatchObject({ status: 'done', movedMicros: 3n * UNIT });
    expect(await ctx.remainingCredit(department)).toEqual([2n * UNIT]);

    const figures = await new StatementFiguresRepository(ctx.prisma).walletFigures(tenantId, {
      start: periodStart,
      end: new Date(Date.now() + 60_000),
    });
    const creditOf = (id: string) => figures.find((w) => w.walletId === id)?.credit;
    expect(creditOf(walletId)).toMatchObject({
      grantedMicros: String(4n * UNIT),
      usedMicros: '0',
      movedOutMicros: String(2n * UNIT),
      closingMicros: String(2n * UNIT),
    });
    expect(creditOf(department)).toMatchObject({
      grantedMicros: '0',
      movedInMicros: String(2n * UNIT),
      usedMicros: '0',
      closingMicros: String(2n * UNIT),
    });
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
