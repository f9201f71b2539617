import { FlowCounter } from './flow-counter';
import { Endpoint, Flow } from './hubble-messages';

const pod = (namespace: string, identity = 40_000): Endpoint => ({
  ID: 1,
  identity,
  namespace,
  labels: [],
  pod_name: `${namespace}-0`,
});
const world = (identity = 2): Endpoint => ({
  ID: 0,
  identity,
  namespace: '',
  labels: ['reserved:world'],
  pod_name: '',
});
const flow = (source: Endpoint, destination: Endpoint): Flow => ({
  time: null,
  uuid: '',
  verdict: 'FORWARDED',
  source,
  destination,
  Type: 'L3_L4',
  node_name: 'n1',
  traffic_direction: 'EGRESS',
  is_reply: null,
});
const AT = 1_795_320_030_000_000_000n; // 30 s into a minute

describe('FlowCounter', () => {
  it('counts world egress by reserved:world and its dual-stack identities', () => {
    const counter = new FlowCounter();
    counter.add(flow(pod('a'), world(2)), AT);
    counter.add(flow(pod('a'), world(9)), AT);
    counter.add(flow(pod('a'), world(10)), AT);
    counter.add(flow(pod('a'), pod('b', 7)), AT); // kube-apiserver is not the world
    expect(counter.drain()).toEqual([
      { namespace: 'a', minute: new Date(1_795_320_000_000), flowClass: 'world-egress', flows: 3 },
      { namespace: 'a', minute: new Date(1_795_320_000_000), flowClass: 'in-cluster', flows: 1 },
      { namespace: 'b', minute: new Date(1_795_320_000_000), flowClass: 'in-cluster', flows: 1 },
    ]);
    expect(counter.drain()).toEqual([]);
  });

  it('puts back counts a sink did not take', () => {
    const counter = new FlowCounter();
    counter.add(flow(world(), pod('a')), AT);
    const taken = counter.drain();
    counter.add(flow(world(), pod('a')), AT);
    counter.restore(taken);
    expect(counter.drain()).toEqual([
      { namespace: 'a', minute: new Date(1_795_320_000_000), flowClass: 'world-ingress', flows: 2 },
    ]);
  });
});
