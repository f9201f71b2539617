import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Authenticated, IsoTime, PriceBookView } from '@tally/transport';
import { currencyOf } from './price-book-input';
import { PriceBookRepository } from './price-book.repository';

/** Prices are public to every authenticated caller: tenants need them to predict their bill. */
@Injectable()
export class CurrentPriceBook {
  constructor(private readonly books: PriceBookRepository) {}

  /**
   * The currency's version in force at `at` (default now); settlement asks for the start of
   * an hour. The seeded USD version 1 is in force from the epoch; another currency has a book
   * only from its first version on.
   */
  async execute({
    input,
  }: Authenticated<{ at?: IsoTime; currency?: string }>): Promise<PriceBookView> {
    const at = input.at === undefined ? new Date() : new Date(input.at);
    if (Number.isNaN(at.getTime())) {
      throw badInput('at must be an ISO 8601 timestamp', { reason: 'BAD_AT' });
    }
    const currency = currencyOf(input.currency);
    const book = await this.books.inForceAt(currency, at);
    if (book === null) throw notFound('PriceBook', currency);
    return book;
  }
}
