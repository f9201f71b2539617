import { parseMoney } from '../money/money';

/** A price of a version as the API sends it. */
export interface VersionPrice {
  readonly resource: string;
  readonly unit: string;
  readonly pricePerUnitHour: string;
  readonly scale: number;
}

export type PriceChange = 'same' | 'higher' | 'lower' | 'new' | 'unit';

/** One resource in two versions: the one in force and the one compared with it. */
export interface PriceDiffRow {
  readonly resource: string;
  readonly current: VersionPrice | null;
  readonly other: VersionPrice | null;
  readonly change: PriceChange;
}

/**
 * Each resource of either version, and how `other` prices it against `current`: prices are
 * compared exactly as pricePerUnitHour × 10^-scale (cross-multiplied, never divided), and a
 * price per another unit is not comparable.
 */
export function priceDiff(
  current: readonly VersionPrice[],
  other: readonly VersionPrice[],
): PriceDiffRow[] {
  const resources = [...new Set([...current, ...other].map((p) => p.resource))];
  return resources.map((resource) => {
    const a = current.find((p) => p.resource === resource) ?? null;
    const b = other.find((p) => p.resource === resource) ?? null;
    return { resource, current: a, other: b, change: changeOf(a, b) };
  });
}

function changeOf(current: VersionPrice | null, other: VersionPrice | null): PriceChange {
  if (current === null || other === null) return 'new';
  if (current.unit !== other.unit) return 'unit';
  const a = parseMoney(current.pricePerUnitHour) * 10n ** BigInt(other.scale);
  const b = parseMoney(other.pricePerUnitHour) * 10n ** BigInt(current.scale);
  return a === b ? 'same' : b > a ? 'higher' : 'lower';
}
