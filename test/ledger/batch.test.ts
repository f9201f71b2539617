import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';

function charge(walletId: string, idempotencyKey: string, micros: bigint[]): Posting {
  const total = micros.reduce((a, b) => a + b, 0n);
  return {
    kind: 'charge',
    idempotencyKey,
    lines: [
      { account: { walletId }, amountMicros: -total },
      ...micros.map((m) => ({ account: { system: SystemAccount.Revenue }, amountMicros: m })),
    ],
  };
}

describe('batch posting (hourly charges)', () => {
  let ctx: AccountContext;

  beforeAll(() => {
    ctx = AccountContext.create();
  });
  afterAll(() => ctx.close());

  it('posts thousands of charges in one call and says which were new, replayed or conflicting', async () => {
    const wallets = await Promise.all(Array.from({ length: 20 }, () => ctx.newTenant()));
    const run = randomUUID();
    const postings = Array.from({ length: 2000 }, (_, i) =>
      charge(wallets[i % 20].walletId, `charge:${run}:${i}`, [1n, 2n, 3n, 4n, BigInt(i + 1)]),
    );

    const first = await ctx.postBatch.execute(postings, systemJob);
    expect(first.filter((r) => r.outcome === 'created')).toHaveLength(2000);
    const expected = (w: number) =>
      postings.filter((_, i) => i % 20 === w).reduce((sum, p) => sum + p.lines[0].amountMicros, 0n);
    expect(await ctx.balanceOf(wallets[3].walletId)).toBe(expected(3));

    // Half replayed, one reused with other content, plus new ones.
    const second = await ctx.postBatch.execute(
      [
        ...postings.slice(0, 1000),
        charge(wallets[0].walletId, `charge:${run}:1000`, [999n]),
        charge(wallets[0].walletId, `charge:${run}:new`, [7n]),
      ],
      systemJob,
    );
    const outcomes = new Map(second.map((r) => [r.idempotencyKey, r.outcome]));
    expect(outcomes.get(`charge:${run}:0`)).toBe('replayed');
    expect(outcomes.get(`charge:${run}:1000`)).toBe('conflict');
    expect(outcomes.get(`charge:${run}:new`)).toBe('created');
    expect(await ctx.balanceOf(wallets[3].walletId)).toBe(expected(3));
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });
  });

  it('records the hour each usage transaction is for, whatever the order of the batch', async () => {
    const { walletId } = await ctx.newTenant();
    const run = randomUUID().slice(0, 8);
    const usage = (key: string, hour: string, kind = 'usage'): Posting => ({
      ...charge(walletId, key, [5n]),
      kind,
      usageHour: new Date(hour),
    });
    // Keys sort differently from the batch order (the function inserts them sorted).
    const postings = [
      usage(`charge:z-${run}:2026-03-31T23:00:00.000Z`, '2026-03-31T23:00:00Z'),
      usage(`charge:a-${run}:2026-04-01T00:00:00.000Z`, '2026-04-01T00:00:00Z'),
      usage(
        `recon:m-${run}:2026-02-10T05:00:00.000Z:1`,
        '2026-02-10T05:00:00Z',
        'usage_adjustment',
      ),
      charge(walletId, `other:${run}`, [1n]),
    ];
    await ctx.postBatch.execute(postings, systemJob);
    const hours = await ctx.prisma.ledgerTransaction.findMany({
      where: { idempotencyKey: { in: postings.map((p) => p.idempotencyKey) } },
      select: { idempotencyKey: true, usageHour: true },
    });
    expect(new Map(hours.map((h) => [h.idempotencyKey, h.usageHour]))).toEqual(
      new Map(postings.map((p) => [p.idempotencyKey, p.usageHour ?? null])),
    );

    // Usage without its hour is refused before anything is written.
    const hourless: Posting = { ...charge(walletId, `charge:h-${run}:x`, [1n]), kind: 'usage' };
    await expect(ctx.postBatch.execute([hourless], systemJob)).rejects.toThrow(DomainError);
    expect(
      await ctx.prisma.ledgerTransaction.count({
        where: { idempotencyKey: hourless.idempotencyKey },
      }),
    ).toBe(0);
  });
});
