import * as grpc from '@grpc/grpc-js';
import {
  GetFlowsRequest,
  loadObserverService,
  toNanos,
} from '@tally/metering/sources/hubble/hubble-messages';
import { ClusterSnapshot } from '@tally/simulator/cluster/cluster-state';
import { DemoCluster } from '@tally/simulator/cluster/demo-cluster';
import { FlowResponse, generateFlows } from './flow-generator';

export interface HubbleServerOptions {
  readonly cluster: DemoCluster;
  readonly snapshot: () => ClusterSnapshot;
  readonly flowIntervalMs: number;
  /** Flows kept for a GetFlows with `since` (Hubble's ring buffer). */
  readonly bufferSize?: number;
  readonly now?: () => Date;
}

/**
 * Hubble's `observer.Observer/GetFlows` for the simulated pods: every interval a round of
 * flows (flow-generator.ts) goes into a ring buffer and to every following stream. A call
 * with `since` first gets the buffered flows at or after it, as Hubble Relay sends them.
 */
export class HubbleServer {
  private readonly server = new grpc.Server();
  private readonly buffer: FlowResponse[] = [];
  private readonly followers = new Set<grpc.ServerWritableStream<GetFlowsRequest, FlowResponse>>();
  private timer: NodeJS.Timeout | undefined;
  private round = 0;

  constructor(private readonly options: HubbleServerOptions) {
    this.server.addService(loadObserverService().service, {
      GetFlows: (call: grpc.ServerWritableStream<GetFlowsRequest, FlowResponse>) =>
        this.getFlows(call),
    });
  }

  /** Resolves with the port it listens on (0: any free one). */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const bound = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(
        `${host}:${port}`,
        grpc.ServerCredentials.createInsecure(),
        (error, p) => (error ? reject(error) : resolve(p)),
      ),
    );
    this.timer = setInterval(() => this.emitRound(), this.options.flowIntervalMs);
    return bound;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const call of this.followers) call.end();
    this.followers.clear();
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private getFlows(call: grpc.ServerWritableStream<GetFlowsRequest, FlowResponse>): void {
    const since = call.request.since ? toNanos(call.request.since) : undefined;
    for (const response of this.buffer) {
      if (since === undefined || toNanos(response.time!) >= since) call.write(response);
    }
    if (!call.request.follow) {
      call.end();
      return;
    }
    this.followers.add(call);
    call.on('cancelled', () => this.followers.delete(call));
    call.on('close', () => this.followers.delete(call));
  }

  private emitRound(): void {
    const nanos = BigInt((this.options.now ?? (() => new Date()))().getTime()) * 1_000_000n;
    const flows = generateFlows(this.options.cluster, this.options.snapshot(), nanos, this.round++);
    this.buffer.push(...flows);
    this.buffer.splice(0, Math.max(0, this.buffer.length - (this.options.bufferSize ?? 10_000)));
    for (const call of this.followers) for (const flow of flows) call.write(flow);
  }
}
