import { DomainError } from '@tally/errors';
import fc from 'fast-check';
import { allocateMicros, splitMicros } from './allocate';
import { MAX_MICROS, MIN_MICROS } from './micros';
import { MoneyErrorReason } from './money.errors';

const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

const total = fc.oneof(
  fc.bigInt({ min: MIN_MICROS, max: MAX_MICROS }),
  fc.bigInt({ min: -1000n, max: 1000n }),
);
const weights = fc
  .array(fc.oneof(fc.bigInt({ min: 0n, max: 10n }), fc.bigInt({ min: 0n, max: 10n ** 15n })), {
    minLength: 1,
    maxLength: 12,
  })
  .filter((ws) => ws.some((w) => w > 0n));

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.details?.reason;
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('allocateMicros', () => {
  it.each<[bigint, bigint[], bigint[]]>([
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [5n, [1n, 1n], [3n, 2n]],
    [10n, [3n, 7n], [3n, 7n]],
    [1n, [1n, 1n, 1n], [1n, 0n, 0n]],
    // Remainders 1/9, 4/9, 4/9: part 0 comes first but has the smallest; parts 1 and 2 tie.
    [10n, [1n, 4n, 4n], [1n, 5n, 4n]],
    [7n, [0n, 1n, 0n, 1n], [0n, 4n, 0n, 3n]],
    [0n, [1n, 2n], [0n, 0n]],
    [MAX_MICROS, [1n, 1n], [MAX_MICROS / 2n + 1n, MAX_MICROS / 2n]],
  ])('allocates %p by %p as %p', (whole, ws, parts) => {
    expect(allocateMicros(whole, ws)).toEqual(parts);
  });

  it.each<[string, bigint[]]>([
    ['no weights', []],
    ['all-zero weights', [0n, 0n]],
    ['a negative weight', [2n, -1n]],
  ])('rejects %s', (_, ws) => {
    expect(reasonOf(() => allocateMicros(100n, ws))).toBe(MoneyErrorReason.INVALID_ALLOCATION);
  });

  it('always sums exactly to the whole', () => {
    fc.assert(fc.property(total, weights, (t, ws) => sum(allocateMicros(t, ws)) === t));
  });

  it('keeps each part within one micro-unit of its exact share', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const w = sum(ws);
        // |part − t·wᵢ/W| < 1  ⇔  |part·W − t·wᵢ| < W, in exact integer arithmetic.
        return allocateMicros(t, ws).every((part, i) => abs(part * w - t * ws[i]) < w);
      }),
    );
  });

  it('gives nothing to zero weights and has the sign of the whole', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) =>
        allocateMicros(t, ws).every((part, i) =>
          ws[i] === 0n ? part === 0n : t >= 0n ? part >= 0n : part <= 0n,
        ),
      ),
    );
  });

  it('hands leftover micro-units to the largest remainders, ties to earlier parts', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const w = sum(ws);
        const parts = allocateMicros(t, ws);
        const rem = ws.map((wi) => (abs(t) * wi) % w);
        const bumped = parts.map((p, i) => abs(p) !== (abs(t) * ws[i]) / w);
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) {
            if (!bumped[i] || bumped[j]) continue;
            // i got a micro-unit and j did not: i must rank ahead of j.
            if (rem[i] < rem[j] || (rem[i] === rem[j] && i > j)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('mirrors a negative whole', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) =>
        allocateMicros(-t, ws).every((p, i) => p === -allocateMicros(t, ws)[i]),
      ),
    );
  });
});

describe('splitMicros', () => {
  it.each<[bigint, number, bigint[]]>([
    [10n, 3, [4n, 3n, 3n]],
    [-10n, 3, [-4n, -3n, -3n]],
    [2n, 4, [1n, 1n, 0n, 0n]],
    [9n, 1, [9n]],
  ])('splits %p into %p as %p', (whole, n, parts) => {
    expect(splitMicros(whole, n)).toEqual(parts);
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects %p parts', (n) => {
    expect(reasonOf(() => splitMicros(10n, n))).toBe(MoneyErrorReason.INVALID_ALLOCATION);
  });

  it('sums to the whole with parts at most one micro-unit apart, larger first', () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 50 }), (t, n) => {
        const parts = splitMicros(t, n);
        const magnitudes = parts.map(abs);
        return (
          parts.length === n &&
          sum(parts) === t &&
          magnitudes.every((m, i) => i === 0 || m <= magnitudes[i - 1]) &&
          magnitudes[0] - magnitudes[n - 1] <= 1n &&
          // each part is within one micro-unit of t/n
          parts.every((p) => abs(p * BigInt(n) - t) < BigInt(n))
        );
      }),
    );
  });
});
