import { DomainError, ErrorCode } from '@tally/errors';
import fc from 'fast-check';
import { formatMicros, MAX_MICROS, MIN_MICROS } from './micros';
import { MoneyErrorReason } from './money.errors';
import {
  parseWireMicros,
  toWireMicros,
  type MicrosSign,
  type WireMicrosRules,
} from './wire-micros';

function rejectionOf(input: unknown, rules?: WireMicrosRules): DomainError {
  try {
    parseWireMicros(input, rules);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

const inRange = fc.bigInt({ min: MIN_MICROS, max: MAX_MICROS });
// Digit-ish noise, so that near-misses of the grammar get explored as well as random text.
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789.-+eE _'), maxLength: 25 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('wire micros', () => {
  describe('toWireMicros', () => {
    it.each([
      [0n, '0'],
      [1n, '1'],
      [-1n, '-1'],
      [12_500_000n, '12500000'],
      [MAX_MICROS, '9223372036854775807'],
      [MIN_MICROS, '-9223372036854775807'],
    ])('writes %p as %p', (micros, text) => {
      expect(toWireMicros(micros)).toBe(text);
    });

    it('refuses an amount outside the BIGINT range rather than writing one nobody can read', () => {
      expect(() => toWireMicros(MAX_MICROS + 1n)).toThrow(DomainError);
      expect(() => toWireMicros(MIN_MICROS - 1n)).toThrow(DomainError);
    });

    // The wire form must stay what running services already exchange: bigint.toString().
    it('is byte-for-byte what the services have always sent', () => {
      fc.assert(fc.property(inRange, (x) => toWireMicros(x) === x.toString()));
    });
  });

  describe('parseWireMicros', () => {
    it.each([
      ['0', 0n],
      ['-0', 0n],
      ['12500000', 12_500_000n],
      ['-1', -1n],
      ['007', 7n],
      ['9223372036854775807', MAX_MICROS],
      ['-9223372036854775807', MIN_MICROS],
      ['0000000000000000000000009223372036854775807', MAX_MICROS],
    ])('reads %p as %p', (text, micros) => {
      expect(parseWireMicros(text)).toBe(micros);
    });

    it.each<[unknown, MoneyErrorReason]>([
      [12, MoneyErrorReason.NOT_A_STRING],
      [12n, MoneyErrorReason.NOT_A_STRING],
      [null, MoneyErrorReason.NOT_A_STRING],
      [undefined, MoneyErrorReason.NOT_A_STRING],
      ['', MoneyErrorReason.EMPTY],
      // The public decimal form is not the wire form: "12.0" is not 12 micro-units, nor 12 units.
      ['12.0', MoneyErrorReason.MALFORMED],
      ['12.5', MoneyErrorReason.MALFORMED],
      ['1e6', MoneyErrorReason.MALFORMED],
      ['+5', MoneyErrorReason.MALFORMED],
      [' 5', MoneyErrorReason.MALFORMED],
      ['5 ', MoneyErrorReason.MALFORMED],
      ['-', MoneyErrorReason.MALFORMED],
      ['--5', MoneyErrorReason.MALFORMED],
      ['1_000', MoneyErrorReason.MALFORMED],
      ['0x10', MoneyErrorReason.MALFORMED],
      ['\u0663', MoneyErrorReason.MALFORMED],
      ['9223372036854775808', MoneyErrorReason.OVERFLOW],
      ['-9223372036854775808', MoneyErrorReason.OVERFLOW],
      ['99999999999999999999', MoneyErrorReason.OVERFLOW],
      ['9'.repeat(10_000), MoneyErrorReason.OVERFLOW],
    ])('refuses %p with reason %s', (input, reason) => {
      const err = rejectionOf(input);
      expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(err.details).toEqual({ reason });
    });

    it('names the field and explains the form', () => {
      expect(rejectionOf('12.5', { label: 'amountMicros' }).message).toBe(
        'amountMicros must be a whole number of micro-units, e.g. "12500000" for 12.5',
      );
      expect(rejectionOf(5).message).toBe(
        'amount must be micro-units as an integer string such as "12500000", not a number',
      );
      expect(rejectionOf(null).message).toContain('not null');
      expect(rejectionOf('1'.repeat(20)).message).toBe(
        'amount is outside the supported range of ±9223372036854.775807',
      );
    });

    it.each<[MicrosSign, string, bigint]>([
      ['positive', '1', 1n],
      ['non-zero', '-1', -1n],
      ['non-negative', '0', 0n],
      ['non-negative', '-0', 0n],
      ['any', '-1', -1n],
    ])('with sign %s reads %p as %p', (sign, text, micros) => {
      expect(parseWireMicros(text, { sign })).toBe(micros);
    });

    it.each<[MicrosSign, string, MoneyErrorReason, string]>([
      ['positive', '0', MoneyErrorReason.NOT_POSITIVE, 'amount must be greater than zero'],
      ['positive', '-1', MoneyErrorReason.NOT_POSITIVE, 'amount must be greater than zero'],
      ['non-zero', '-0', MoneyErrorReason.ZERO, 'amount must not be zero'],
      ['non-negative', '-1', MoneyErrorReason.NEGATIVE, 'amount must be zero or more'],
    ])('with sign %s refuses %p (%s)', (sign, text, reason, message) => {
      const err = rejectionOf(text, { sign });
      expect(err.details).toEqual({ reason });
      expect(err.message).toBe(message);
    });

    it('adds the caller’s details to the error', () => {
      expect(
        rejectionOf('-5', { sign: 'non-negative', label: 'price of CPU', details: { x: 1 } }),
      ).toMatchObject({
        message: 'price of CPU must be zero or more',
        details: { reason: MoneyErrorReason.NEGATIVE, x: 1 },
      });
    });

    it('round-trips every amount in range: parse(toWire(x)) === x', () => {
      fc.assert(fc.property(inRange, (x) => parseWireMicros(toWireMicros(x)) === x));
    });

    it('reads every integer string the old per-app parsers took as the same number', () => {
      // /^-?\d{1,19}$/ was the old rule; within range it must mean what BigInt() made of it.
      fc.assert(
        fc.property(fc.stringMatching(/^-?[0-9]{1,19}$/), (text) => {
          const old = BigInt(text);
          if (old > MAX_MICROS || old < MIN_MICROS) {
            return rejectionOf(text).details?.reason === MoneyErrorReason.OVERFLOW;
          }
          return parseWireMicros(text) === old;
        }),
      );
    });

    it('never reads a public decimal as micro-units', () => {
      fc.assert(
        fc.property(inRange, (x) => {
          const decimal = formatMicros(x); // "12.500000": always has a point
          return rejectionOf(decimal).details?.reason === MoneyErrorReason.MALFORMED;
        }),
      );
    });

    it('accepts only optional "-" and digits, and throws only DomainErrors with known reasons', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          let micros: bigint;
          try {
            micros = parseWireMicros(text);
          } catch (err) {
            expect(err).toBeInstanceOf(DomainError);
            expect(Object.values(MoneyErrorReason)).toContain((err as DomainError).details?.reason);
            return;
          }
          expect(text).toMatch(/^-?[0-9]+$/);
          expect(micros).toBe(BigInt(text));
        }),
      );
    });

    it('applies each sign rule exactly', () => {
      const holds: Record<MicrosSign, (x: bigint) => boolean> = {
        any: () => true,
        positive: (x) => x > 0n,
        'non-zero': (x) => x !== 0n,
        'non-negative': (x) => x >= 0n,
      };
      const signs = fc.constantFrom<MicrosSign>('any', 'positive', 'non-zero', 'non-negative');
      const near = fc.bigInt({ min: -3n, max: 3n });
      fc.assert(
        fc.property(fc.oneof(inRange, near), signs, (x, sign) => {
          const text = toWireMicros(x);
          if (holds[sign](x)) return parseWireMicros(text, { sign }) === x;
          return rejectionOf(text, { sign }).code === ErrorCode.BAD_USER_INPUT;
        }),
      );
    });
  });
});
