import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Authenticated, IsoTime, PriceBookView } from '@tally/transport';
import { PriceBookRepository } from './price-book.repository';

/** Prices are public to every authenticated caller: tenants need them to predict their bill. */
@Injectable()
export class CurrentPriceBook {
  constructor(private readonly books: PriceBookRepository) {}

  /** The version in force at `at` (default now); settlement asks for the start of an hour. */
  async execute({ input }: Authenticated<{ at?: IsoTime }>): Promise<PriceBookView> {
    const at = input.at === undefined ? new Date() : new Date(input.at);
    if (Number.isNaN(at.getTime())) {
      throw badInput('at must be an ISO 8601 timestamp', { reason: 'BAD_AT' });
    }
    const book = await this.books.inForceAt(at);
    // The seeded version 1 is in force from the epoch, so only an earlier `at` lands here.
    if (book === null) throw notFound('PriceBook');
    return book;
  }
}
