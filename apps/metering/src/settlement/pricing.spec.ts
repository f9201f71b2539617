import { toWireMicros } from '@tally/money';
import type { PriceView, Resource } from '@tally/transport';
import fc from 'fast-check';
import { billingQuantity, priceLine } from './pricing';

const price = (resource: Resource, micros: bigint, scale = 0): PriceView => ({
  resource,
  unit: 'unit',
  pricePerUnitHourMicros: toWireMicros(micros),
  scale,
});

describe('priceLine', () => {
  it('charges a whole core-hour at the hourly price exactly', () => {
    expect(priceLine('CPU', 3_600_000_000n, price('CPU', 30_000n)).amountMicros).toBe(30_000n);
  });

  it('rounds each line up to the next micro-unit, once', () => {
    // 1 core-second at 30,000 µ/core-hour is 8.33… µ: charged 9.
    expect(priceLine('CPU', 1_000_000n, price('CPU', 30_000n)).amountMicros).toBe(9n);
    // One core-µs is still a charge of one micro-unit.
    expect(priceLine('CPU', 1n, price('CPU', 30_000n)).amountMicros).toBe(1n);
  });

  it('charges nothing for nothing', () => {
    expect(priceLine('MEMORY', 0n, price('MEMORY', 4_000n)).amountMicros).toBe(0n);
  });

  it('prices memory by the GiB-hour and egress by the GiB', () => {
    const gib = 2n ** 30n;
    expect(priceLine('MEMORY', gib * 3600n, price('MEMORY', 4_000n)).amountMicros).toBe(4_000n);
    expect(
      priceLine('NETWORK_EGRESS', gib / 2n, price('NETWORK_EGRESS', 80_000n)).amountMicros,
    ).toBe(40_000n);
  });

  it('applies a price scale below one micro-unit exactly', () => {
    // 0.5 µ per port-hour (5 at scale 1): two port-hours cost exactly 1 µ.
    expect(priceLine('NODEPORT', 7200n, price('NODEPORT', 5n, 1)).amountMicros).toBe(1n);
  });

  it('is the exact ceiling for any quantity and price', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 6 }),
        (quantity, micros, scale) => {
          const { amountMicros } = priceLine('CPU', quantity, price('CPU', micros, scale));
          const denominator = 3_600_000_000n * 10n ** BigInt(scale);
          // amount is the least integer with amount × denominator ≥ quantity × price.
          expect(amountMicros * denominator >= quantity * micros).toBe(true);
          expect(amountMicros === 0n || (amountMicros - 1n) * denominator < quantity * micros).toBe(
            true,
          );
        },
      ),
    );
  });

  it('refuses a negative quantity', () => {
    expect(() => priceLine('CPU', -1n, price('CPU', 1n))).toThrow(RangeError);
  });
});

describe('billingQuantity', () => {
  it('shows core-hours to six places, rounded half up', () => {
    expect(billingQuantity('CPU', 3_600_000_000n)).toBe('1.000000');
    expect(billingQuantity('CPU', 1_800_000_000n)).toBe('0.500000');
    expect(billingQuantity('CPU', 1_800n)).toBe('0.000001'); // 0.0000005 → up
    expect(billingQuantity('CPU', 1_799n)).toBe('0.000000');
  });

  it('shows GiB-hours for memory', () => {
    expect(billingQuantity('MEMORY', 2n ** 30n * 3600n * 3n)).toBe('3.000000');
  });
});
