import * as grpc from '@grpc/grpc-js';
import { HubbleFlowClient } from '@tally/metering/sources/hubble/hubble-flow-client';
import {
  GetFlowsRequest,
  loadObserverService,
  Timestamp,
  toNanos,
} from '@tally/metering/sources/hubble/hubble-messages';
import { FlowRecorder } from '../support/flow-recorder';
import { waitFor } from '../support/ports';
import fixture from './fixtures/hubble-flows.json';

type Response = {
  node_name: string;
  time: string;
  flow?: { time: string } & Record<string, unknown>;
  lost_events?: Record<string, unknown>;
};
type Entry = Response | { break: string };
const recorded = fixture as { responses: Entry[] };
const isResponse = (entry: Entry): entry is Response => 'time' in entry;

/** "2026-11-22T09:01:02.123456789Z" → Timestamp, keeping the nanoseconds. */
function timestamp(iso: string): Timestamp {
  const [whole, fraction = '0'] = iso.replace('Z', '').split('.');
  return {
    seconds: String(Date.parse(`${whole}Z`) / 1000),
    nanos: Number(fraction.padEnd(9, '0')),
  };
}

/** The fixture entry as the wire message (times as Timestamps). */
function toResponse(entry: Entry) {
  if (!isResponse(entry)) throw new Error('not a response');
  const { flow, ...rest } = entry;
  return {
    ...rest,
    time: timestamp(entry.time),
    ...(flow && { flow: { ...flow, time: timestamp(flow.time) } }),
  };
}

/**
 * observer.Observer/GetFlows replaying the fixture: the first call sends everything up to the
 * break and fails with UNAVAILABLE; later calls send what Hubble would for `since` (every
 * recorded flow at or after it, inclusive) and stay open, as follow mode does.
 */
class FakeHubble {
  readonly requests: GetFlowsRequest[] = [];
  private readonly server = new grpc.Server();
  port = 0;

  async start(): Promise<void> {
    this.server.addService(loadObserverService().service, {
      GetFlows: (call: grpc.ServerWritableStream<GetFlowsRequest, unknown>) => this.getFlows(call),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, port) =>
        e ? reject(e) : resolve(port),
      ),
    );
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private getFlows(call: grpc.ServerWritableStream<GetFlowsRequest, unknown>): void {
    this.requests.push(call.request);
    const breakAt = recorded.responses.findIndex((entry) => 'break' in entry);
    if (this.requests.length === 1) {
      for (const entry of recorded.responses.slice(0, breakAt)) call.write(toResponse(entry));
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'relay restarting' });
      return;
    }
    const since = call.request.since ? toNanos(call.request.since) : 0n;
    for (const entry of recorded.responses) {
      if (!isResponse(entry) || !entry.flow) continue;
      if (toNanos(timestamp(entry.time)) >= since) call.write(toResponse(entry));
    }
  }
}

class Recorder extends FlowRecorder {
  /** namespace minute class → flows, summed over every delivery. */
  totals(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const { namespace, minute, flowClass, flows } of this.counts) {
      const key = `${namespace} ${minute.toISOString().slice(11, 16)} ${flowClass}`;
      totals[key] = (totals[key] ?? 0) + flows;
    }
    return totals;
  }
}

const EXPECTED = {
  'shop 09:00 in-cluster': 2, // web → db and db's reply, same namespace: once each
  'shop 09:00 world-egress': 1, // web → identity 2
  'shop 09:00 world-ingress': 1, // the world's reply
  'blog 09:01 in-cluster': 2, // blog → shop api, analytics → blog
  'shop 09:01 in-cluster': 1,
  'analytics 09:01 in-cluster': 1,
  'blog 09:01 world-egress': 1,
};

describe('HubbleFlowClient against a gRPC Observer server', () => {
  let hubble: FakeHubble;
  let recorder: Recorder;
  let client: HubbleFlowClient;
  const reconnectedAt = new Date('2026-11-22T09:05:00Z');

  beforeAll(async () => {
    hubble = new FakeHubble();
    await hubble.start();
    recorder = new Recorder();
    client = new HubbleFlowClient({
      address: `127.0.0.1:${hubble.port}`,
      flowSink: recorder,
      sampleSink: recorder,
      initialBackoffMs: 20,
      flushIntervalMs: 20,
      now: () => reconnectedAt,
    });
    client.start();
    await waitFor('all flows counted', async () => {
      const totals = recorder.totals();
      return Object.values(totals).reduce((a, b) => a + b, 0) >= 9 && hubble.requests.length === 2
        ? true
        : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for anything extra
    await client.stop();
  });

  afterAll(() => hubble.stop());

  it('follows, then resumes from the time of the last flow it saw', () => {
    expect(hubble.requests).toHaveLength(2);
    expect(hubble.requests[0].follow).toBe(true);
    expect(hubble.requests[0].since).toBeNull();
    expect(hubble.requests[1]).toMatchObject({
      follow: true,
      since: { seconds: String(Date.parse('2026-11-22T09:01:02Z') / 1000), nanos: 123456789 },
    });
  });

  it('counts each flow once per namespace and class, the resent one not again', () => {
    expect(recorder.totals()).toEqual(EXPECTED);
  });

  it('records the lost events and the broken stream as gaps', () => {
    expect(recorder.gaps).toEqual([
      {
        source: 'hubble',
        from: new Date('2026-11-22T09:00:10.200Z'),
        to: new Date('2026-11-22T09:00:30Z'),
        reason: '7 events lost (HUBBLE_RING_BUFFER)',
      },
      {
        source: 'hubble',
        from: new Date('2026-11-22T09:01:02.123Z'),
        to: reconnectedAt,
        reason: 'Hubble flow stream was down',
      },
    ]);
  });
});
