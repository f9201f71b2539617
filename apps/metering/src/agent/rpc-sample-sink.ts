import { Injectable } from '@nestjs/common';
import { RpcClient, type Principal } from '@tally/transport';
import type { MinuteSample, SampleGap, SampleSink, SampleSource } from '../usage/usage-sample';

const AGENT: Principal = { kind: 'service', service: 'metering-agent' };
/** The metering service takes at most 50,000 samples a call. */
const CHUNK = 10_000;

/**
 * How a node agent hands its minute samples to the metering service: over the message
 * transport, in chunks. A failed call throws, the agent keeps its readings and the next tick
 * sends again; duplicates count once on the other side.
 */
@Injectable()
export class RpcSampleSink implements SampleSink {
  constructor(private readonly rpc: RpcClient) {}

  async record(source: SampleSource, samples: readonly MinuteSample[]): Promise<void> {
    if (source !== 'agent') throw new Error(`a node agent only sends agent samples, not ${source}`);
    for (let i = 0; i < samples.length; i += CHUNK) {
      await this.rpc.send('metering.samples.record', {
        principal: AGENT,
        input: {
          source,
          samples: samples.slice(i, i + CHUNK).map((sample) => ({
            namespace: sample.namespace,
            resource: sample.resource,
            minute: sample.minute.toISOString(),
            quantity: sample.quantity.toString(),
          })),
        },
      });
    }
  }

  async recordGap(gap: SampleGap): Promise<void> {
    await this.rpc.send('metering.samples.recordGap', {
      principal: AGENT,
      input: {
        source: gap.source,
        from: gap.from.toISOString(),
        to: gap.to.toISOString(),
        reason: gap.reason,
      },
    });
  }
}
