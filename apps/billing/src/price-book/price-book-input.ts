import { badInput } from '@tally/errors';
import { isCurrency, parseWireMicros, type Currency } from '@tally/money';
import { RESOURCES, type NewPriceBookVersion, type Resource } from '@tally/transport';
import type { LatestVersion, PriceBookDraft } from './price-book.repository';

// Checks on a new price book version. Each throws BAD_USER_INPUT with a `reason`.

const MAX_UNIT = 50;
const MAX_REASON = 500;
const MAX_SCALE = 6;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** How far behind the service's clock an effectiveFrom of "now" may arrive (clock skew, latency). */
export const PAST_TOLERANCE_MS = 60_000;

export function priceBookDraftFrom(
  input: NewPriceBookVersion,
  now: Date,
  createdBy: string | null,
): PriceBookDraft {
  const currency = currencyOf(input.currency);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length === 0 || reason.length > MAX_REASON) {
    throw badInput(`reason must be 1 to ${MAX_REASON} characters`, { reason: 'BAD_REASON' });
  }
  return {
    currency,
    effectiveFrom: effectiveFromOf(input.effectiveFrom, now),
    reason,
    createdBy,
    prices: pricesFrom(input.prices),
  };
}

/** The price book every caller gets without naming a currency: the seeded one. */
export const DEFAULT_CURRENCY = 'USD';

/** A currency code as price books are kept (ISO 4217, upper case); absent means USD. */
export function currencyOf(raw: string | undefined): Currency {
  const code = raw ?? DEFAULT_CURRENCY;
  if (!isCurrency(code)) {
    throw badInput('currency must be an ISO 4217 code such as USD', { reason: 'BAD_CURRENCY' });
  }
  return code;
}

/** Prices apply from now on: an hour already metered keeps the prices it was charged at. */
export function effectiveFromOf(raw: string, now: Date): Date {
  const at = ISO_INSTANT.test(raw) ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(at.getTime())) {
    throw badInput('effectiveFrom must be an RFC 3339 timestamp', { reason: 'BAD_EFFECTIVE_FROM' });
  }
  if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw badInput('effectiveFrom must not be in the past: past prices are never rewritten', {
      reason: 'EFFECTIVE_IN_PAST',
    });
  }
  return at;
}

/** Versions take effect in the order they are created, so "the latest" is never ambiguous. */
export function assertAfterLatest(latest: LatestVersion | null, effectiveFrom: Date): void {
  if (latest !== null && effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
    throw badInput(
      `effectiveFrom must be later than ${latest.effectiveFrom.toISOString()}, when version ${latest.version} takes effect`,
      { reason: 'NOT_AFTER_LATEST' },
    );
  }
}

export function pricesFrom(prices: NewPriceBookVersion['prices']): PriceBookDraft['prices'] {
  const seen = new Set<Resource>();
  const checked = prices.map((price) => {
    const resource = RESOURCES.find((known) => known === price.resource);
    if (resource === undefined) {
      throw badInput(`unknown resource ${String(price.resource)}`, { reason: 'UNKNOWN_RESOURCE' });
    }
    if (seen.has(resource)) {
      throw badInput(`${resource} is priced more than once`, {
        reason: 'DUPLICATE_PRICE',
        resource,
      });
    }
    seen.add(resource);
    return {
      resource,
      unit: unitFrom(price.unit, resource),
      pricePerUnitHourMicros: microsFrom(price.pricePerUnitHourMicros, resource),
      scale: scaleFrom(price.scale, resource),
    };
  });
  // A version replaces the whole table: a resource left out would have no price at all.
  const missing = RESOURCES.filter((resource) => !seen.has(resource));
  if (missing.length > 0) {
    throw badInput(`every resource needs a price; missing ${missing.join(', ')}`, {
      reason: 'MISSING_PRICE',
      missing,
    });
  }
  return checked;
}

function unitFrom(raw: unknown, resource: Resource): string {
  const unit = typeof raw === 'string' ? raw.trim() : '';
  if (unit.length === 0 || unit.length > MAX_UNIT) {
    throw badInput(`unit of ${resource} must be 1 to ${MAX_UNIT} characters`, {
      reason: 'BAD_UNIT',
      resource,
    });
  }
  return unit;
}

function microsFrom(raw: unknown, resource: Resource): bigint {
  return parseWireMicros(raw, {
    sign: 'non-negative',
    label: `price of ${resource}`,
    details: { resource },
  });
}

function scaleFrom(raw: unknown, resource: Resource): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_SCALE) {
    throw badInput(`scale of ${resource} must be an integer from 0 to ${MAX_SCALE}`, {
      reason: 'BAD_SCALE',
      resource,
    });
  }
  return raw;
}
