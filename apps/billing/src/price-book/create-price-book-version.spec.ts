import { DomainError, ErrorCode } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { FakePriceBookRepository } from '@tally/testing';
import { RESOURCES, type NewPriceBookVersion, type Principal } from '@tally/transport';
import { CreatePriceBookVersion } from './create-price-book-version';

const NOW = new Date('2026-06-01T12:00:00.000Z');

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
  let books: FakePriceBookRepository;
  let create: CreatePriceBookVersion;
  const codeOf = (principal: Principal, effectiveFrom?: string) =>
    create.execute({ principal, input: input(effectiveFrom) }, NOW).then(
      () => 'ok',
      (error: unknown) => (error instanceof DomainError ? error.code : 'thrown'),
    );

  beforeEach(() => {
    books = new FakePriceBookRepository(() => NOW).seed({
      currency: 'USD',
      effectiveFrom: new Date(0),
      reason: 'the first prices',
      createdBy: null,
      prices: [],
    });
    create = new CreatePriceBookVersion(books);
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
