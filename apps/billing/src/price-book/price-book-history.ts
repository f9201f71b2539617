import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import type { Authenticated, PriceBookView } from '@tally/transport';
import { currencyOf } from './price-book-input';
import { PriceBookRepository } from './price-book.repository';

const MAX_FIRST = 100;

/** Versions newest first (of one currency, or all): what changed when, and why. Readable by any caller. */
@Injectable()
export class PriceBookHistory {
  constructor(private readonly books: PriceBookRepository) {}

  async execute({
    input,
  }: Authenticated<{ first: number; currency?: string }>): Promise<PriceBookView[]> {
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_FIRST) {
      throw badInput(`first must be 1 to ${MAX_FIRST}`, { reason: 'BAD_FIRST' });
    }
    const currency = input.currency === undefined ? undefined : currencyOf(input.currency);
    return this.books.history(currency, input.first);
  }
}
