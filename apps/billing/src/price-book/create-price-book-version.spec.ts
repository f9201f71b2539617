import { DomainError, ErrorCode } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import {
  RESOURCES,
  type NewPriceBookVersion,
  type PriceBookView,
  type Principal,
} from '@tally/transport';
import { CreatePriceBookVersion } from './create-price-book-version';
import type { LatestVersion, PriceBookDraft, PriceBookRepository } from './price-book.repository';

const NOW = new Date('2026-06-01T12:00:00.000Z');

/** Keeps versions in memory and applies `admit` the way the repository does, under its lock. */
class FakeBooks {
  readonly appended: PriceBookDraft[] = [];
  latest: LatestVersion | null = { version: 1, effectiveFrom: new Date(0) };

  async append(draft: PriceBookDraft, admit: (latest: LatestVersion | null) => void) {
    admit(this.latest);
    this.appended.push(draft);
    const version = (this.latest?.version ?? 0) + 1;
    this.latest = { version, effectiveFrom: draft.effectiveFrom };
    const view: PriceBookView = {
      id: `book-${version}`,
      version,
      currency: draft.currency,
      effectiveFrom: draft.effectiveFrom.toISOString(),
      createdBy: draft.createdBy,
      reason: draft.reason,
      createdAt: NOW.toISOString(),
      prices: draft.prices.map((p) => ({
        ...p,
        pricePerUnitHourMicros: toWireMicros(p.pricePerUnitHourMicros),
      })),
    };
    return view;
  }
}

const input = (effectiveFrom = '2026-07-01T00:00:00Z'): NewPriceBookVersion => ({
  currency: 'USD',
  effectiveFrom,
  reason: 'new GPUs',
  prices: RESOURCES.map((resource) => ({
    resource,
    unit: 'unit-hour',
    pricePerUnitHourMicros: toWireMicros(10n),
    scale: 0,
  })),
});

describe('CreatePriceBookVersion', () => {
  let books: FakeBooks;
  let create: CreatePriceBookVersion;
  const codeOf = (principal: Principal, effectiveFrom?: string) =>
    create.execute({ principal, input: input(effectiveFrom) }, NOW).then(
      () => 'ok',
      (error: unknown) => (error instanceof DomainError ? error.code : 'thrown'),
    );

  beforeEach(() => {
    books = new FakeBooks();
    create = new CreatePriceBookVersion(books as unknown as PriceBookRepository);
  });

  it('lets finance staff, platform admins and the admin key set prices, recording who did', async () => {
    const finance = await create.execute(
      { principal: { kind: 'user', userId: 'u1', platformRole: 'FINANCE' }, input: input() },
      NOW,
    );
    expect(finance).toMatchObject({ version: 2, createdBy: 'user:u1', reason: 'new GPUs' });
    expect(
      await codeOf(
        { kind: 'user', userId: 'u2', platformRole: 'PLATFORM_ADMIN' },
        '2026-08-01T00:00:00Z',
      ),
    ).toBe('ok');
    expect(await codeOf({ kind: 'admin_key' }, '2026-09-01T00:00:00Z')).toBe('ok');
    expect(books.appended.map((d) => d.createdBy)).toEqual(['user:u1', 'user:u2', 'admin_key']);
  });

  it.each<[string, Principal]>([
    ['a tenant user', { kind: 'user', userId: 'u3', platformRole: null }],
    ['an API key', { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1' }],
    ['another service', { kind: 'service', service: 'metering' }],
  ])('refuses %s with FORBIDDEN and stores nothing', async (_who, principal) => {
    expect(await codeOf(principal)).toBe(ErrorCode.FORBIDDEN);
    expect(books.appended).toEqual([]);
  });

  it('never rewrites the past, and takes versions in effectiveFrom order', async () => {
    const finance: Principal = { kind: 'user', userId: 'u1', platformRole: 'FINANCE' };
    expect(await codeOf(finance, '2026-05-31T12:00:00Z')).toBe(ErrorCode.BAD_USER_INPUT);
    expect(await codeOf(finance, '2026-07-01T00:00:00Z')).toBe('ok');
    expect(await codeOf(finance, '2026-07-01T00:00:00Z')).toBe(ErrorCode.BAD_USER_INPUT);
    expect(await codeOf(finance, '2026-06-15T00:00:00Z')).toBe(ErrorCode.BAD_USER_INPUT);
    expect(books.appended).toHaveLength(1);
  });
});
