import { PriceBookRepository } from '@tally/billing/price-book/price-book.repository';
import { PrismaService } from '@tally/prisma';
import { RESOURCES } from '@tally/transport';
import { outcome } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';

const PRICE_BOOK = `{ priceBook { id version currency effectiveFrom
  prices { resource unit pricePerUnitHour scale } } }`;
const PRICE_BOOKS = `query ($first: Int, $currency: String) {
  priceBooks(first: $first, currency: $currency) { id version currency effectiveFrom }
}`;
const PRICE_BOOK_IN = `query ($currency: String) { priceBook(currency: $currency) { version currency
  prices { resource pricePerUnitHour } } }`;
const CREATE = `mutation ($input: CreatePriceBookVersionInput!) {
  createPriceBookVersion(input: $input) { id version currency effectiveFrom
    prices { resource unit pricePerUnitHour scale } }
}`;

interface PriceReply {
  resource: string;
  unit: string;
  pricePerUnitHour: string;
  scale: number;
}
interface BookReply {
  id: string;
  version: number;
  currency: string;
  effectiveFrom: string;
  prices: PriceReply[];
}

const HOUR_MS = 3_600_000;
const CENTURY_MS = 100 * 365 * 24 * HOUR_MS;
let lastIssued = 0;

/**
 * A distinct instant a century ahead. A new version must take effect after every existing
 * one, so instants handed out later are always later (never random): this suite's versions
 * are the only future ones in the shared database, and they never trip over each other.
 */
function futureInstant(): Date {
  lastIssued = Math.max(lastIssued + HOUR_MS, Date.now() + CENTURY_MS);
  return new Date(lastIssued);
}

const fullTable = (micros = '50000.000000') =>
  RESOURCES.map((resource) => ({
    resource,
    unit: `${resource.toLowerCase()}-unit`,
    pricePerUnitHour: micros,
  }));

const versionInput = (change: Record<string, unknown> = {}) => ({
  currency: 'USD',
  effectiveFrom: futureInstant().toISOString(),
  reason: 'integration test',
  prices: fullTable(),
  ...change,
});

describe('the price book through the gateway', () => {
  const suite = new GatewaySuite();
  let finance: string;

  beforeAll(async () => {
    await suite.start(['gateway', 'account', 'billing']);
    finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
  });
  afterAll(() => suite.stop());

  async function tenantUser(role: 'OWNER' | 'MEMBER'): Promise<string> {
    const tenantId = await suite.fixtures.newTenant();
    return suite.jwt((await suite.fixtures.newMember(tenantId, role)).externalId);
  }

  it('serves the seeded default table to any signed-in user', async () => {
    for (const token of [suite.adminKey, await tenantUser('OWNER'), await tenantUser('MEMBER')]) {
      const reply = await suite.gql<{ priceBook: BookReply }>(token, PRICE_BOOK);
      expect(reply.errors).toBeUndefined();
      const book = reply.data!.priceBook;
      expect(book).toMatchObject({
        version: 1,
        currency: 'USD',
        effectiveFrom: '1970-01-01T00:00:00.000Z',
      });
      expect(book.prices).toEqual(
        expect.arrayContaining([
          { resource: 'CPU', unit: 'core-hour', pricePerUnitHour: '0.030000', scale: 0 },
          { resource: 'MEMORY', unit: 'GiB-hour', pricePerUnitHour: '0.004000', scale: 0 },
          { resource: 'STORAGE', unit: 'GiB-hour', pricePerUnitHour: '0.000100', scale: 0 },
          { resource: 'GPU', unit: 'gpu-hour', pricePerUnitHour: '0.900000', scale: 0 },
          { resource: 'NETWORK_EGRESS', unit: 'GiB', pricePerUnitHour: '0.080000', scale: 0 },
          { resource: 'NODEPORT', unit: 'port-hour', pricePerUnitHour: '0.001000', scale: 0 },
        ]),
      );
      expect(book.prices).toHaveLength(RESOURCES.length);
    }
  });

  it('refuses callers without a token', async () => {
    expect(outcome(await suite.gql(undefined, PRICE_BOOK))).toBe('UNAUTHENTICATED');
  });

  it('lets finance create a version and refuses a tenant owner with FORBIDDEN', async () => {
    const input = versionInput({
      prices: fullTable().map((p) =>
        p.resource === 'GPU' ? { ...p, pricePerUnitHour: '0.000015', scale: 3 } : p,
      ),
    });
    const created = await suite.gql<{ createPriceBookVersion: BookReply }>(finance, CREATE, {
      input,
    });
    expect(created.errors).toBeUndefined();
    const book = created.data!.createPriceBookVersion;
    expect(book.version).toBeGreaterThan(1);
    expect(book.effectiveFrom).toBe(input.effectiveFrom);
    expect(book.prices).toContainEqual({
      resource: 'GPU',
      unit: 'gpu-unit',
      pricePerUnitHour: '0.000015',
      scale: 3,
    });

    const owner = await tenantUser('OWNER');
    expect(outcome(await suite.gql(owner, CREATE, { input: versionInput() }))).toBe('FORBIDDEN');
  });

  it('never rewrites the past', async () => {
    const input = versionInput({ effectiveFrom: new Date(Date.now() - HOUR_MS).toISOString() });
    expect(outcome(await suite.gql(finance, CREATE, { input }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a table with a resource missing, priced twice or priced below zero', async () => {
    const tables = [
      fullTable().filter((p) => p.resource !== 'NODEPORT'),
      [...fullTable(), fullTable()[0]],
      fullTable().map((p) => (p.resource === 'CPU' ? { ...p, pricePerUnitHour: '-0.01' } : p)),
    ];
    for (const prices of tables) {
      const reply = await suite.gql(finance, CREATE, { input: versionInput({ prices }) });
      expect(outcome(reply)).toBe('BAD_USER_INPUT');
    }
  });

  it('lists versions newest first', async () => {
    const made: BookReply[] = [];
    for (let i = 0; i < 2; i++) {
      const reply = await suite.gql<{ createPriceBookVersion: BookReply }>(finance, CREATE, {
        input: versionInput(),
      });
      expect(reply.errors).toBeUndefined();
      made.push(reply.data!.createPriceBookVersion);
    }
    const owner = await tenantUser('MEMBER');
    const reply = await suite.gql<{ priceBooks: BookReply[] }>(owner, PRICE_BOOKS, {
      first: 100,
      currency: 'USD',
    });
    expect(reply.errors).toBeUndefined();
    const versions = reply.data!.priceBooks.map((b) => b.version);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(versions.indexOf(made[1].version)).toBeLessThan(versions.indexOf(made[0].version));
    expect(versions).toContain(1);
  });

  it('numbers and orders each currency’s versions on their own, and serves each by currency', async () => {
    // CHF: a currency only this test prices. Its first version starts in a minute — earlier
    // than the USD versions this suite created a century ahead, which only matters per currency.
    const soon = new Date(Date.now() + 60_000).toISOString();
    const first = await suite.gql<{ createPriceBookVersion: BookReply }>(finance, CREATE, {
      input: versionInput({ currency: 'CHF', effectiveFrom: soon, prices: fullTable('0.020000') }),
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createPriceBookVersion).toMatchObject({ version: 1, currency: 'CHF' });
    const later = new Date(Date.now() + 2 * HOUR_MS).toISOString();
    const second = await suite.gql<{ createPriceBookVersion: BookReply }>(finance, CREATE, {
      input: versionInput({ currency: 'CHF', effectiveFrom: later }),
    });
    expect(second.data!.createPriceBookVersion).toMatchObject({ version: 2, currency: 'CHF' });
    const earlier = await suite.gql(finance, CREATE, {
      input: versionInput({ currency: 'CHF', effectiveFrom: soon }),
    });
    expect(outcome(earlier)).toBe('BAD_USER_INPUT');

    const chf = await suite.gql<{ priceBooks: BookReply[] }>(finance, PRICE_BOOKS, {
      first: 10,
      currency: 'CHF',
    });
    expect(chf.data!.priceBooks.map((b) => [b.currency, b.version])).toEqual([
      ['CHF', 2],
      ['CHF', 1],
    ]);
    // Not in force yet: no CHF book now, and so no CHF tenant either.
    expect(outcome(await suite.gql(finance, PRICE_BOOK_IN, { currency: 'CHF' }))).toBe('NOT_FOUND');
    const tenant = await suite.admin(
      `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }`,
      { input: { name: 'Zurich', currency: 'CHF', ownerExternalId: 'owner-zurich' } },
    );
    expect(tenant.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_PRICE_BOOK_FOR_CURRENCY',
    });
    // USD is untouched: still the seeded version 1 now, with or without naming it.
    for (const variables of [{}, { currency: 'USD' }]) {
      const usd = await suite.gql<{ priceBook: BookReply }>(finance, PRICE_BOOK_IN, variables);
      expect(usd.data!.priceBook).toMatchObject({ version: 1, currency: 'USD' });
    }
    expect(outcome(await suite.gql(finance, PRICE_BOOK_IN, { currency: 'usd' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('PriceBookRepository', () => {
  const prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
  const books = new PriceBookRepository(prisma);
  afterAll(() => prisma.onApplicationShutdown());

  const draft = (effectiveFrom: Date) => ({
    currency: 'USD',
    effectiveFrom,
    reason: 'repository test',
    createdBy: 'test',
    prices: RESOURCES.map((resource) => ({
      resource,
      unit: 'unit-hour',
      pricePerUnitHourMicros: 7n,
      scale: 0,
    })),
  });

  it('finds the version in force at a time: the greatest effectiveFrom at or before it', async () => {
    const firstFrom = futureInstant();
    const first = await books.append(draft(firstFrom), () => undefined);
    const secondFrom = futureInstant();
    const second = await books.append(draft(secondFrom), () => undefined);
    expect(second.version).toBe(first.version + 1);

    const at = async (t: Date) => (await books.inForceAt('USD', t))?.version;
    expect(await at(new Date(firstFrom.getTime() - 1))).toBeLessThan(first.version);
    expect(await at(firstFrom)).toBe(first.version);
    expect(await at(new Date(secondFrom.getTime() - 1))).toBe(first.version);
    expect(await at(secondFrom)).toBe(second.version);
    expect(await at(new Date(secondFrom.getTime() + HOUR_MS))).toBeGreaterThanOrEqual(
      second.version,
    );
    // Nobody creates versions effective now; the seed has been in force since 1970.
    expect(await at(new Date())).toBe(1);
    expect(await books.inForceAt('USD', new Date('1969-12-31T23:59:59Z'))).toBeNull();
  });

  it('keeps price books append-only in the database', async () => {
    await expect(
      prisma.$executeRaw`UPDATE billing.prices SET price_per_unit_hour_micros = 0`,
    ).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM billing.price_books`).rejects.toThrow(
      /append-only/,
    );
  });
});
