import type { PostingContext } from '../ledger/ledger.types';
import type { CreditGrantRepository, DueGrant, ExpiryOutcome } from './credit-grant.repository';
import { ExpireCredits } from './expire-credits';

const WALLET = '0b2c8c1e-5d4f-4a7b-9c3d-2e1f0a9b8c7d';

/** Due grants as the repository answers them: an expired grant is no longer due. */
class FakeGrants implements Pick<CreditGrantRepository, 'due' | 'expire'> {
  readonly expired: string[] = [];
  readonly failing = new Set<string>();

  constructor(private readonly pending: Map<string, bigint>) {}

  async due(limit: number): Promise<DueGrant[]> {
    return [...this.pending.keys()]
      .slice(0, limit)
      .map((id) => ({ id, walletId: WALLET, expiresAt: new Date(0) }));
  }

  async expire(grant: DueGrant, _context: PostingContext): Promise<ExpiryOutcome> {
    if (this.failing.has(grant.id)) throw new Error('database gone');
    const micros = this.pending.get(grant.id);
    if (micros === undefined) return { status: 'not-due' };
    this.pending.delete(grant.id);
    this.expired.push(grant.id);
    return { status: 'expired', expiredMicros: micros };
  }
}

describe('ExpireCredits', () => {
  it('expires every due grant, batch after batch, and sums what left the wallets', async () => {
    const pending = new Map(Array.from({ length: 1200 }, (_, i) => [`g${i}`, BigInt(i)] as const));
    const grants = new FakeGrants(pending);
    const summary = await new ExpireCredits(grants).execute();
    expect(summary).toEqual({ expired: 1200, expiredMicros: String((1199 * 1200) / 2), failed: 0 });
    expect(new Set(grants.expired).size).toBe(1200);
  });

  it('goes on past a grant that fails, and reports it so the job is retried', async () => {
    const grants = new FakeGrants(
      new Map([
        ['a', 1n],
        ['b', 2n],
        ['c', 3n],
      ]),
    );
    grants.failing.add('b');
    const summary = await new ExpireCredits(grants).execute();
    expect(summary).toEqual({ expired: 2, expiredMicros: '4', failed: 1 });
    expect(grants.expired).toEqual(['a', 'c']);
  });
});
