import { Client } from 'pg';
import type { Resource } from '@tally/transport';

/** Micro-units per unit-hour of every resource, as a book of one currency prices them. */
export type PriceTable = Readonly<Record<Resource, bigint>>;

/** The seeded USD version 1 (prisma/migrations/…_price_book). */
export const USD_PRICES: PriceTable = {
  CPU: 30_000n,
  MEMORY: 4_000n,
  STORAGE: 100n,
  GPU: 900_000n,
  NETWORK_EGRESS: 80_000n,
  NODEPORT: 1_000n,
};

/** Test books of other currencies, deliberately unlike USD's so a mix-up shows. */
export const TEST_PRICES: Readonly<Record<string, PriceTable>> = {
  EUR: { ...USD_PRICES, CPU: 20_000n, MEMORY: 3_000n },
  JPY: { ...USD_PRICES, CPU: 5_000_000n, MEMORY: 600_000n },
};

const UNITS: Record<Resource, string> = {
  CPU: 'core-hour',
  MEMORY: 'GiB-hour',
  STORAGE: 'GiB-hour',
  GPU: 'gpu-hour',
  NETWORK_EGRESS: 'GiB',
  NODEPORT: 'port-hour',
};

/**
 * Version 1 of `currency`'s price book, in force since the epoch like the seeded USD one, so
 * tenants in that currency can be opened and their past hours settled. The suites share one
 * database: whichever suite comes first creates it, in one statement, and the others find it.
 * (The API refuses books that start in the past, so this goes straight to the table.)
 */
export async function ensurePriceBook(currency: keyof typeof TEST_PRICES): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const prices = Object.entries(TEST_PRICES[currency]).map(([resource, micros]) => ({
      resource,
      unit: UNITS[resource as Resource],
      micros: micros.toString(),
    }));
    await db.query(
      `WITH book AS (
         INSERT INTO billing.price_books (id, version, currency, effective_from, reason)
         VALUES (gen_random_uuid(), 1, $1, '1970-01-01T00:00:00Z', 'test price book')
         ON CONFLICT DO NOTHING
         RETURNING id
       )
       INSERT INTO billing.prices (price_book_id, resource, unit, price_per_unit_hour_micros, scale)
       SELECT book.id, p.resource::billing."Resource", p.unit, p.micros::bigint, 0
         FROM book, jsonb_to_recordset($2::jsonb) AS p (resource text, unit text, micros text)`,
      [currency, JSON.stringify(prices)],
    );
  } finally {
    await db.end();
  }
}
