import fc from 'fast-check';
import {
  chartPosition,
  formatAmount,
  formatMoney,
  formatPrice,
  MoneyFormatError,
  parseMoney,
  parsePrice,
  priceText,
  sumAmounts,
} from './money';

// What Postgres' BIGINT holds, and so the largest amount the API can send.
const MAX_MICROS = 2n ** 63n - 1n;

describe('parseMoney', () => {
  it.each<[string, bigint]>([
    ['12.500000', 12_500_000n],
    ['12.5', 12_500_000n],
    ['0.000001', 1n],
    ['-0.000001', -1n],
    ['-0.000000', 0n],
    ['2000', 2_000_000_000n],
    ['9223372036854.775807', MAX_MICROS],
    ['-9223372036854.775807', -MAX_MICROS],
  ])('reads %p as %p micro-units', (amount, micros) => {
    expect(parseMoney(amount)).toBe(micros);
  });

  it.each<[string, unknown]>([
    ['a number', 12.5],
    ['null', null],
    ['an empty string', ''],
    ['an exponent', '1e3'],
    ['a 7th fractional digit', '0.0000001'],
    ['a leading plus', '+1.00'],
    ['surrounding space', ' 1.00'],
    ['a grouped number', '1,000.00'],
    ['no digit before the point', '.5'],
    ['no digit after the point', '5.'],
    ['NaN', 'NaN'],
  ])('refuses %s', (_, amount) => {
    expect(() => parseMoney(amount)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }) as Error,
    );
  });
});

describe('formatMoney', () => {
  it.each<[bigint, string, string]>([
    [0n, 'USD', '0.00 USD'],
    [12_500_000n, 'USD', '12.50 USD'],
    [1n, 'USD', '0.000001 USD'],
    [-1n, 'USD', '-0.000001 USD'],
    [1_234_567_891n, 'EUR', '1,234.567891 EUR'],
    [-12_000_000n, 'USD', '-12.00 USD'],
    [999_999_990n, 'USD', '999.99999 USD'],
    [1_000_000_000_000n, 'CNY', '1,000,000.00 CNY'],
    [MAX_MICROS, 'USD', '9,223,372,036,854.775807 USD'],
    [-MAX_MICROS, 'USD', '-9,223,372,036,854.775807 USD'],
  ])('shows %p micro-units of %s as %p', (micros, currency, text) => {
    expect(formatMoney(micros, currency)).toBe(text);
  });

  it('shows amounts a float would round exactly', () => {
    // 2^53 + 1 micro-units: Number() of it is 9007199254.740992.
    expect(formatAmount('9007199254.740993', 'USD')).toBe('9,007,199,254.740993 USD');
    expect(formatAmount('0.300000', 'USD')).toBe('0.30 USD');
  });

  it.each(['usd', 'US', 'USDT', ''])('refuses the currency %p', (currency) => {
    expect(() => formatMoney(1n, currency)).toThrow(MoneyFormatError);
  });

  it('loses nothing: the shown digits read back as the same micro-units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_MICROS, max: MAX_MICROS }), (micros) => {
        const [number, currency] = formatMoney(micros, 'USD').split(' ');
        return currency === 'USD' && parseMoney(number.replaceAll(',', '')) === micros;
      }),
    );
  });
});

describe('chartPosition', () => {
  it('places an amount by its whole units, for drawing only', () => {
    expect(chartPosition('12.500000')).toBe(12.5);
    expect(chartPosition('-0.000001')).toBe(-0.000001);
    expect(chartPosition('0')).toBe(0);
  });
});

describe('prices', () => {
  it.each<[string, number, string]>([
    ['0.030000', 0, '0.03 USD'],
    ['0.000083', 1, '0.0000083 USD'],
    ['1234.5', 0, '1,234.50 USD'],
    ['0.000001', 6, '0.000000000001 USD'],
  ])('shows %p at scale %p as %p', (price, scale, shown) => {
    expect(formatPrice(price, scale, 'USD')).toBe(shown);
  });

  it.each<[string, { pricePerUnitHour: string; scale: number }, string]>([
    ['0.03', { pricePerUnitHour: '0.03', scale: 0 }, '0.03 USD'],
    [' 0.0000083 ', { pricePerUnitHour: '0.000083', scale: 1 }, '0.0000083 USD'],
    ['12', { pricePerUnitHour: '12', scale: 0 }, '12.00 USD'],
    ['0.000000000001', { pricePerUnitHour: '0.000001', scale: 6 }, '0.000000000001 USD'],
    [
      '9223372036854.775807',
      { pricePerUnitHour: '9223372036854.775807', scale: 0 },
      '9,223,372,036,854.775807 USD',
    ],
  ])('reads the typed price %p as the API takes it, and shows it back', (text, price, shown) => {
    expect(parsePrice(text)).toEqual(price);
    expect(formatPrice(price.pricePerUnitHour, price.scale, 'USD')).toBe(shown);
  });

  it.each(['', '-1', '1e-6', '0.0000000000001', 'abc', '1,5', '9223372036854.775808'])(
    'refuses the price %p',
    (text) => {
      expect(parsePrice(text)).toBeNull();
    },
  );
});

describe('priceText', () => {
  it('is the bare decimal parsePrice reads back', () => {
    expect(priceText('0.000083', 1)).toBe('0.0000083');
    expect(priceText('0.030000', 0)).toBe('0.03');
    expect(priceText('2', 0)).toBe('2');
    expect(parsePrice(priceText('0.000083', 1))).toEqual({
      pricePerUnitHour: '0.000083',
      scale: 1,
    });
  });
});

describe('sumAmounts', () => {
  it("adds the API's amounts exactly, in the API's form", () => {
    expect(sumAmounts(['1.5', '0.000001', '-0.25'])).toBe('1.250001');
    expect(sumAmounts([])).toBe('0');
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
  });
});
