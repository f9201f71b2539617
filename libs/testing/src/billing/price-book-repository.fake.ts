import type {
  IPriceBookRepository,
  LatestVersion,
  PriceBookDraft,
} from '@tally/billing/price-book/price-book.repository';
import { toWireMicros } from '@tally/money';
import type { PriceBookView } from '@tally/transport';

/**
 * Price book versions in memory, numbered per currency. `append` calls `admit` with the
 * currency's latest version, as the repository does under its table lock.
 */
export class FakePriceBookRepository implements IPriceBookRepository {
  /** Every version, in the order stored. */
  readonly versions: PriceBookView[] = [];
  /** What `append` stored, in order (seeded versions are not in it). */
  readonly appended: PriceBookDraft[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Stores a version without the checks `append` runs. */
  seed(draft: PriceBookDraft): this {
    this.store(draft);
    return this;
  }

  async inForceAt(currency: string, at: Date): Promise<PriceBookView | null> {
    const inForce = this.versions.filter(
      (v) => v.currency === currency && Date.parse(v.effectiveFrom) <= at.getTime(),
    );
    return (
      inForce.sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom))[0] ?? null
    );
  }

  /** Newest first, of one currency or (undefined) of all. */
  async history(currency: string | undefined, first: number): Promise<PriceBookView[]> {
    return this.versions
      .filter((v) => currency === undefined || v.currency === currency)
      .reverse()
      .slice(0, first);
  }

  async append(
    draft: PriceBookDraft,
    admit: (latest: LatestVersion | null) => void,
  ): Promise<PriceBookView> {
    const latest = this.latestOf(draft.currency);
    admit(
      latest === undefined
        ? null
        : { version: latest.version, effectiveFrom: new Date(latest.effectiveFrom) },
    );
    this.appended.push(draft);
    return this.store(draft);
  }

  private latestOf(currency: string): PriceBookView | undefined {
    return this.versions.filter((v) => v.currency === currency).at(-1);
  }

  private store(draft: PriceBookDraft): PriceBookView {
    const version = (this.latestOf(draft.currency)?.version ?? 0) + 1;
    const view: PriceBookView = {
      id: `book-${draft.currency}-${version}`,
      version,
      currency: draft.currency,
      effectiveFrom: draft.effectiveFrom.toISOString(),
      createdBy: draft.createdBy,
      reason: draft.reason,
      createdAt: this.now().toISOString(),
      prices: draft.prices.map((price) => ({
        ...price,
        pricePerUnitHourMicros: toWireMicros(price.pricePerUnitHourMicros),
      })),
    };
    this.versions.push(view);
    return view;
  }
}
