import { DomainError, ErrorCode } from '@tally/errors';
import fc from 'fast-check';
import { isCurrency, toCurrency } from './currency';
import { MAX_MICROS, MIN_MICROS } from './micros';
import { Money } from './money';
import { MoneyErrorReason } from './money.errors';

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError && err.code === ErrorCode.BAD_USER_INPUT) {
      return err.details?.reason;
    }
    throw err;
  }
  throw new Error('expected a BAD_USER_INPUT DomainError');
}

const usd = (micros: bigint): Money => Money.of(micros, 'USD');
const inRange = fc.bigInt({ min: MIN_MICROS, max: MAX_MICROS });
const half = fc.bigInt({ min: MIN_MICROS / 2n, max: MAX_MICROS / 2n });

describe('currency', () => {
  it.each(['USD', 'CNY', 'EUR'])('accepts %p', (code) => {
    expect(isCurrency(code)).toBe(true);
    expect(toCurrency(code)).toBe(code);
  });

  it.each(['usd', 'US', 'USDT', '', ' USD', 'U$D', 'ÜSD'])('rejects %p', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(reasonOf(() => toCurrency(code))).toBe(MoneyErrorReason.INVALID_CURRENCY);
  });
});

describe('Money', () => {
  describe('construction', () => {
    it('holds micros and currency and is frozen', () => {
      const m = usd(12_500_000n);
      expect(m.micros).toBe(12_500_000n);
      expect(m.currency).toBe('USD');
      expect(Object.isFrozen(m)).toBe(true);
      expect(() => {
        (m as unknown as { micros: bigint }).micros = 1n;
      }).toThrow(TypeError);
    });

    it('accepts the BIGINT limits and rejects anything past them', () => {
      expect(usd(MAX_MICROS).micros).toBe(MAX_MICROS);
      expect(usd(MIN_MICROS).micros).toBe(MIN_MICROS);
      expect(reasonOf(() => usd(MAX_MICROS + 1n))).toBe(MoneyErrorReason.OVERFLOW);
      expect(reasonOf(() => usd(MIN_MICROS - 1n))).toBe(MoneyErrorReason.OVERFLOW);
    });

    it('rejects a bad currency', () => {
      expect(reasonOf(() => Money.of(1n, 'usd'))).toBe(MoneyErrorReason.INVALID_CURRENCY);
      expect(reasonOf(() => Money.parse('1', 'dollars'))).toBe(MoneyErrorReason.INVALID_CURRENCY);
    });

    it('refuses a number at run time', () => {
      expect(() => Money.of(1.5 as unknown as bigint, 'USD')).toThrow(TypeError);
    });

    it('parses decimal strings and passes on parse rejections', () => {
      expect(Money.parse('12.5', 'USD').equals(usd(12_500_000n))).toBe(true);
      expect(Money.parse('-0', 'EUR').equals(Money.zero('EUR'))).toBe(true);
      expect(reasonOf(() => Money.parse('1e3', 'USD'))).toBe(MoneyErrorReason.EXPONENT);
      expect(reasonOf(() => Money.parse(12.5 as unknown as string, 'USD'))).toBe(
        MoneyErrorReason.NOT_A_STRING,
      );
    });
  });

  describe('formatting', () => {
    it('prints the amount with 6 decimals', () => {
      expect(usd(12_500_000n).toString()).toBe('12.500000');
      expect(usd(-1n).toString()).toBe('-0.000001');
      expect(Money.zero('USD').toString()).toBe('0.000000');
      expect(String(usd(1n))).toBe('0.000001');
    });

    it('serializes to JSON as a string amount and back', () => {
      const m = usd(-3_250_000n);
      expect(m.toJSON()).toEqual({ amount: '-3.250000', currency: 'USD' });
      expect(JSON.stringify({ price: m })).toBe(
        '{"price":{"amount":"-3.250000","currency":"USD"}}',
      );
      expect(Money.fromJSON(m.toJSON()).equals(m)).toBe(true);
    });
  });

  describe('arithmetic', () => {
    it('adds, subtracts, negates and multiplies', () => {
      expect(usd(5n).add(usd(7n)).micros).toBe(12n);
      expect(usd(5n).subtract(usd(7n)).micros).toBe(-2n);
      expect(usd(5n).negate().micros).toBe(-5n);
      expect(usd(0n).negate().micros).toBe(0n);
      expect(usd(5n).multiply(-3n).micros).toBe(-15n);
    });

    it('never mutates its operands', () => {
      const a = usd(5n);
      a.add(usd(1n));
      a.negate();
      expect(a.micros).toBe(5n);
    });

    it('refuses to mix currencies', () => {
      const eur = Money.of(1n, 'EUR');
      expect(reasonOf(() => usd(1n).add(eur))).toBe(MoneyErrorReason.CURRENCY_MISMATCH);
      expect(reasonOf(() => usd(1n).subtract(eur))).toBe(MoneyErrorReason.CURRENCY_MISMATCH);
      expect(reasonOf(() => usd(1n).compare(eur))).toBe(MoneyErrorReason.CURRENCY_MISMATCH);
      expect(() => usd(1n).add(eur)).toThrow('Cannot combine USD with EUR');
    });

    it('throws OVERFLOW instead of leaving the BIGINT range', () => {
      expect(reasonOf(() => usd(MAX_MICROS).add(usd(1n)))).toBe(MoneyErrorReason.OVERFLOW);
      expect(reasonOf(() => usd(MIN_MICROS).subtract(usd(1n)))).toBe(MoneyErrorReason.OVERFLOW);
      expect(reasonOf(() => usd(MAX_MICROS / 2n + 1n).multiply(2n))).toBe(
        MoneyErrorReason.OVERFLOW,
      );
      expect(usd(MIN_MICROS).negate().micros).toBe(MAX_MICROS);
    });

    it('add then subtract round-trips', () => {
      fc.assert(
        fc.property(half, half, (a, b) => {
          const x = usd(a);
          const y = usd(b);
          return x.add(y).subtract(y).equals(x) && x.subtract(y).add(y).equals(x);
        }),
      );
    });

    it('add is exact or throws OVERFLOW, never wraps', () => {
      fc.assert(
        fc.property(inRange, inRange, (a, b) => {
          const exact = a + b;
          if (exact > MAX_MICROS || exact < MIN_MICROS) {
            return reasonOf(() => usd(a).add(usd(b))) === MoneyErrorReason.OVERFLOW;
          }
          return usd(a).add(usd(b)).micros === exact && usd(b).add(usd(a)).micros === exact;
        }),
      );
    });

    it('negate is its own inverse and agrees with subtract from zero', () => {
      fc.assert(
        fc.property(inRange, (a) => {
          const x = usd(a);
          return x.negate().negate().equals(x) && Money.zero('USD').subtract(x).equals(x.negate());
        }),
      );
    });
  });

  describe('comparison', () => {
    it('compares and tests the sign', () => {
      expect(usd(1n).compare(usd(2n))).toBe(-1);
      expect(usd(2n).compare(usd(2n))).toBe(0);
      expect(usd(3n).compare(usd(2n))).toBe(1);
      expect(usd(0n).isZero()).toBe(true);
      expect(usd(-1n).isNegative()).toBe(true);
      expect(usd(-1n).isPositive()).toBe(false);
      expect(usd(1n).isPositive()).toBe(true);
      expect(usd(0n).isPositive() || usd(0n).isNegative()).toBe(false);
    });

    it('treats different currencies as unequal rather than throwing', () => {
      expect(usd(1n).equals(Money.of(1n, 'EUR'))).toBe(false);
      expect(usd(1n).equals(usd(1n))).toBe(true);
    });

    it('compare agrees with subtract', () => {
      fc.assert(
        fc.property(half, half, (a, b) => {
          const diff = usd(a).subtract(usd(b));
          const sign = diff.isZero() ? 0 : diff.isPositive() ? 1 : -1;
          return usd(a).compare(usd(b)) === sign;
        }),
      );
    });
  });

  describe('allocate and split', () => {
    it('keeps the currency and sums to the whole', () => {
      const parts = usd(-100n).allocate([1n, 1n, 1n]);
      expect(parts.map((p) => p.micros)).toEqual([-34n, -33n, -33n]);
      expect(parts.every((p) => p.currency === 'USD')).toBe(true);
      expect(usd(10n).split(3).map(String)).toEqual(['0.000004', '0.000003', '0.000003']);
    });

    it('sums to the whole for any amount and weights', () => {
      fc.assert(
        fc.property(
          inRange,
          fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 8 }),
          (a, ws) => {
            fc.pre(ws.some((w) => w > 0n));
            const total = usd(a)
              .allocate(ws)
              .reduce((acc, p) => acc.add(p), Money.zero('USD'));
            return total.equals(usd(a));
          },
        ),
      );
    });

    it('rejects invalid weights and part counts', () => {
      expect(reasonOf(() => usd(1n).allocate([]))).toBe(MoneyErrorReason.INVALID_ALLOCATION);
      expect(reasonOf(() => usd(1n).split(0))).toBe(MoneyErrorReason.INVALID_ALLOCATION);
    });
  });
});
