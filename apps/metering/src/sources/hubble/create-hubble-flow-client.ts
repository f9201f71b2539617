import { MeteringConfig } from '@tally/metering/metering.config';
import { SampleSink } from '@tally/metering/usage/usage-sample';
import { FlowCountSink } from './flow-counter';
import { HubbleFlowClient } from './hubble-flow-client';

/** The Hubble client for HUBBLE_ADDRESS; call start() on it, stop() on shutdown. */
export function createHubbleFlowClient(
  config: MeteringConfig,
  flowSink: FlowCountSink,
  sampleSink: SampleSink,
): HubbleFlowClient {
  if (!config.HUBBLE_ADDRESS) throw new Error('HUBBLE_ADDRESS must be set to follow Hubble flows');
  return new HubbleFlowClient({ address: config.HUBBLE_ADDRESS, flowSink, sampleSink });
}
