import { Logger } from '@nestjs/common';
import { Resource } from '@prisma/client';
import { MinuteSample } from '@tally/metering/usage/usage-sample';
import { assertWholeHour, HOUR_MS, HourlyUsageSource, MINUTE_MS } from '../usage-source';
import {
  counterIncreases,
  gaugeIntegrals,
  maxPerMinute,
  MinuteQuantities,
  toBaseUnits,
} from './minute-quantities';
import { PrometheusClient, RangeSeries } from './prometheus-client';
import { COUNTER_RESOURCES, PrometheusQueries } from './prometheus-queries';

/** Base units per (query unit × second): CPU is queried in cores and billed in core-µs. */
const UNIT_SCALE: Record<Resource, number> = {
  CPU: 1_000_000,
  MEMORY: 1,
  STORAGE: 1,
  GPU: 1,
  NODEPORT: 1,
  NETWORK_EGRESS: 1,
};

/** Minute quantities per series, keyed by the series' labels (namespace among them). */
type SeriesQuantities = Map<string, { namespace: string; minutes: MinuteQuantities }>;

/**
 * Minute samples for every namespace and resource of one hour, from Prometheus range queries
 * at a 60 s step (the PromQL comes from configuration; see prometheus-queries.ts and, for how
 * counters and gauges become minute quantities, minute-quantities.ts).
 *
 * Prometheus repeats a series' last sample for its lookback delta (server flag
 * --query.lookback-delta, default 5 min), so a scrape gap shorter than that looks like data;
 * run the metering Prometheus with a lookback of about two scrape intervals for gaps to show.
 */
export class PrometheusSource implements HourlyUsageSource {
  private readonly logger = new Logger(PrometheusSource.name);

  constructor(
    private readonly client: PrometheusClient,
    private readonly queries: PrometheusQueries,
  ) {}

  async sampleHour(hour: Date): Promise<MinuteSample[]> {
    assertWholeHour(hour);
    const perResource = await Promise.all(
      Object.values(Resource).map((resource) => this.sampleResource(resource, hour)),
    );
    return perResource.flat();
  }

  private async sampleResource(resource: Resource, hour: Date): Promise<MinuteSample[]> {
    const { basis, usage, request } = this.queries[resource];
    const [used, requested] = await Promise.all([
      basis !== 'request' && usage
        ? this.quantities(usage, hour, COUNTER_RESOURCES.has(resource))
        : undefined,
      basis !== 'usage' && request ? this.quantities(request, hour, false) : undefined,
    ]);
    // max is taken per series (per container by default), before summing per namespace: one
    // container's usage above its request must not hide behind another's idle reservation.
    const combined: SeriesQuantities = new Map(used ?? requested);
    if (used && requested) {
      assertSameGrouping(resource, used, requested);
      for (const [key, side] of requested) {
        const other = combined.get(key);
        combined.set(
          key,
          other ? { ...side, minutes: maxPerMinute(other.minutes, side.minutes) } : side,
        );
      }
    }
    return this.perNamespace(resource, hour, combined);
  }

  private async quantities(
    query: string,
    hour: Date,
    isCounter: boolean,
  ): Promise<SeriesQuantities> {
    const end = new Date(hour.getTime() + HOUR_MS);
    const series = await this.client.queryRange(query, hour, end, 60);
    const hourStartSeconds = hour.getTime() / 1000;
    const result: SeriesQuantities = new Map();
    for (const one of series) {
      const namespace = one.labels.namespace;
      if (!namespace) {
        this.logger.warn(`series without a namespace label skipped: ${seriesKey(one)} (${query})`);
        continue;
      }
      const minutes = isCounter
        ? counterIncreases(one, hourStartSeconds)
        : gaugeIntegrals(one, hourStartSeconds);
      result.set(seriesKey(one), { namespace, minutes });
    }
    return result;
  }

  private perNamespace(resource: Resource, hour: Date, series: SeriesQuantities): MinuteSample[] {
    const totals = new Map<string, Map<number, number>>();
    for (const { namespace, minutes } of series.values()) {
      const byMinute = totals.get(namespace) ?? new Map<number, number>();
      totals.set(namespace, byMinute);
      for (const [minute, quantity] of minutes) {
        byMinute.set(minute, (byMinute.get(minute) ?? 0) + quantity);
      }
    }
    const samples: MinuteSample[] = [];
    for (const [namespace, byMinute] of totals) {
      for (const [minute, quantity] of [...byMinute].sort(([a], [b]) => a - b)) {
        samples.push({
          namespace,
          resource,
          minute: new Date(hour.getTime() + minute * MINUTE_MS),
          quantity: toBaseUnits(quantity, UNIT_SCALE[resource]),
        });
      }
    }
    return samples;
  }
}

/**
 * max pairs a usage series with the request series of the same labels. Queries grouped by
 * different labels would pair nothing, and both sides would be billed in full.
 */
function assertSameGrouping(resource: Resource, a: SeriesQuantities, b: SeriesQuantities) {
  const labelNames = (side: SeriesQuantities) =>
    new Set(
      [...side.keys()].map((key) =>
        (JSON.parse(key) as [string, string][]).map(([name]) => name).join(','),
      ),
    );
  const [namesA, namesB] = [labelNames(a), labelNames(b)];
  const same = namesA.size === namesB.size && [...namesA].every((names) => namesB.has(names));
  if (a.size > 0 && b.size > 0 && !same) {
    throw new Error(
      `${resource}: basis "max" needs usage and request queries grouped by the same labels ` +
        `(usage by ${[...namesA].join(' | ')}; request by ${[...namesB].join(' | ')})`,
    );
  }
}

function seriesKey(series: RangeSeries): string {
  const labels = Object.entries(series.labels).filter(([name]) => name !== '__name__');
  return JSON.stringify(labels.sort(([a], [b]) => a.localeCompare(b)));
}
