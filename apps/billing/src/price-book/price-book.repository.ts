import { Injectable } from '@nestjs/common';
import type { Price, PriceBook } from '@prisma/client';
import { conflict } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import { isUniqueViolation, PrismaService } from '@tally/prisma';
import type { PriceBookView, PriceView } from '@tally/transport';

/** A version as the use case has checked it: money already as bigint micro-units. */
export interface PriceBookDraft {
  readonly currency: string;
  readonly effectiveFrom: Date;
  readonly reason: string;
  readonly createdBy: string | null;
  readonly prices: readonly {
    readonly resource: PriceView['resource'];
    readonly unit: string;
    readonly pricePerUnitHourMicros: bigint;
    readonly scale: number;
  }[];
}

/** The newest version, as the rule for the next one needs it. */
export interface LatestVersion {
  readonly version: number;
  readonly effectiveFrom: Date;
}

const withPrices = { prices: { orderBy: { resource: 'asc' } } } as const;

/**
 * Price book versions. Use cases take this interface (injected as the class), so that their
 * specs' fake, in libs/testing, is checked against it by the compiler.
 */
export interface IPriceBookRepository {
  inForceAt(currency: string, at: Date): Promise<PriceBookView | null>;
  history(currency: string | undefined, first: number): Promise<PriceBookView[]>;
  append(
    draft: PriceBookDraft,
    admit: (latest: LatestVersion | null) => void,
  ): Promise<PriceBookView>;
}

@Injectable()
export class PriceBookRepository implements IPriceBookRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The currency's version in force at `at`: its greatest effectiveFrom at or before it. */
  async inForceAt(currency: string, at: Date): Promise<PriceBookView | null> {
    const book = await this.prisma.priceBook.findFirst({
      where: { currency, effectiveFrom: { lte: at } },
      orderBy: { effectiveFrom: 'desc' },
      include: withPrices,
    });
    return book && toPriceBookView(book);
  }

  /** Newest version first, of one currency or (undefined) of all. */
  async history(currency: string | undefined, first: number): Promise<PriceBookView[]> {
    const books = await this.prisma.priceBook.findMany({
      where: { currency },
      orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
      take: first,
      include: withPrices,
    });
    return books.map(toPriceBookView);
  }

  /**
   * Appends the currency's next version (its previous max + 1) with its prices, in one
   * transaction. `admit` sees the currency's newest version under a lock that other appends
   * wait on, so the "later than the latest" rule cannot be raced by two concurrent creators.
   */
  async append(
    draft: PriceBookDraft,
    admit: (latest: LatestVersion | null) => void,
  ): Promise<PriceBookView> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // SHARE ROW EXCLUSIVE conflicts with itself and with inserts, not with reads.
        await tx.$executeRaw`LOCK TABLE "billing"."price_books" IN SHARE ROW EXCLUSIVE MODE`;
        const latest = await tx.priceBook.findFirst({
          where: { currency: draft.currency },
          orderBy: { version: 'desc' },
          select: { version: true, effectiveFrom: true },
        });
        admit(latest);
        const created = await tx.priceBook.create({
          data: {
            version: (latest?.version ?? 0) + 1,
            currency: draft.currency,
            effectiveFrom: draft.effectiveFrom,
            reason: draft.reason,
            createdBy: draft.createdBy,
            prices: { create: draft.prices.map((price) => ({ ...price })) },
          },
          include: withPrices,
        });
        return toPriceBookView(created);
      });
    } catch (error) {
      // Only reachable if something bypasses the lock (another writer of the table).
      if (isUniqueViolation(error)) {
        throw conflict('Another price book version was created at the same time; retry', {
          reason: 'VERSION_TAKEN',
        });
      }
      throw error;
    }
  }
}

function toPriceBookView(book: PriceBook & { prices: Price[] }): PriceBookView {
  return {
    id: book.id,
    version: book.version,
    currency: book.currency,
    effectiveFrom: book.effectiveFrom.toISOString(),
    createdBy: book.createdBy,
    reason: book.reason,
    createdAt: book.createdAt.toISOString(),
    prices: book.prices.map((price) => ({
      resource: price.resource,
      unit: price.unit,
      pricePerUnitHourMicros: toWireMicros(price.pricePerUnitHourMicros),
      scale: price.scale,
    })),
  };
}
