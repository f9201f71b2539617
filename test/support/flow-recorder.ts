import type { FlowCount, FlowCountSink } from '@tally/metering/sources/hubble/flow-counter';
import type { SampleGap, SampleSink } from '@tally/metering/usage/usage-sample';

/** Where a HubbleFlowClient under test delivers: every flow count and gap, kept in order. */
export class FlowRecorder implements FlowCountSink, SampleSink {
  readonly counts: FlowCount[] = [];
  readonly gaps: SampleGap[] = [];

  async recordFlows(counts: readonly FlowCount[]) {
    this.counts.push(...counts);
  }

  async record() {
    throw new Error('the Hubble client records gaps only');
  }

  async recordGap(gap: SampleGap) {
    this.gaps.push(gap);
  }
}
