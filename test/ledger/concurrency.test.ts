import { randomUUID } from 'node:crypto';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';

describe('concurrent postings', () => {
  let ctx: AccountContext;

  beforeAll(() => {
    ctx = AccountContext.create(24);
  });
  afterAll(() => ctx.close());

  it('lands 1,000 concurrent postings over a few wallets, duplicates once, with exact balances', async () => {
    const { tenantId, walletId } = await ctx.newTenant();
    const wallets = [walletId];
    for (let i = 0; i < 3; i++) wallets.push((await ctx.newSubAccount(tenantId)).walletId);
    for (const w of wallets) await ctx.credit(w, 1_000_000_000n);

    const run = randomUUID();
    const unique: Posting[] = Array.from({ length: 800 }, (_, i) => {
      const from = wallets[i % 4];
      const to = wallets[(i * 7 + 1) % 4];
      const micros = BigInt(1000 + i);
      return from === to
        ? {
            kind: 'charge',
            idempotencyKey: `conc:${run}:${i}`,
            lines: [
              { account: { walletId: from }, amountMicros: -micros },
              { account: { system: SystemAccount.Revenue }, amountMicros: micros },
            ],
          }
        : {
            kind: 'transfer',
            idempotencyKey: `conc:${run}:${i}`,
            lines: [
              { account: { walletId: from }, amountMicros: -micros },
              { account: { walletId: to }, amountMicros: micros },
            ],
          };
    });
    // 200 deliberate duplicates, interleaved with the originals.
    const submissions = [...unique, ...unique.slice(0, 200)].sort(() => Math.random() - 0.5);

    const results = await Promise.allSettled(
      submissions.map((p) => ctx.postTransaction.execute(p, systemJob)),
    );
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toEqual([]);
    const outcomes = results.map(
      (r) => (r as PromiseFulfilledResult<{ outcome: string }>).value.outcome,
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(800);
    expect(outcomes.filter((o) => o === 'replayed')).toHaveLength(200);

    const expected = new Map(wallets.map((w) => [w, 1_000_000_000n]));
    for (const posting of unique) {
      for (const line of posting.lines) {
        if ('walletId' in line.account) {
          expected.set(
            line.account.walletId,
            expected.get(line.account.walletId)! + line.amountMicros,
          );
        }
      }
    }
    for (const w of wallets) expect(await ctx.balanceOf(w)).toBe(expected.get(w));
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });
  });
});
