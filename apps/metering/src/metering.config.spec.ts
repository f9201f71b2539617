import { ConfigError } from '@tally/config';
import { enabledSources, loadMeteringConfig, prometheusQueries } from './metering.config';

describe('metering config', () => {
  it('runs the Prometheus source alone by default, and Hubble once it has an address', () => {
    expect([...enabledSources(loadMeteringConfig({}))]).toEqual(['prometheus']);
    expect([...enabledSources(loadMeteringConfig({ HUBBLE_ADDRESS: 'hubble-relay:80' }))]).toEqual([
      'prometheus',
      'hubble',
    ]);
    expect(() =>
      enabledSources(loadMeteringConfig({ TALLY_METERING_SOURCES: 'prometheus,hubble' })),
    ).toThrow(/HUBBLE_ADDRESS/);
  });

  it('lays TALLY_PROMETHEUS_QUERIES over the default PromQL', () => {
    const config = loadMeteringConfig({
      TALLY_PROMETHEUS_QUERIES: JSON.stringify({
        CPU: { basis: 'usage' },
        NETWORK_EGRESS: { usage: 'sum by (namespace, pod) (egress_bytes_total)' },
      }),
      TALLY_METERING_GPU_RESOURCE: 'amd.com/gpu',
    });
    const queries = prometheusQueries(config);
    expect(queries.CPU.basis).toBe('usage');
    expect(queries.CPU.usage).toContain('container_cpu_usage_seconds_total');
    expect(queries.NETWORK_EGRESS.usage).toBe('sum by (namespace, pod) (egress_bytes_total)');
    expect(queries.GPU.request).toContain('resource="amd_com_gpu"');
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown resource', '{"DISK":{"basis":"usage"}}'],
    ['a basis without its query', '{"STORAGE":{"basis":"usage"}}'],
  ])('refuses to start on %s', (_what, value) => {
    expect(() => loadMeteringConfig({ TALLY_PROMETHEUS_QUERIES: value })).toThrow(ConfigError);
  });
});
