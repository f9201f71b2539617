import { DomainError, ErrorCode } from '@tally/errors';
import { MoneyErrorReason, toWireMicros } from '@tally/money';
import { rawWireMicros } from '@tally/testing';
import { RESOURCES, type NewPriceBookVersion, type PriceView } from '@tally/transport';
import {
  assertAfterLatest,
  effectiveFromOf,
  PAST_TOLERANCE_MS,
  priceBookDraftFrom,
} from './price-book-input';

const NOW = new Date('2026-06-01T12:00:00.000Z');

const fullTable = (): PriceView[] =>
  RESOURCES.map((resource) => ({
    resource,
    unit: `${resource.toLowerCase()}-hour`,
    pricePerUnitHourMicros: toWireMicros(1000n),
    scale: 0,
  }));

const version = (change: Partial<NewPriceBookVersion> = {}): NewPriceBookVersion => ({
  currency: 'USD',
  effectiveFrom: '2026-07-01T00:00:00Z',
  reason: 'summer prices',
  prices: fullTable(),
  ...change,
});

/** The `reason` of the BAD_USER_INPUT the call throws. */
function rejection(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
      return error.details?.reason;
    }
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

const withPrice = (change: Partial<PriceView>, resource = 'GPU'): PriceView[] =>
  fullTable().map((price) => (price.resource === resource ? { ...price, ...change } : price));

describe('priceBookDraftFrom', () => {
  it('accepts a full table and turns prices into bigint micro-units', () => {
    const draft = priceBookDraftFrom(
      version({
        reason: '  summer prices ',
        prices: withPrice({ pricePerUnitHourMicros: toWireMicros(15n), scale: 6 }),
      }),
      NOW,
      'user:u1',
    );
    expect(draft).toMatchObject({
      currency: 'USD',
      reason: 'summer prices',
      createdBy: 'user:u1',
      effectiveFrom: new Date('2026-07-01T00:00:00Z'),
    });
    expect(draft.prices).toHaveLength(RESOURCES.length);
    expect(draft.prices.find((p) => p.resource === 'GPU')).toEqual({
      resource: 'GPU',
      unit: 'gpu-hour',
      pricePerUnitHourMicros: 15n,
      scale: 6,
    });
  });

  it('accepts a free resource (price zero)', () => {
    const draft = priceBookDraftFrom(
      version({ prices: withPrice({ pricePerUnitHourMicros: toWireMicros(0n) }) }),
      NOW,
      null,
    );
    expect(draft.prices.find((p) => p.resource === 'GPU')?.pricePerUnitHourMicros).toBe(0n);
  });

  it('refuses a table with a resource missing', () => {
    const prices = fullTable().filter((price) => price.resource !== 'NODEPORT');
    expect(rejection(() => priceBookDraftFrom(version({ prices }), NOW, null))).toBe(
      'MISSING_PRICE',
    );
  });

  it('refuses a resource priced twice', () => {
    const prices = [...fullTable(), { ...fullTable()[0] }];
    expect(rejection(() => priceBookDraftFrom(version({ prices }), NOW, null))).toBe(
      'DUPLICATE_PRICE',
    );
  });

  it('refuses a resource it does not know', () => {
    const prices = [
      ...fullTable(),
      { ...fullTable()[0], resource: 'TPU' as PriceView['resource'] },
    ];
    expect(rejection(() => priceBookDraftFrom(version({ prices }), NOW, null))).toBe(
      'UNKNOWN_RESOURCE',
    );
  });

  it.each([
    [{ pricePerUnitHourMicros: rawWireMicros('-1') }, MoneyErrorReason.NEGATIVE],
    [{ pricePerUnitHourMicros: rawWireMicros('1.5') }, MoneyErrorReason.MALFORMED],
    [{ pricePerUnitHourMicros: rawWireMicros('') }, MoneyErrorReason.EMPTY],
    [{ pricePerUnitHourMicros: rawWireMicros('9223372036854775808') }, MoneyErrorReason.OVERFLOW],
    [{ unit: '   ' }, 'BAD_UNIT'],
    [{ scale: -1 }, 'BAD_SCALE'],
    [{ scale: 7 }, 'BAD_SCALE'],
    [{ scale: 1.5 }, 'BAD_SCALE'],
  ] as const)('refuses a price with %j (%s)', (change, reason) => {
    const prices = withPrice(change);
    expect(rejection(() => priceBookDraftFrom(version({ prices }), NOW, null))).toBe(reason);
  });

  it.each([
    [{ currency: 'usd' }, 'BAD_CURRENCY'],
    [{ currency: 'DOLLARS' }, 'BAD_CURRENCY'],
    [{ reason: '  ' }, 'BAD_REASON'],
    [{ reason: 'x'.repeat(501) }, 'BAD_REASON'],
    [{ effectiveFrom: 'next tuesday' }, 'BAD_EFFECTIVE_FROM'],
    [{ effectiveFrom: '2026-07-01 00:00' }, 'BAD_EFFECTIVE_FROM'],
  ] as const)('refuses %j (%s)', (change, reason) => {
    expect(rejection(() => priceBookDraftFrom(version(change), NOW, null))).toBe(reason);
  });
});

describe('effectiveFromOf', () => {
  it('accepts now and the last minute (clock skew), refuses anything earlier', () => {
    expect(effectiveFromOf(NOW.toISOString(), NOW)).toEqual(NOW);
    const justNow = new Date(NOW.getTime() - PAST_TOLERANCE_MS).toISOString();
    expect(effectiveFromOf(justNow, NOW)).toEqual(new Date(justNow));
    const past = new Date(NOW.getTime() - PAST_TOLERANCE_MS - 1).toISOString();
    expect(rejection(() => effectiveFromOf(past, NOW))).toBe('EFFECTIVE_IN_PAST');
    expect(rejection(() => effectiveFromOf('1970-01-01T00:00:00Z', NOW))).toBe('EFFECTIVE_IN_PAST');
  });

  it('reads offsets, not the server zone', () => {
    expect(effectiveFromOf('2026-07-01T02:00:00+02:00', NOW)).toEqual(
      new Date('2026-07-01T00:00:00Z'),
    );
  });
});

describe('assertAfterLatest', () => {
  const latest = { version: 4, effectiveFrom: new Date('2026-07-01T00:00:00Z') };

  it('admits the first version and anything later than the latest', () => {
    expect(() => assertAfterLatest(null, NOW)).not.toThrow();
    expect(() => assertAfterLatest(latest, new Date('2026-07-01T00:00:00.001Z'))).not.toThrow();
  });

  it('refuses the same instant or an earlier one', () => {
    expect(rejection(() => assertAfterLatest(latest, latest.effectiveFrom))).toBe(
      'NOT_AFTER_LATEST',
    );
    expect(rejection(() => assertAfterLatest(latest, new Date('2026-06-30T00:00:00Z')))).toBe(
      'NOT_AFTER_LATEST',
    );
  });
});
