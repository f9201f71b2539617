import { allocateMicros, splitMicros } from './allocate';
import { type Currency, toCurrency } from './currency';
import { assertMicrosInRange, formatMicros, parseMicros } from './micros';
import { moneyError, MoneyErrorReason } from './money.errors';

/** The JSON form of Money: the amount stays a decimal string so no client parses it as a float. */
export interface MoneyJSON {
  amount: string;
  currency: Currency;
}

/**
 * An immutable amount of one currency in bigint micro-units, within Postgres BIGINT range.
 * Every operation that would leave that range, or mix currencies, throws BAD_USER_INPUT.
 */
export class Money {
  private constructor(
    readonly micros: bigint,
    readonly currency: Currency,
  ) {
    Object.freeze(this);
  }

  static of(micros: bigint, currency: string): Money {
    if (typeof micros !== 'bigint') {
      // A number holding money is a bug in the caller, not bad user input.
      throw new TypeError(`Money.of needs bigint micro-units, got ${typeof micros}`);
    }
    return new Money(assertMicrosInRange(micros), toCurrency(currency));
  }

  static zero(currency: string): Money {
    return Money.of(0n, currency);
  }

  /** Parses a decimal string such as "12.5"; see `parseMicros` for the accepted grammar. */
  static parse(text: string, currency: string): Money {
    const checked = toCurrency(currency);
    return new Money(parseMicros(text), checked);
  }

  static fromJSON(json: { amount: string; currency: string }): Money {
    return Money.parse(json.amount, json.currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return this.withMicros(this.micros + other.micros);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return this.withMicros(this.micros - other.micros);
  }

  negate(): Money {
    return this.withMicros(-this.micros);
  }

  multiply(factor: bigint): Money {
    return this.withMicros(this.micros * factor);
  }

  /** −1, 0 or 1; comparing different currencies throws CURRENCY_MISMATCH. */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.micros < other.micros ? -1 : this.micros > other.micros ? 1 : 0;
  }

  /** Value equality; amounts in different currencies are simply not equal. */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.micros === other.micros;
  }

  isZero(): boolean {
    return this.micros === 0n;
  }

  isNegative(): boolean {
    return this.micros < 0n;
  }

  isPositive(): boolean {
    return this.micros > 0n;
  }

  /** Splits in proportion to `weights` without losing a micro-unit; see `allocateMicros`. */
  allocate(weights: readonly bigint[]): Money[] {
    return allocateMicros(this.micros, weights).map((m) => new Money(m, this.currency));
  }

  /** Splits into `count` near-equal parts, the earlier parts taking the odd micro-units. */
  split(count: number): Money[] {
    return splitMicros(this.micros, count).map((m) => new Money(m, this.currency));
  }

  /** The amount only, e.g. "12.500000"; the currency is in `currency` / `toJSON()`. */
  toString(): string {
    return formatMicros(this.micros);
  }

  toJSON(): MoneyJSON {
    return { amount: formatMicros(this.micros), currency: this.currency };
  }

  private withMicros(micros: bigint): Money {
    return new Money(assertMicrosInRange(micros), this.currency);
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw moneyError(
        MoneyErrorReason.CURRENCY_MISMATCH,
        `Cannot combine ${this.currency} with ${other.currency}`,
        { currencies: [this.currency, other.currency] },
      );
    }
  }
}
