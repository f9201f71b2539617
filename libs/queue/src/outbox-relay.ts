import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { PrismaService } from '@tally/prisma';
import type { Queue } from 'bullmq';
import { OutboxBatch, OutboxEvent, OutboxSchema } from './outbox';
import { BATCHED_QUEUES, OutboxRoutes, QueueName } from './queue-names';

export interface OutboxRelayOptions {
  readonly schema: OutboxSchema;
  readonly routes: OutboxRoutes;
  readonly queues: ReadonlyMap<QueueName, Queue>;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  /** Queues that get a poll's events as one OutboxBatch job; BATCHED_QUEUES by default. */
  readonly batchedQueues?: ReadonlySet<QueueName>;
}

interface RelayedJob {
  readonly name: string;
  readonly data: OutboxEvent | OutboxBatch;
  readonly opts: { jobId: string };
}

interface OutboxRow {
  id: bigint;
  event_id: string;
  topic: string;
  payload: unknown;
  created_at: Date;
}

/**
 * Moves committed outbox rows to their BullMQ queues. Rows are claimed with SKIP LOCKED so
 * several replicas can relay side by side; a row is marked published only in the
 * transaction that enqueued it, so a crash in between re-sends it (at least once) and the
 * deterministic job id lets BullMQ drop the copy. Job ids come from the row's `event_id` (a
 * uuid), never from its serial `id`: a fresh or restored database starts its ids over next to
 * a Redis that still holds the completed jobs of the old ones, and BullMQ would drop the new
 * events as copies. Queues in BATCHED_QUEUES get each poll's events as one job (a re-sent
 * poll grouped otherwise comes again: their consumers count each event once).
 */
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly options: OutboxRelayOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; returns how many events it moved. */
  async relayBatch(): Promise<number> {
    const { schema, batchSize = 500 } = this.options;
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
        `SELECT id, event_id, topic, payload, created_at FROM "${schema}".outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        batchSize,
      );
      if (rows.length === 0) return 0;
      await Promise.all([...this.jobsByQueue(rows)].map(([queue, jobs]) => queue.addBulk(jobs)));
      await tx.$executeRawUnsafe(
        `UPDATE "${schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`,
        rows.map((row) => row.id),
      );
      return rows.length;
    });
  }

  private *jobsByQueue(rows: readonly OutboxRow[]): Generator<[Queue, RelayedJob[]]> {
    const { schema, routes, queues, batchedQueues = BATCHED_QUEUES } = this.options;
    const eventsByQueue = new Map<QueueName, OutboxEvent[]>();
    for (const row of rows) {
      const event: OutboxEvent = {
        eventId: `${schema}-${row.event_id}`,
        topic: row.topic,
        payload: row.payload,
        createdAt: row.created_at.toISOString(),
      };
      for (const name of routes[row.topic] ?? []) {
        const events = eventsByQueue.get(name) ?? [];
        events.push(event);
        eventsByQueue.set(name, events);
      }
    }
    for (const [name, events] of eventsByQueue) {
      const queue = queues.get(name);
      if (queue === undefined) throw new Error(`outbox route to unregistered queue ${name}`);
      yield [
        queue,
        batchedQueues.has(name)
          ? [batchJob(events)]
          : events.map((event) => ({
              name: event.topic,
              data: event,
              opts: { jobId: event.eventId },
            })),
      ];
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayBatch().then(
        (moved) => this.schedule(moved === (this.options.batchSize ?? 500) ? 0 : this.pollMs),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'outbox relay failed; retrying');
          this.schedule(this.pollMs);
        },
      );
    }, delayMs);
  }

  private get pollMs(): number {
    return this.options.pollIntervalMs ?? 250;
  }
}

/** One job for many events; its id names the first and last, so a re-sent poll is dropped. */
function batchJob(events: readonly OutboxEvent[]): RelayedJob {
  const data: OutboxBatch = { events };
  const jobId = `${events[0].eventId}..${events[events.length - 1].eventId}`;
  return { name: 'batch', data, opts: { jobId } };
}
