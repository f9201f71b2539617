import { Logger } from '@nestjs/common';
import { Resource } from '@prisma/client';
import { MinuteSample, SampleSink } from '@tally/metering/usage/usage-sample';
import { MINUTE_MS } from '../usage-source';
import { findPodCgroups, PodReading, readPodCgroup } from './pod-cgroups';
import { PodNamespaces } from './pod-namespaces';

const SECONDS_PER_MINUTE = 60n;

interface Tick {
  /** Start of the minute the readings open (the tick ran just after it began). */
  readonly minute: number;
  readonly readings: ReadonlyMap<string, PodReading>;
}

/**
 * The per-node cgroup v2 agent: once a minute, just after the minute turns, reads every pod
 * cgroup's CPU time and memory and delivers the minute that just ended, per namespace, to the
 * sink (source `agent`).
 *
 * Same rule as the Prometheus source: readings at the start of minutes M and M + 1 give
 * minute M its CPU (the increase of usage_usec) and its memory (memory.current read at M,
 * held for 60 s). The first tick only takes a baseline.
 *
 * When usage_usec went down, the pod cgroup was recreated and counted up from zero again, so
 * the new value is the increase (never negative, never counted twice). A pod that appeared
 * since the last tick likewise started from zero: its whole usage_usec is this minute's.
 * A tick that does not follow its predecessor by exactly one minute (the agent stalled or
 * was paused) cannot say which minute the CPU time belongs to: it records a gap instead and
 * starts again from its readings.
 */
export class CgroupAgent {
  private readonly logger = new Logger(CgroupAgent.name);
  private previous: Tick | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly cgroupRoot: string,
    private readonly namespaces: PodNamespaces,
    private readonly sink: SampleSink,
    private readonly now: () => Date = () => new Date(),
    /** How long after the minute turns the tick runs. */
    private readonly tickDelayMs = 1_000,
  ) {}

  /** Ticks every minute, `tickDelayMs` after it turns, until stop(). */
  start(): void {
    const schedule = () => {
      const now = this.now().getTime();
      const next = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS + this.tickDelayMs;
      this.timer = setTimeout(() => {
        this.tick()
          .catch((error: unknown) => this.logger.error(error))
          .finally(schedule);
      }, next - now);
    };
    schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One read of every pod; delivers the minute that just ended when the last tick opened it. */
  async tick(): Promise<void> {
    const minute = Math.floor(this.now().getTime() / MINUTE_MS) * MINUTE_MS;
    const previous = this.previous;
    // A second tick in the same minute keeps the first reading: that is the one taken when
    // the minute began.
    if (previous?.minute === minute) return;
    const current: Tick = { minute, readings: await this.readAll() };
    this.previous = current;
    if (!previous) return;
    if (previous.minute !== minute - MINUTE_MS) {
      await this.sink.recordGap({
        source: 'agent',
        from: new Date(previous.minute),
        to: new Date(minute),
        reason: 'agent did not read cgroups every minute',
      });
      return;
    }
    try {
      await this.deliver(previous, current);
    } catch (error) {
      // The Kubernetes API or the sink failed: say which minute is missing, then go on.
      await this.sink.recordGap({
        source: 'agent',
        from: new Date(previous.minute),
        to: new Date(minute),
        reason: `agent could not deliver: ${error instanceof Error ? error.message : String(error)}`,
      });
      throw error;
    }
  }

  private async readAll(): Promise<Map<string, PodReading>> {
    const readings = new Map<string, PodReading>();
    for (const pod of await findPodCgroups(this.cgroupRoot)) {
      const reading = await readPodCgroup(pod.path);
      if (reading) readings.set(pod.uid, reading);
    }
    return readings;
  }

  private async deliver(previous: Tick, current: Tick): Promise<void> {
    const totals = new Map<string, { cpu: bigint; memory: bigint }>();
    for (const [uid, now] of current.readings) {
      const before = previous.readings.get(uid);
      const namespace = await this.namespaceOf(uid);
      if (namespace === undefined) continue;
      const total = totals.get(namespace) ?? { cpu: 0n, memory: 0n };
      totals.set(namespace, total);
      total.cpu +=
        before && now.usageUsec >= before.usageUsec
          ? now.usageUsec - before.usageUsec
          : now.usageUsec;
      if (before) total.memory += before.memoryBytes * SECONDS_PER_MINUTE;
    }
    const minute = new Date(previous.minute);
    const samples: MinuteSample[] = [...totals].flatMap(([namespace, { cpu, memory }]) => [
      { namespace, resource: Resource.CPU, minute, quantity: cpu },
      { namespace, resource: Resource.MEMORY, minute, quantity: memory },
    ]);
    if (samples.length > 0) await this.sink.record('agent', samples);
  }

  private async namespaceOf(uid: string): Promise<string | undefined> {
    const namespace = await this.namespaces.namespaceOf(uid);
    // A static pod's mirror can lag, and a pod can be deleted between read and lookup.
    if (namespace === undefined) this.logger.warn(`pod ${uid}: no namespace known, skipped`);
    return namespace;
  }
}
