import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@tally/errors';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';

const key = () => `test:${randomUUID()}`;

function transfer(from: string, to: string, micros: bigint, idempotencyKey = key()): Posting {
  return {
    kind: 'transfer',
    idempotencyKey,
    lines: [
      { account: { walletId: from }, amountMicros: -micros },
      { account: { walletId: to }, amountMicros: micros },
    ],
  };
}

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('posting to the ledger', () => {
  let ctx: AccountContext;

  beforeAll(() => {
    ctx = AccountContext.create();
  });
  afterAll(() => ctx.close());

  it('moves money and keeps every balance equal to the sum of its entries', async () => {
    const { walletId: a } = await ctx.newTenant();
    const { walletId: b } = await ctx.newTenant();
    await ctx.credit(a, 10_000_000n);
    const posted = await ctx.postTransaction.execute(transfer(a, b, 2_500_000n), systemJob);
    expect(posted.outcome).toBe('created');
    expect(await ctx.balanceOf(a)).toBe(7_500_000n);
    expect(await ctx.balanceOf(b)).toBe(2_500_000n);
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });
  });

  it('returns the original transaction on a replay and changes nothing', async () => {
    const { walletId: a } = await ctx.newTenant();
    const { walletId: b } = await ctx.newTenant();
    await ctx.credit(a, 5_000_000n);
    const posting = transfer(a, b, 1_000_000n);
    const first = await ctx.postTransaction.execute(posting, systemJob);
    const again = await ctx.postTransaction.execute(posting, systemJob);
    expect(again).toEqual({ ...first, outcome: 'replayed' });
    expect(await ctx.balanceOf(a)).toBe(4_000_000n);
    const outbox = await ctx.prisma.accountOutbox.count({
      where: { payload: { path: ['walletId'], equals: a } },
    });
    expect(outbox).toBe(2); // the credit and the transfer, not the replay
  });

  it('refuses the same key with other content as CONFLICT', async () => {
    const { walletId: a } = await ctx.newTenant();
    const { walletId: b } = await ctx.newTenant();
    await ctx.credit(a, 5_000_000n);
    const shared = key();
    await ctx.postTransaction.execute(transfer(a, b, 1_000_000n, shared), systemJob);
    expect(
      await codeOf(ctx.postTransaction.execute(transfer(a, b, 2_000_000n, shared), systemJob)),
    ).toBe(ErrorCode.CONFLICT);
    expect(await ctx.balanceOf(b)).toBe(1_000_000n);
  });

  it('refuses to take a wallet below zero, and writes nothing', async () => {
    const { walletId: a } = await ctx.newTenant();
    const { walletId: b } = await ctx.newTenant();
    await ctx.credit(a, 1_000_000n);
    const posting = transfer(a, b, 1_000_001n);
    expect(await codeOf(ctx.postTransaction.execute(posting, systemJob))).toBe(
      ErrorCode.INSUFFICIENT_FUNDS,
    );
    expect(await ctx.balanceOf(a)).toBe(1_000_000n);
    expect(
      await ctx.prisma.ledgerTransaction.count({
        where: { idempotencyKey: posting.idempotencyKey },
      }),
    ).toBe(0);
  });

  it('lets usage charges take a wallet negative (debt)', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.postTransaction.execute(
      {
        kind: 'charge',
        idempotencyKey: key(),
        lines: [
          { account: { walletId }, amountMicros: -3_000_000n },
          { account: { system: SystemAccount.Revenue }, amountMicros: 3_000_000n },
        ],
      },
      systemJob,
      { allowNegative: true },
    );
    expect(await ctx.balanceOf(walletId)).toBe(-3_000_000n);
  });

  it('refuses unbalanced, single-entry and zero postings before they reach the database', async () => {
    const { walletId } = await ctx.newTenant();
    const unbalanced: Posting = {
      kind: 'x',
      idempotencyKey: key(),
      lines: [
        { account: { walletId }, amountMicros: 5n },
        { account: { system: SystemAccount.Revenue }, amountMicros: -4n },
      ],
    };
    expect(await codeOf(ctx.postTransaction.execute(unbalanced, systemJob))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    const single: Posting = { ...unbalanced, lines: [unbalanced.lines[0]] };
    expect(await codeOf(ctx.postTransaction.execute(single, systemJob))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  });

  it('answers NOT_FOUND for a wallet that does not exist', async () => {
    const { walletId } = await ctx.newTenant();
    await ctx.credit(walletId, 10n);
    expect(
      await codeOf(ctx.postTransaction.execute(transfer(walletId, randomUUID(), 1n), systemJob)),
    ).toBe(ErrorCode.NOT_FOUND);
  });

  it('records who, why and which request in the audit trail', async () => {
    const { walletId } = await ctx.newTenant();
    const posting: Posting = {
      kind: 'adjustment',
      idempotencyKey: key(),
      reason: 'goodwill credit for outage #42',
      lines: [
        { account: { walletId }, amountMicros: 1n },
        { account: { system: SystemAccount.Adjustments }, amountMicros: -1n },
      ],
    };
    const { transactionId } = await ctx.postTransaction.execute(posting, {
      actor: { type: 'user', id: 'user-7' },
      requestId: 'req-audit-1',
    });
    expect(
      await ctx.prisma.ledgerTransaction.findUniqueOrThrow({ where: { id: transactionId } }),
    ).toMatchObject({
      actorType: 'user',
      actorId: 'user-7',
      reason: 'goodwill credit for outage #42',
      requestId: 'req-audit-1',
    });
  });

  describe('the database itself', () => {
    it('refuses to update or delete entries and transactions', async () => {
      const { walletId } = await ctx.newTenant();
      await ctx.credit(walletId, 1_000_000n);
      await expect(
        ctx.prisma.$executeRaw`UPDATE account.ledger_entries SET amount_micros = 1`,
      ).rejects.toThrow(/append-only/);
      await expect(ctx.prisma.$executeRaw`DELETE FROM account.ledger_entries`).rejects.toThrow(
        /append-only/,
      );
      await expect(ctx.prisma.$executeRaw`DELETE FROM account.ledger_transactions`).rejects.toThrow(
        /append-only/,
      );
      await expect(ctx.prisma.$executeRaw`TRUNCATE account.ledger_entries CASCADE`).rejects.toThrow(
        /append-only/,
      );
    });

    it('refuses entries that do not sum to zero, even from raw SQL', async () => {
      const { walletId } = await ctx.newTenant();
      const tx = randomUUID();
      await expect(
        ctx.prisma.$transaction([
          ctx.prisma
            .$executeRaw`INSERT INTO account.ledger_transactions (id, kind, idempotency_key, content_hash, actor_type)
                                 VALUES (${tx}::uuid, 'x', ${key()}, ${'0'.repeat(64)}, 'system')`,
          ctx.prisma
            .$executeRaw`INSERT INTO account.ledger_entries (transaction_id, wallet_id, account, amount_micros)
                                 VALUES (${tx}::uuid, ${walletId}::uuid, ${`wallet:${walletId}`}, 10),
                                        (${tx}::uuid, NULL, 'system:revenue', -9)`,
        ]),
      ).rejects.toThrow(/does not balance/);
    });
  });
});
