import { Logger } from '@nestjs/common';
import { Resource } from '@prisma/client';
import { MinuteSample } from '@tally/metering/usage/usage-sample';
import { assertWholeHour, HOUR_MS, HourlyUsageSource, MINUTE_MS } from '../usage-source';
import type { HourReading, UsageGap } from '@tally/metering/usage/usage-sample';
import {
  addPerMinute,
  counterIncreases,
  gapRanges,
  gaugeIntegrals,
  MinuteReading,
  maxPerMinute,
  mergeGaps,
  READ_MARGIN_MINUTES,
  toBaseUnits,
  unproven,
} from './minute-quantities';
import { PrometheusClient } from './prometheus-client';
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

/**
 * Minute quantities per workload: series added up per (namespace, pod, container), as far as
 * the query's series carry those labels. `grouping` says which of pod and container they do.
 */
type WorkloadQuantities = Map<string, { namespace: string; grouping: string } & MinuteReading>;

/** How long a point holds when the next scrape is missing, unless configured. */
export const DEFAULT_LOOKBACK_SECONDS = 90;

/** A bare series selector, e.g. `container_cpu_usage_seconds_total{container!=""}`. */
const SELECTOR = /^\s*[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^{}]*\})?\s*$/;

/** A query as the source sends it, with its lookback applied (see PrometheusSource). */
export function withLookback(query: string, lookbackSeconds = DEFAULT_LOOKBACK_SECONDS): string {
  const window = `${lookbackSeconds}s`;
  return SELECTOR.test(query)
    ? `last_over_time(${query.trim()}[${window}])`
    : query.replaceAll('$lookback', window);
}

/**
 * Minute samples for every namespace and resource of one hour, from Prometheus range queries
 * at a 60 s step (the PromQL comes from configuration; see prometheus-queries.ts and, for how
 * counters and gauges become minute quantities, minute-quantities.ts).
 *
 * Prometheus repeats a series' last sample for its lookback delta (server flag
 * --query.lookback-delta, default 5 min), so a scrape gap shorter than that would look like
 * data. The source does not rely on it: a bare selector is read as
 * `last_over_time(selector[lookback])` and `$lookback` in a configured query is replaced by
 * the same window (TALLY_PROMETHEUS_LOOKBACK_SECONDS, default 90 s: one and a half scrape
 * intervals of 60 s), so a point holds for one scrape interval and a longer gap shows.
 */
export class PrometheusSource implements HourlyUsageSource {
  private readonly logger = new Logger(PrometheusSource.name);

  constructor(
    private readonly client: PrometheusClient,
    private readonly queries: PrometheusQueries,
    private readonly lookbackSeconds = DEFAULT_LOOKBACK_SECONDS,
  ) {}

  // Every resource has queries (resolvePrometheusQueries refuses a configuration without).
  readonly resources: readonly Resource[] = Object.values(Resource);

  /** The hour's samples and the minutes each namespace and resource had no data for. */
  async readHour(hour: Date): Promise<HourReading> {
    const perResource = await Promise.all(
      this.resources.map((resource) => this.readResource(hour, resource)),
    );
    return {
      samples: perResource.flatMap((reading) => reading.samples),
      gaps: perResource.flatMap((reading) => reading.gaps),
    };
  }

  async readResource(hour: Date, resource: Resource): Promise<HourReading> {
    assertWholeHour(hour);
    const { basis, usage, request } = this.queries[resource];
    const [used, requested] = await Promise.all([
      basis !== 'request' && usage
        ? this.quantities(usage, hour, COUNTER_RESOURCES.has(resource))
        : undefined,
      basis !== 'usage' && request ? this.quantities(request, hour, false) : undefined,
    ]);
    // max is taken per workload (per container by default), before summing per namespace: one
    // container's usage above its request must not hide behind another's idle reservation.
    const combined: WorkloadQuantities = new Map(used ?? requested);
    if (used && requested) {
      assertSameGrouping(resource, used, requested);
      // A usage gap is never proven under max: a counter's increase spread evenly over the gap
      // may hide minutes above the request, so the namespace-hour stays flagged.
      for (const [key, side] of used) combined.set(key, { ...side, gaps: unproven(side.gaps) });
      for (const [key, side] of requested) {
        const other = combined.get(key);
        combined.set(
          key,
          other
            ? {
                ...side,
                quantities: maxPerMinute(other.quantities, side.quantities),
                gaps: mergeGaps(other.gaps, side.gaps),
              }
            : side,
        );
      }
    }
    return this.perNamespace(resource, hour, combined);
  }

  private async quantities(
    query: string,
    hour: Date,
    isCounter: boolean,
  ): Promise<WorkloadQuantities> {
    const margin = READ_MARGIN_MINUTES * MINUTE_MS;
    const start = new Date(hour.getTime() - margin);
    const end = new Date(hour.getTime() + HOUR_MS + margin);
    const series = await this.client.queryRange(
      withLookback(query, this.lookbackSeconds),
      start,
      end,
      60,
    );
    const hourStartSeconds = hour.getTime() / 1000;
    const result: WorkloadQuantities = new Map();
    for (const one of series) {
      const { namespace, pod, container } = one.labels;
      if (!namespace) {
        this.logger.warn(`series without a namespace label skipped (${query})`);
        continue;
      }
      // Each series is charged on its own first (a counter's resets are per series: a
      // restarted container is a new series), then added to its workload's minutes.
      const reading = isCounter
        ? counterIncreases(one, hourStartSeconds)
        : gaugeIntegrals(one, hourStartSeconds);
      const key = JSON.stringify([namespace, pod, container]);
      const grouping = `pod:${pod !== undefined},container:${container !== undefined}`;
      const workload = result.get(key);
      result.set(key, {
        namespace,
        grouping,
        quantities: workload
          ? addPerMinute(workload.quantities, reading.quantities)
          : reading.quantities,
        gaps: workload ? mergeGaps(workload.gaps, reading.gaps) : reading.gaps,
      });
    }
    return result;
  }

  private perNamespace(resource: Resource, hour: Date, series: WorkloadQuantities): HourReading {
    const totals = new Map<string, MinuteReading>();
    for (const { namespace, quantities, gaps } of series.values()) {
      const total = totals.get(namespace);
      totals.set(
        namespace,
        total
          ? {
              quantities: addPerMinute(total.quantities, quantities),
              gaps: mergeGaps(total.gaps, gaps),
            }
          : { quantities, gaps },
      );
    }
    const samples: MinuteSample[] = [];
    const gaps: UsageGap[] = [];
    const at = (minute: number) => new Date(hour.getTime() + minute * MINUTE_MS);
    for (const [namespace, total] of totals) {
      for (const { from, to, proven } of gapRanges(total.gaps)) {
        gaps.push({ namespace, resource, from: at(from), to: at(to), proven });
      }
      for (const [minute, quantity] of [...total.quantities].sort(([a], [b]) => a - b)) {
        samples.push({
          namespace,
          resource,
          minute: at(minute),
          quantity: toBaseUnits(quantity, UNIT_SCALE[resource]),
        });
      }
    }
    return { samples, gaps };
  }
}

/**
 * max pairs usage and request per workload. Queries that keep different labels (say usage per
 * container, requests per pod) would pair nothing, and both sides would be billed in full.
 */
function assertSameGrouping(resource: Resource, a: WorkloadQuantities, b: WorkloadQuantities) {
  const groupings = (side: WorkloadQuantities) =>
    [...new Set([...side.values()].map(({ grouping }) => grouping))].sort().join(' | ');
  const [usage, request] = [groupings(a), groupings(b)];
  if (a.size > 0 && b.size > 0 && usage !== request) {
    throw new Error(
      `${resource}: basis "max" needs usage and request queries grouped by the same labels ` +
        `(usage ${usage}; request ${request})`,
    );
  }
}
