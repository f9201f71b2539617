import { HubbleFlowClient } from '@tally/metering/sources/hubble/hubble-flow-client';
import { generateFlows } from '@tally/simulator/hubble/flow-generator';
import { HubbleServer } from '@tally/simulator/hubble/hubble-server';
import { FlowRecorder } from '../support/flow-recorder';
import { waitFor } from '../support/ports';
import { SimulatedCluster } from './simulated-cluster';

class Recorder extends FlowRecorder {
  /** "namespace class" pairs seen so far. */
  classes(): string[] {
    return [...new Set(this.counts.map((c) => `${c.namespace} ${c.flowClass}`))].sort();
  }
}

describe("the simulator's Hubble Observer, followed by Tally's HubbleFlowClient", () => {
  let sim: SimulatedCluster;
  let hubble: HubbleServer;
  let port: number;

  beforeAll(async () => {
    sim = await SimulatedCluster.start();
    hubble = new HubbleServer({
      cluster: sim.demo,
      snapshot: () => sim.controller.snapshot,
      flowIntervalMs: 50,
    });
    port = await hubble.listen(0);
  });

  afterAll(async () => {
    await hubble?.close();
    await sim?.stop();
  });

  const follow = (recorder: Recorder) => {
    const client = new HubbleFlowClient({
      address: `127.0.0.1:${port}`,
      flowSink: recorder,
      sampleSink: recorder,
      flushIntervalMs: 50,
    });
    client.start();
    return client;
  };

  it('streams flows between the running pods and to and from the world, counted per namespace', async () => {
    const recorder = new Recorder();
    const client = follow(recorder);
    // Replies count too: a reply from the world is world-ingress for the pod's namespace.
    // The nightly report is not running now, so acme-ml has no in-cluster flows.
    const expected = [
      'acme-ml world-egress',
      'acme-ml world-ingress',
      'acme-shop in-cluster',
      'acme-shop world-egress',
      'acme-shop world-ingress',
      'globex-web world-egress',
      'globex-web world-ingress',
      'initech-stream world-egress',
      'initech-stream world-ingress',
    ];
    await waitFor('every kind of flow of the demo', async () =>
      expected.every((c) => recorder.classes().includes(c)) ? true : undefined,
    );
    await client.stop();
    expect(recorder.classes()).toEqual(expected);
    expect(recorder.gaps).toEqual([]);
  });

  it('makes no flows for a workload scaled to 0 once its pods are gone', async () => {
    await sim.scale('initech-stream', 'transcoder', 0);
    await waitFor('the transcoders gone', async () =>
      sim.controller.snapshot.pods.some((pod) => pod.namespace === 'initech-stream')
        ? undefined
        : true,
    );
    const round = generateFlows(sim.demo, sim.controller.snapshot, 0n, 0);
    const namespaces = new Set(
      round.flatMap(({ flow }) => [flow.source?.namespace, flow.destination?.namespace]),
    );
    expect(namespaces.has('acme-shop')).toBe(true);
    expect(namespaces.has('initech-stream')).toBe(false);
    await sim.scale('initech-stream', 'transcoder', 2);
  });
});
