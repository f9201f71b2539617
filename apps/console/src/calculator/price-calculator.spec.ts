import { lineCost, parseDecimal } from './price-calculator';

describe('parseDecimal', () => {
  it.each([
    ['2', { digits: 2n, scale: 0 }],
    [' 2.50 ', { digits: 250n, scale: 2 }],
    ['0.000000001', { digits: 1n, scale: 9 }],
  ])('reads %j exactly', (text, decimal) => {
    expect(parseDecimal(text)).toEqual(decimal);
  });

  it.each(['', '-1', '1e3', '1,5', '.5', '1.', '0.0000000001', 'two'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('lineCost', () => {
  const cpu = { pricePerUnitHour: '0.03', scale: 0 };
  const d = (text: string) => parseDecimal(text)!;

  it('multiplies quantity, hours and price exactly', () => {
    // 2.5 cores for 730 hours at 0.03 a core-hour: 54.75.
    expect(lineCost(d('2.5'), d('730'), cpu)).toBe(54_750_000n);
    // 0.1 × 0.2 × 3 = 0.06, which floats do not give exactly.
    expect(lineCost(d('0.1'), d('0.2'), { pricePerUnitHour: '3', scale: 0 })).toBe(60_000n);
  });

  it('rounds up once to the micro-unit, as settlement does', () => {
    // 1 unit for 1 hour at 0.0000001 (1 µ at scale 1): a tenth of a micro-unit → 1.
    expect(lineCost(d('1'), d('1'), { pricePerUnitHour: '0.000001', scale: 1 })).toBe(1n);
    expect(lineCost(d('0'), d('730'), cpu)).toBe(0n);
  });

  it('stays exact beyond what a float holds', () => {
    expect(lineCost(d('9007199254740993'), d('1'), { pricePerUnitHour: '1', scale: 0 })).toBe(
      9_007_199_254_740_993_000_000n,
    );
  });
});
