import { readAmount, readOptionalAmount } from './amount-input';

describe('readAmount', () => {
  it.each([
    ['25', 25_000_000n],
    [' 12.5 ', 12_500_000n],
    ['0.000001', 1n],
    ['90071992547.409931', 90_071_992_547_409_931n],
  ])('takes %j', (text, micros) => {
    expect(readAmount(text, 'USD')).toEqual({ ok: true, amount: text.trim(), micros });
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['1.1234567', 'Enter an amount as digits'],
    ['1e3', 'Enter an amount as digits'],
    ['12,50', 'Enter an amount as digits'],
    ['abc', 'Enter an amount as digits'],
    ['0', 'Enter at least 0.000001 USD.'],
    ['-5', 'Enter at least 0.000001 USD.'],
  ])('refuses %j in words', (text, words) => {
    const read = readAmount(text, 'USD');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain(words);
  });

  it('refuses less than the least the form takes', () => {
    expect(readAmount('4.99', 'USD', 5_000_000n)).toEqual({
      ok: false,
      error: 'Enter at least 5.00 USD.',
    });
  });
});

describe('readOptionalAmount', () => {
  it('reads blank as none and anything else as readAmount does', () => {
    expect(readOptionalAmount('  ', 'USD')).toEqual({ ok: true, amount: null });
    expect(readOptionalAmount('3', 'USD')).toEqual({ ok: true, amount: '3', micros: 3_000_000n });
    expect(readOptionalAmount('x', 'USD').ok).toBe(false);
  });
});
