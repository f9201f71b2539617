import * as grpc from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { SampleGap, SampleSink } from '@tally/metering/usage/usage-sample';
import { FlowCount, FlowCounter, FlowCountSink } from './flow-counter';
import {
  fromNanos,
  GetFlowsRequest,
  GetFlowsResponse,
  loadObserverService,
  toNanos,
} from './hubble-messages';

export interface HubbleFlowClientOptions {
  /** host:port of Hubble Relay (or one node's Hubble server), plaintext. */
  readonly address: string;
  readonly flowSink: FlowCountSink;
  /** Gets a gap (source `hubble`) for lost events and for the time the stream was down. */
  readonly sampleSink: SampleSink;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How often counted flows go to the flow sink. */
  readonly flushIntervalMs?: number;
  readonly now?: () => Date;
}

/**
 * Follows Hubble's GetFlows stream and counts flows per namespace, minute and class (see
 * FlowCounter). When the stream breaks it reconnects with capped exponential backoff and asks
 * for flows since the last one it saw; flows at or before that time that it already counted
 * are skipped, so a resumed stream never counts a flow twice. The time between the last flow
 * seen and the reconnect, and every LostEvent, become SampleGaps for reconciliation.
 */
export class HubbleFlowClient {
  private readonly logger = new Logger(HubbleFlowClient.name);
  private readonly client: grpc.Client & {
    GetFlows(request: GetFlowsRequest): grpc.ClientReadableStream<GetFlowsResponse>;
  };
  private readonly counter = new FlowCounter();
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => Date;

  private call: grpc.ClientReadableStream<GetFlowsResponse> | undefined;
  private running = false;
  private backoffMs: number;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  /** The latest flow time seen, and the flows seen at exactly that time. */
  private lastFlowNanos: bigint | undefined;
  private keysAtLast = new Set<string>();
  /** While resuming: flows before this time were counted; at it, those in keysAtResume. */
  private resumeNanos: bigint | undefined;
  private keysAtResume = new Set<string>();
  /** Set when the stream broke; cleared (with a gap recorded) when a new one delivers. */
  private brokenAt: Date | undefined;

  constructor(private readonly options: HubbleFlowClientOptions) {
    const { client: Observer } = loadObserverService();
    this.client = new Observer(
      options.address,
      grpc.credentials.createInsecure(),
    ) as unknown as typeof this.client;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.initialBackoffMs;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
    this.flushTimer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 10_000);
  }

  /** Stops following, delivers what was counted, and records a still-open break as a gap. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.flushTimer);
    this.call?.cancel();
    this.call = undefined;
    await this.flush();
    if (this.brokenAt) await this.recordBreak();
    this.client.close();
  }

  /** Where a reconnect resumes from: the time of the last flow seen. */
  get resumeFrom(): Date | undefined {
    return this.lastFlowNanos === undefined ? undefined : nanosToDate(this.lastFlowNanos);
  }

  private connect(): void {
    const request: GetFlowsRequest = {
      follow: true,
      ...(this.lastFlowNanos !== undefined && { since: fromNanos(this.lastFlowNanos) }),
    };
    this.resumeNanos = this.lastFlowNanos;
    this.keysAtResume = new Set(this.keysAtLast);
    const call = this.client.GetFlows(request);
    this.call = call;
    let delivered = false;
    call.on('data', (response: GetFlowsResponse) => {
      if (!delivered) {
        delivered = true;
        this.backoffMs = this.initialBackoffMs;
        if (this.brokenAt) void this.recordBreak();
      }
      this.onResponse(response);
    });
    // 'status' comes exactly once per call, after an error or the end of the stream.
    call.on('status', (status: grpc.StatusObject) => this.onClosed(call, status));
    call.on('error', () => undefined); // reported through 'status'
  }

  private onResponse(response: GetFlowsResponse): void {
    if (response.flow) {
      const time = response.flow.time ?? response.time;
      if (!time) return;
      const nanos = toNanos(time);
      if (this.seenBefore(nanos, flowKey(response))) return;
      this.counter.add(response.flow, nanos);
    } else if (response.lost_events) {
      const at = response.time ? nanosToDate(toNanos(response.time)) : this.now();
      const lost = response.lost_events;
      void this.recordGap({
        source: 'hubble',
        from: this.resumeFrom ?? at,
        to: at,
        reason: `${lost.num_events_lost} events lost (${lost.source})`,
      });
    }
  }

  /** True for a flow a resumed stream sends again; remembers the flow otherwise. */
  private seenBefore(nanos: bigint, key: string): boolean {
    if (this.resumeNanos !== undefined) {
      if (nanos < this.resumeNanos) return true;
      if (nanos === this.resumeNanos && this.keysAtResume.has(key)) return true;
    }
    if (this.lastFlowNanos === undefined || nanos > this.lastFlowNanos) {
      this.lastFlowNanos = nanos;
      this.keysAtLast = new Set([key]);
    } else if (nanos === this.lastFlowNanos) {
      this.keysAtLast.add(key);
    }
    return false;
  }

  private onClosed(call: grpc.ClientReadableStream<GetFlowsResponse>, status: grpc.StatusObject) {
    if (!this.running || call !== this.call) return;
    this.call = undefined;
    this.brokenAt ??= this.now();
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.logger.warn(
      `Hubble stream closed (${grpc.status[status.code]}: ${status.details}); reconnecting in ${delay} ms`,
    );
    void this.flush();
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** The stream was down from the last flow seen until now. */
  private async recordBreak(): Promise<void> {
    const brokenAt = this.brokenAt ?? this.now();
    this.brokenAt = undefined;
    await this.recordGap({
      source: 'hubble',
      from: this.resumeFrom ?? brokenAt,
      to: this.now(),
      reason: 'Hubble flow stream was down',
    });
  }

  private async recordGap(gap: SampleGap): Promise<void> {
    try {
      await this.options.sampleSink.recordGap(gap);
    } catch (error) {
      this.logger.error(error);
    }
  }

  private async flush(): Promise<void> {
    const counts: FlowCount[] = this.counter.drain();
    if (counts.length === 0) return;
    try {
      await this.options.flowSink.recordFlows(counts);
    } catch (error) {
      // Counted, not delivered: keep them for the next flush.
      this.counter.restore(counts);
      this.logger.error(error);
    }
  }
}

function nanosToDate(nanos: bigint): Date {
  return new Date(Number(nanos / 1_000_000n));
}

/** Hubble's flow UUID; older Hubble versions send none, so fall back to what tells flows apart. */
function flowKey({ flow, node_name }: GetFlowsResponse): string {
  if (flow?.uuid) return flow.uuid;
  return JSON.stringify([node_name, flow?.source?.ID, flow?.destination?.ID, flow?.is_reply]);
}
