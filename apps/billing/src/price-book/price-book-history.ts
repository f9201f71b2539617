import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import type { Authenticated, PriceBookView } from '@tally/transport';
import { PriceBookRepository } from './price-book.repository';

const MAX_FIRST = 100;

/** Every version, newest first: what changed when, and why. Readable by any caller. */
@Injectable()
export class PriceBookHistory {
  constructor(private readonly books: PriceBookRepository) {}

  async execute({ input }: Authenticated<{ first: number }>): Promise<PriceBookView[]> {
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_FIRST) {
      throw badInput(`first must be 1 to ${MAX_FIRST}`, { reason: 'BAD_FIRST' });
    }
    return this.books.history(input.first);
  }
}
