import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tally/errors';
import { RpcClient, type PriceBookView } from '@tally/transport';
import { METERING } from './metering-principal';

/** Billing's price books (one per currency), as settlement reads them. */
@Injectable()
export class PriceBooks {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Each currency's version in force at `at` (an hour is always priced by the book of its own
   * start); a currency with no book then is left out of the answer.
   */
  async inForceAt(currencies: Iterable<string>, at: Date): Promise<Map<string, PriceBookView>> {
    const books = await Promise.all([...new Set(currencies)].map((c) => this.bookOf(c, at)));
    return new Map(books.flatMap((book) => (book === null ? [] : [[book.currency, book]])));
  }

  private async bookOf(currency: string, at: Date): Promise<PriceBookView | null> {
    try {
      return await this.rpc.send('billing.priceBook.current', {
        principal: METERING,
        input: { currency, at: at.toISOString() },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }
}
