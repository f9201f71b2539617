import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { PrismaService } from '@tally/prisma';
import type { Queue } from 'bullmq';
import { OutboxEvent, OutboxSchema } from './outbox';
import { OutboxRoutes, QueueName } from './queue-names';

export interface OutboxRelayOptions {
  readonly schema: OutboxSchema;
  readonly routes: OutboxRoutes;
  readonly queues: ReadonlyMap<QueueName, Queue>;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
}

interface OutboxRow {
  id: bigint;
  topic: string;
  payload: unknown;
  created_at: Date;
}

/**
 * Moves committed outbox rows to their BullMQ queues. Rows are claimed with SKIP LOCKED so
 * several replicas can relay side by side; a row is marked published only in the
 * transaction that enqueued it, so a crash in between re-sends it (at least once) and the
 * deterministic job id lets BullMQ drop the copy.
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
        `SELECT id, topic, payload, created_at FROM "${schema}".outbox
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

  private *jobsByQueue(rows: readonly OutboxRow[]) {
    const byQueue = new Map<
      Queue,
      { name: string; data: OutboxEvent; opts: { jobId: string } }[]
    >();
    for (const row of rows) {
      const event: OutboxEvent = {
        eventId: `${this.options.schema}-${row.id}`,
        topic: row.topic,
        payload: row.payload,
        createdAt: row.created_at.toISOString(),
      };
      for (const name of this.options.routes[row.topic] ?? []) {
        const queue = this.options.queues.get(name);
        if (queue === undefined) throw new Error(`outbox route to unregistered queue ${name}`);
        const jobs = byQueue.get(queue) ?? [];
        jobs.push({ name: row.topic, data: event, opts: { jobId: event.eventId } });
        byQueue.set(queue, jobs);
      }
    }
    yield* byQueue;
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
