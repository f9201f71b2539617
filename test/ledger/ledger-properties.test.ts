import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DomainError, ErrorCode } from '@tally/errors';
import { Posting, SystemAccount } from '@tally/account/ledger/ledger.types';
import { AccountContext, systemJob } from '../support/account-context';

type Op =
  | { type: 'credit'; wallet: number; micros: bigint }
  | { type: 'transfer'; from: number; to: number; micros: bigint }
  | { type: 'charge'; wallet: number; micros: bigint }
  | { type: 'adjust'; wallet: number; micros: bigint }
  | { type: 'replay'; of: number }
  | { type: 'conflictingReplay'; of: number };

const WALLETS = 4;
const wallet = fc.integer({ min: 0, max: WALLETS - 1 });
const micros = fc.bigInt({ min: 1n, max: 5_000_000n });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('credit' as const), wallet, micros }),
  fc.record({ type: fc.constant('transfer' as const), from: wallet, to: wallet, micros }),
  fc.record({ type: fc.constant('charge' as const), wallet, micros }),
  fc.record({
    type: fc.constant('adjust' as const),
    wallet,
    micros: fc.bigInt({ min: -5_000_000n, max: 5_000_000n }).filter((m) => m !== 0n),
  }),
  fc.record({ type: fc.constant('replay' as const), of: fc.nat() }),
  fc.record({ type: fc.constant('conflictingReplay' as const), of: fc.nat() }),
);

const line = (account: Posting['lines'][number]['account'], amountMicros: bigint) => ({
  account,
  amountMicros,
});

describe('ledger properties (random sequences against the real Postgres)', () => {
  let ctx: AccountContext;

  beforeAll(() => {
    ctx = AccountContext.create();
  });
  afterAll(() => ctx.close());

  it('keeps Σ entries = 0, every balance = Σ its entries, and every key applied once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const { tenantId, walletId } = await ctx.newTenant();
        const wallets = [walletId];
        for (let i = 1; i < WALLETS; i++)
          wallets.push((await ctx.newSubAccount(tenantId)).walletId);

        const model = new Map(wallets.map((w) => [w, 0n]));
        const applied: { posting: Posting; allowNegative: boolean }[] = [];
        const attempt = async (
          posting: Posting,
          allowNegative: boolean,
        ): Promise<ErrorCode | 'ok'> => {
          try {
            await ctx.postTransaction.execute(posting, systemJob, { allowNegative });
            return 'ok';
          } catch (error) {
            if (error instanceof DomainError) return error.code;
            throw error;
          }
        };

        for (const step of ops) {
          if (step.type === 'replay' || step.type === 'conflictingReplay') {
            if (applied.length === 0) continue;
            const original = applied[step.of % applied.length];
            if (step.type === 'replay') {
              expect(await attempt(original.posting, original.allowNegative)).toBe('ok');
            } else {
              const changed = { ...original.posting, kind: `${original.posting.kind}-changed` };
              expect(await attempt(changed, original.allowNegative)).toBe(ErrorCode.CONFLICT);
            }
          } else {
            const { posting, allowNegative, deltas } = build(step, wallets);
            // The floor applies to each wallet's net change (a wallet paying itself nets to 0).
            const debits = [...deltas].filter(([, d]) => d < 0n);
            const wouldOverdraw = !allowNegative && debits.some(([w, d]) => model.get(w)! + d < 0n);
            const result = await attempt(posting, allowNegative);
            expect(result).toBe(wouldOverdraw ? ErrorCode.INSUFFICIENT_FUNDS : 'ok');
            if (result === 'ok') {
              applied.push({ posting, allowNegative });
              for (const [w, d] of deltas) model.set(w, model.get(w)! + d);
            }
          }
          for (const w of wallets) expect(await ctx.balanceOf(w)).toBe(model.get(w));
        }

        expect(await ctx.invariants()).toEqual({
          totalSum: 0n,
          unbalancedWallets: 0,
          unbalancedTransactions: 0,
        });
        const keys = applied.map((a) => a.posting.idempotencyKey);
        expect(
          await ctx.prisma.ledgerTransaction.count({ where: { idempotencyKey: { in: keys } } }),
        ).toBe(keys.length);
      }),
      { numRuns: 25 },
    );
  });
});

function build(step: Exclude<Op, { type: 'replay' | 'conflictingReplay' }>, wallets: string[]) {
  const idempotencyKey = `prop:${randomUUID()}`;
  const deltas = new Map<string, bigint>();
  const add = (w: string, d: bigint) => deltas.set(w, (deltas.get(w) ?? 0n) + d);
  let posting: Posting;
  let allowNegative = false;
  switch (step.type) {
    case 'credit':
      add(wallets[step.wallet], step.micros);
      posting = {
        kind: 'recharge',
        idempotencyKey,
        lines: [
          line({ walletId: wallets[step.wallet] }, step.micros),
          line({ system: SystemAccount.StripeClearing }, -step.micros),
        ],
      };
      break;
    case 'transfer':
      add(wallets[step.from], -step.micros);
      add(wallets[step.to], step.micros);
      posting = {
        kind: 'transfer',
        idempotencyKey,
        lines: [
          line({ walletId: wallets[step.from] }, -step.micros),
          line({ walletId: wallets[step.to] }, step.micros),
        ],
      };
      break;
    case 'charge':
      allowNegative = true;
      add(wallets[step.wallet], -step.micros);
      posting = {
        kind: 'charge',
        idempotencyKey,
        lines: [
          line({ walletId: wallets[step.wallet] }, -step.micros),
          line({ system: SystemAccount.Revenue }, step.micros),
        ],
      };
      break;
    case 'adjust':
      add(wallets[step.wallet], step.micros);
      posting = {
        kind: 'adjustment',
        idempotencyKey,
        reason: 'property test',
        lines: [
          line({ walletId: wallets[step.wallet] }, step.micros),
          line({ system: SystemAccount.Adjustments }, -step.micros),
        ],
      };
      break;
  }
  return { posting, allowNegative, deltas };
}
