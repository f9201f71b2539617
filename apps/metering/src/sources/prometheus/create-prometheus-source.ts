import { MeteringConfig, prometheusQueries } from '@tally/metering/metering.config';
import { PrometheusClient } from './prometheus-client';
import { PrometheusSource } from './prometheus-source';

/** The Prometheus source as configured (PROMETHEUS_URL, TALLY_PROMETHEUS_QUERIES, ...). */
export function createPrometheusSource(config: MeteringConfig): PrometheusSource {
  const client = new PrometheusClient(config.PROMETHEUS_URL, config.PROMETHEUS_TIMEOUT_MS);
  return new PrometheusSource(
    client,
    prometheusQueries(config),
    config.TALLY_PROMETHEUS_LOOKBACK_SECONDS,
  );
}
