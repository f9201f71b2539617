import { Logger } from '@nestjs/common';
import { Resource } from '@prisma/client';
import { MinuteSample } from '@tally/metering/usage/usage-sample';
import { assertWholeHour, HOUR_MS, HourlyUsageSource, MINUTE_MS } from '../usage-source';
import {
  addPerMinute,
  counterIncreases,
  gaugeIntegrals,
  maxPerMinute,
  MinuteQuantities,
  toBaseUnits,
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
type WorkloadQuantities = Map<
  string,
  { namespace: string; grouping: string; minutes: MinuteQuantities }
>;

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

  // Every resource has queries (resolvePrometheusQueries refuses a configuration without).
  readonly resources: readonly Resource[] = Object.values(Resource);

  async sampleHour(hour: Date): Promise<MinuteSample[]> {
    const perResource = await Promise.all(
      this.resources.map((resource) => this.sampleResource(hour, resource)),
    );
    return perResource.flat();
  }

  async sampleResource(hour: Date, resource: Resource): Promise<MinuteSample[]> {
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
  ): Promise<WorkloadQuantities> {
    const end = new Date(hour.getTime() + HOUR_MS);
    const series = await this.client.queryRange(query, hour, end, 60);
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
      const minutes = isCounter
        ? counterIncreases(one, hourStartSeconds)
        : gaugeIntegrals(one, hourStartSeconds);
      const key = JSON.stringify([namespace, pod, container]);
      const grouping = `pod:${pod !== undefined},container:${container !== undefined}`;
      const workload = result.get(key);
      result.set(key, {
        namespace,
        grouping,
        minutes: workload ? addPerMinute(workload.minutes, minutes) : minutes,
      });
    }
    return result;
  }

  private perNamespace(resource: Resource, hour: Date, series: WorkloadQuantities): MinuteSample[] {
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
