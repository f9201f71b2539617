import { DomainError, ErrorCode } from '@tally/errors';
import fc from 'fast-check';
import {
  assertMicrosInRange,
  formatMicros,
  MAX_MICROS,
  MICROS_PER_UNIT,
  MIN_MICROS,
  parseMicros,
} from './micros';
import { MoneyErrorReason } from './money.errors';

function rejectionOf(input: unknown): DomainError {
  try {
    parseMicros(input);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

const inRange = fc.bigInt({ min: MIN_MICROS, max: MAX_MICROS });
// Mostly digit-ish noise, so that near-misses of the grammar get explored too.
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.-+eE \t'), maxLength: 25 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const CANONICAL = /^-?(0|[1-9][0-9]*)\.[0-9]{6}$/;

describe('micros', () => {
  it('has the BIGINT limits', () => {
    expect(MICROS_PER_UNIT).toBe(1_000_000n);
    expect(MAX_MICROS).toBe(9_223_372_036_854_775_807n);
    expect(MIN_MICROS).toBe(-MAX_MICROS);
  });

  describe('parseMicros', () => {
    it.each([
      ['0', 0n],
      ['-0', 0n],
      ['-0.000000', 0n],
      ['1', 1_000_000n],
      ['12.5', 12_500_000n],
      ['12.500000', 12_500_000n],
      ['0.000001', 1n],
      ['-0.000001', -1n],
      ['-3.25', -3_250_000n],
      ['007.10', 7_100_000n],
      ['9223372036854.775807', MAX_MICROS],
      ['-9223372036854.775807', MIN_MICROS],
      ['00000000000000000009223372036854.775807', MAX_MICROS],
    ])('parses %p as %p', (text, micros) => {
      expect(parseMicros(text)).toBe(micros);
    });

    it('never produces a negative zero', () => {
      expect(Object.is(parseMicros('-0'), 0n)).toBe(true);
      expect(formatMicros(parseMicros('-0'))).toBe('0.000000');
    });

    it.each<[unknown, MoneyErrorReason]>([
      ['', MoneyErrorReason.EMPTY],
      ['   ', MoneyErrorReason.EMPTY],
      ['\t\n', MoneyErrorReason.EMPTY],
      [12.5, MoneyErrorReason.NOT_A_STRING],
      [0, MoneyErrorReason.NOT_A_STRING],
      [NaN, MoneyErrorReason.NOT_A_STRING],
      [12n, MoneyErrorReason.NOT_A_STRING],
      [null, MoneyErrorReason.NOT_A_STRING],
      [undefined, MoneyErrorReason.NOT_A_STRING],
      [true, MoneyErrorReason.NOT_A_STRING],
      [{ amount: '1' }, MoneyErrorReason.NOT_A_STRING],
      [['1'], MoneyErrorReason.NOT_A_STRING],
      ['1e3', MoneyErrorReason.EXPONENT],
      ['1E3', MoneyErrorReason.EXPONENT],
      ['-1.5e-3', MoneyErrorReason.EXPONENT],
      ['2.e+2', MoneyErrorReason.EXPONENT],
      ['.5e1', MoneyErrorReason.EXPONENT],
      ['0.0000001', MoneyErrorReason.TOO_MANY_DECIMALS],
      ['-1.1234567', MoneyErrorReason.TOO_MANY_DECIMALS],
      ['1.000000000000', MoneyErrorReason.TOO_MANY_DECIMALS],
      ['NaN', MoneyErrorReason.NOT_A_NUMBER],
      ['nan', MoneyErrorReason.NOT_A_NUMBER],
      ['Infinity', MoneyErrorReason.NOT_A_NUMBER],
      ['-Infinity', MoneyErrorReason.NOT_A_NUMBER],
      ['+Infinity', MoneyErrorReason.NOT_A_NUMBER],
      ['inf', MoneyErrorReason.NOT_A_NUMBER],
      ['9223372036854.775808', MoneyErrorReason.OVERFLOW],
      ['-9223372036854.775808', MoneyErrorReason.OVERFLOW],
      ['10000000000000', MoneyErrorReason.OVERFLOW],
      ['9'.repeat(10_000), MoneyErrorReason.OVERFLOW],
      ['+5', MoneyErrorReason.MALFORMED],
      ['.5', MoneyErrorReason.MALFORMED],
      ['-.5', MoneyErrorReason.MALFORMED],
      ['5.', MoneyErrorReason.MALFORMED],
      [' 5', MoneyErrorReason.MALFORMED],
      ['5 ', MoneyErrorReason.MALFORMED],
      ['5\n', MoneyErrorReason.MALFORMED],
      ['\u00a05', MoneyErrorReason.MALFORMED],
      ['--5', MoneyErrorReason.MALFORMED],
      ['- 5', MoneyErrorReason.MALFORMED],
      ['1,000.00', MoneyErrorReason.MALFORMED],
      ['1_000', MoneyErrorReason.MALFORMED],
      ['1.2.3', MoneyErrorReason.MALFORMED],
      ['0x10', MoneyErrorReason.MALFORMED],
      ['$5', MoneyErrorReason.MALFORMED],
      ['5 USD', MoneyErrorReason.MALFORMED],
      ['\uff15', MoneyErrorReason.MALFORMED],
      ['\u0663', MoneyErrorReason.MALFORMED],
      ['-', MoneyErrorReason.MALFORMED],
      ['.', MoneyErrorReason.MALFORMED],
    ])('rejects %p with reason %s', (input, reason) => {
      const err = rejectionOf(input);
      expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(err.details).toEqual({ reason });
    });

    it('explains each rejection precisely', () => {
      expect(rejectionOf(12.5).message).toBe(
        'Money amount must be sent as a decimal string such as "12.5", not a number; ' +
          'numbers are rejected because floats cannot hold every amount exactly',
      );
      expect(rejectionOf(null).message).toContain('not object');
      expect(rejectionOf('').message).toBe('Money amount is empty');
      expect(rejectionOf(' 5').message).toBe(
        'Money amount must not have leading or trailing whitespace',
      );
      expect(rejectionOf('1e3').message).toContain('without an exponent');
      expect(rejectionOf('0.0000001').message).toBe(
        'Money amount has more than 6 fractional digits',
      );
      expect(rejectionOf('NaN').message).toContain('not NaN or Infinity');
      expect(rejectionOf('1e30').details).toEqual({ reason: MoneyErrorReason.EXPONENT });
      expect(rejectionOf('10000000000000').message).toBe(
        'Money amount is outside the supported range of ±9223372036854.775807',
      );
      expect(rejectionOf('+5').message).toBe('Money amount must not start with "+"');
      expect(rejectionOf('.5').message).toBe(
        'Money amount needs a digit before the decimal point, e.g. "0.5"',
      );
      expect(rejectionOf('5.').message).toBe(
        'Money amount needs at least one digit after the decimal point',
      );
      expect(rejectionOf('abc').message).toContain('must be a decimal string');
    });

    it('never accepts what the grammar does not allow, and throws only DomainErrors', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          let micros: bigint;
          try {
            micros = parseMicros(text);
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            expect(Object.values(MoneyErrorReason)).toContain((err as DomainError).details?.reason);
            return;
          }
          expect(text).toMatch(/^-?[0-9]+(\.[0-9]{1,6})?$/);
          expect(micros >= MIN_MICROS && micros <= MAX_MICROS).toBe(true);
        }),
      );
    });

    it('rejects every amount with more than 6 fractional digits', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^-?[0-9]{1,5}\.[0-9]{7,12}$/),
          (text) => rejectionOf(text).details?.reason === MoneyErrorReason.TOO_MANY_DECIMALS,
        ),
      );
    });

    it('rejects every amount past the BIGINT range', () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: MAX_MICROS + 1n, max: MAX_MICROS * 1000n }),
          fc.boolean(),
          (x, neg) => {
            const text = formatMicros(neg ? -x : x);
            return rejectionOf(text).details?.reason === MoneyErrorReason.OVERFLOW;
          },
        ),
      );
    });
  });

  describe('formatMicros', () => {
    it.each([
      [0n, '0.000000'],
      [1n, '0.000001'],
      [-1n, '-0.000001'],
      [12_500_000n, '12.500000'],
      [-12_500_000n, '-12.500000'],
      [1_000_000n, '1.000000'],
      [MAX_MICROS, '9223372036854.775807'],
      [MIN_MICROS, '-9223372036854.775807'],
    ])('formats %p as %p', (micros, text) => {
      expect(formatMicros(micros)).toBe(text);
    });

    it('always writes exactly 6 fractional digits and no redundant zeros or signs', () => {
      fc.assert(
        fc.property(
          inRange,
          (x) => CANONICAL.test(formatMicros(x)) && formatMicros(x) !== '-0.000000',
        ),
      );
    });
  });

  describe('round trips', () => {
    it('parse(format(x)) === x for every amount in range', () => {
      fc.assert(fc.property(inRange, (x) => parseMicros(formatMicros(x)) === x));
      fc.assert(
        fc.property(
          fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
          (x) => parseMicros(formatMicros(x)) === x,
        ),
      );
    });

    // Any accepted spelling ("-007.5", "-0", "3.10") formats to one canonical string.
    it('format(parse(s)) normalizes every accepted spelling', () => {
      const accepted = fc.record({
        negative: fc.boolean(),
        zeros: fc.nat({ max: 3 }),
        units: fc.bigInt({ min: 0n, max: MAX_MICROS / MICROS_PER_UNIT - 1n }),
        fraction: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
      });
      fc.assert(
        fc.property(accepted, ({ negative, zeros, units, fraction }) => {
          const text =
            (negative ? '-' : '') +
            '0'.repeat(zeros) +
            units.toString() +
            (fraction === undefined ? '' : `.${fraction}`);
          const padded = (fraction ?? '').padEnd(6, '0');
          const isZero = units === 0n && /^0+$/.test(padded);
          const expected = `${negative && !isZero ? '-' : ''}${units}.${padded}`;

          const micros = parseMicros(text);
          expect(formatMicros(micros)).toBe(expected);
          expect(parseMicros(formatMicros(micros))).toBe(micros);
        }),
      );
    });
  });

  describe('assertMicrosInRange', () => {
    it('passes the limits and rejects one past them', () => {
      expect(assertMicrosInRange(MAX_MICROS)).toBe(MAX_MICROS);
      expect(assertMicrosInRange(MIN_MICROS)).toBe(MIN_MICROS);
      expect(() => assertMicrosInRange(MAX_MICROS + 1n)).toThrow(DomainError);
      expect(() => assertMicrosInRange(MIN_MICROS - 1n)).toThrow(DomainError);
    });
  });
});
