import type { Resource } from '@tally/transport';
import { Failpoints } from '../failpoints';
import type { MeteringConfig } from '../metering.config';
import type { HourlyUsageSource } from '../sources/usage-source';
import type { MinuteSample } from '../usage/usage-sample';
import { SampleHour, type SampledUsageStore } from './sample-hour';

const HOUR = new Date('2026-12-01T10:00:00Z');
const sample = (resource: Resource): MinuteSample => ({
  namespace: 'web',
  resource,
  minute: HOUR,
  quantity: 1n,
});

describe('SampleHour', () => {
  let log: string[];
  let marked: Set<Resource>;
  let delivered: boolean;
  let failQueryOf: Resource | undefined;

  const store: SampledUsageStore = {
    hasSamples: async () => delivered || marked.size > 0,
    sampledResources: async () => new Set(marked),
    recordSampledResource: async (_source, _hour, resource, samples, afterChunk) => {
      log.push(`write ${resource} (${samples.length})`);
      afterChunk?.();
      marked.add(resource);
    },
    replaceGaps: async () => undefined,
  };
  const source: HourlyUsageSource = {
    resources: ['CPU', 'MEMORY', 'STORAGE'],
    readResource: async (_hour, resource) => {
      log.push(`query ${resource}`);
      if (resource === failQueryOf) throw new Error(`${resource}: Prometheus is down`);
      return { samples: [sample(resource)], gaps: [] };
    },
    readHour: async () => ({ samples: [], gaps: [] }),
  };

  function sampleHour(): SampleHour {
    const failpoints = new Failpoints({} as MeteringConfig);
    jest.spyOn(failpoints, 'hit').mockImplementation((name) => void log.push(name));
    return new SampleHour(
      { TALLY_BILLING_SOURCE: 'prometheus' } as MeteringConfig,
      store,
      failpoints,
      source,
    );
  }

  beforeEach(() => {
    log = [];
    marked = new Set();
    delivered = false;
    failQueryOf = undefined;
  });

  it('samples every resource, querying the next while writing the one before', async () => {
    await sampleHour().execute(HOUR);
    expect(log).toEqual([
      'query CPU',
      'query MEMORY',
      'write CPU (1)',
      'sampling.after-chunk',
      'sampling.after-resource',
      'query STORAGE',
      'write MEMORY (1)',
      'sampling.after-chunk',
      'sampling.after-resource',
      'write STORAGE (1)',
      'sampling.after-chunk',
      'sampling.after-resource',
    ]);
  });

  it('after a crash, samples only the resources not marked yet', async () => {
    marked = new Set(['CPU']);
    await sampleHour().execute(HOUR);
    expect(log.filter((line) => line.startsWith('write'))).toEqual([
      'write MEMORY (1)',
      'write STORAGE (1)',
    ]);
  });

  it('leaves an hour whose samples were delivered, and one fully sampled, as it is', async () => {
    delivered = true;
    await sampleHour().execute(HOUR);
    marked = new Set(['CPU', 'MEMORY', 'STORAGE']);
    await sampleHour().execute(HOUR);
    expect(log).toEqual([]);
  });

  it('stops at a failed query, keeping the resources written before it', async () => {
    failQueryOf = 'MEMORY';
    await expect(sampleHour().execute(HOUR)).rejects.toThrow('MEMORY: Prometheus is down');
    expect([...marked]).toEqual(['CPU']);
  });
});
