import { Inject, Injectable } from '@nestjs/common';
import type { Authenticated, NewPriceBookVersion, PriceBookView } from '@tally/transport';
import { assertMayPrice } from './price-book-access';
import { assertAfterLatest, priceBookDraftFrom } from './price-book-input';
import { PriceBookRepository, type IPriceBookRepository } from './price-book.repository';

/**
 * A new version of the whole price table, effective from now or later. Earlier versions stay
 * as they were, so settling any past hour finds the prices that were in force then.
 */
@Injectable()
export class CreatePriceBookVersion {
  constructor(@Inject(PriceBookRepository) private readonly books: IPriceBookRepository) {}

  async execute(
    { principal, input }: Authenticated<NewPriceBookVersion>,
    now: Date = new Date(),
  ): Promise<PriceBookView> {
    const createdBy = assertMayPrice(principal);
    const draft = priceBookDraftFrom(input, now, createdBy);
    return this.books.append(draft, (latest) => assertAfterLatest(latest, draft.effectiveFrom));
  }
}
