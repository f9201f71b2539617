import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { RESOURCES, type MinuteSampleView } from '@tally/transport';
import type { MinuteSample, SampleGap, SampleSink, SampleSource } from './usage-sample';
import { UsageRepository } from './usage.repository';

const MAX_SAMPLES_PER_CALL = 50_000;
const namespacePattern = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const resources = new Set<string>(RESOURCES);

/**
 * The ingest path every source delivers to. Samples from the wire are checked one by one and
 * the whole call is refused on the first bad one, so a sender never loses part of a batch
 * silently: it fixes the sample and sends the batch again (duplicates count once).
 */
@Injectable()
export class RecordSamples implements SampleSink {
  constructor(private readonly usage: UsageRepository) {}

  async record(source: SampleSource, samples: readonly MinuteSample[]): Promise<void> {
    await this.usage.record(source, samples);
  }

  async recordGap(gap: SampleGap): Promise<void> {
    await this.usage.recordGap(gap);
  }

  async gapFromWire(wire: {
    source: SampleGap['source'];
    from: string;
    to: string;
    reason: string;
  }) {
    const from = new Date(wire.from);
    const to = new Date(wire.to);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from > to) {
      throw badInput('A gap runs from an instant to a later one', { reason: 'BAD_GAP' });
    }
    await this.usage.recordGap({
      source: wire.source,
      from,
      to,
      reason: wire.reason.slice(0, 500),
    });
  }

  async fromWire(source: SampleSource, wire: readonly MinuteSampleView[]): Promise<number> {
    if (wire.length > MAX_SAMPLES_PER_CALL) {
      throw badInput(`At most ${MAX_SAMPLES_PER_CALL} samples per call`, {
        reason: 'TOO_MANY_SAMPLES',
      });
    }
    const samples = wire.map((sample, index) => parseSample(sample, index));
    await this.usage.record(source, samples);
    return samples.length;
  }
}

function parseSample(sample: MinuteSampleView, index: number): MinuteSample {
  const minute = new Date(sample.minute);
  const problem = !namespacePattern.test(sample.namespace)
    ? 'namespace is not a DNS-1123 label'
    : !resources.has(sample.resource)
      ? `unknown resource ${sample.resource}`
      : Number.isNaN(minute.getTime()) || minute.getTime() % 60_000 !== 0
        ? 'minute must be a whole UTC minute'
        : !/^\d{1,18}$/.test(sample.quantity)
          ? 'quantity must be a non-negative integer string'
          : null;
  if (problem !== null) {
    throw badInput(`Sample ${index}: ${problem}`, { reason: 'BAD_SAMPLE', index });
  }
  return {
    namespace: sample.namespace,
    resource: sample.resource,
    minute,
    quantity: BigInt(sample.quantity),
  };
}
