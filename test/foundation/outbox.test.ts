import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PrismaService } from '@tally/prisma';
import {
  appendToOutbox,
  defaultJobOptions,
  eventsOf,
  OutboxBatch,
  OutboxEvent,
  OutboxRelay,
  QueueName,
} from '@tally/queue';
import { Queue, Worker } from 'bullmq';
import { waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';

describe('the transactional outbox', () => {
  // A database of its own: account processes of other suites relay the shared one.
  let database: TestDatabase;
  let redis: RedisServer;
  let prisma: PrismaService;
  let queue: Queue;
  let relay: OutboxRelay;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    redis = await RedisServer.start();
    prisma = new PrismaService({ databaseUrl: database.url });
    queue = new Queue(QueueName.DebtEvaluation, {
      connection: { host: '127.0.0.1', port: redis.port },
    });
    relay = new OutboxRelay(prisma, {
      schema: 'account',
      routes: { 'test.happened': [QueueName.DebtEvaluation] },
      queues: new Map([[QueueName.DebtEvaluation, queue]]),
      batchedQueues: new Set(), // a job per event
    });
  });

  afterAll(async () => {
    await queue?.close();
    await prisma?.onApplicationShutdown();
    await redis?.stop();
    await database?.drop();
  });

  it('delivers an event written in a committed transaction, once, with a stable id', async () => {
    await prisma.$transaction(async (tx) => {
      await appendToOutbox(tx, 'account', 'test.happened', { n: 1 });
    });
    expect(await relay.relayBatch()).toBe(1);
    expect(await relay.relayBatch()).toBe(0);

    const [job] = await queue.getJobs(['waiting']);
    expect(job.name).toBe('test.happened');
    expect(job.data).toMatchObject({ topic: 'test.happened', payload: { n: 1 } });
    expect(job.id).toBe((job.data as { eventId: string }).eventId);
  });

  it('delivers nothing for a transaction that rolled back', async () => {
    const before = await queue.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await appendToOutbox(tx, 'account', 'test.happened', { n: 2 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await relay.relayBatch()).toBe(0);
    expect(await queue.count()).toBe(before);
  });

  it('re-sends after a crash between enqueue and commit, and the copy is dropped', async () => {
    await prisma.$transaction(async (tx) => {
      await appendToOutbox(tx, 'account', 'test.happened', { n: 3 });
    });
    expect(await relay.relayBatch()).toBe(1);
    const before = await queue.count();
    // As if the relay died after BullMQ took the job but before its UPDATE committed.
    await prisma.$executeRaw`UPDATE account.outbox SET published_at = NULL WHERE payload->>'n' = '3'`;
    expect(await relay.relayBatch()).toBe(1);
    expect(await queue.count()).toBe(before);
  });

  it('hands the events of one poll to a batched queue as one job', async () => {
    const batches = new OutboxRelay(prisma, {
      schema: 'account',
      routes: { 'test.batched': [QueueName.DebtEvaluation] },
      queues: new Map([[QueueName.DebtEvaluation, queue]]),
      batchedQueues: new Set([QueueName.DebtEvaluation]),
    });
    await prisma.$transaction(async (tx) => {
      for (const n of [10, 11, 12]) await appendToOutbox(tx, 'account', 'test.batched', { n });
    });
    const before = await queue.count();
    expect(await batches.relayBatch()).toBe(3);
    expect(await queue.count()).toBe(before + 1);

    const batch = (await queue.getJobs(['waiting'])).find((job) => job.name === 'batch')!;
    const { events } = batch.data as OutboxBatch<{ n: number }>;
    expect(events.map((e) => e.payload)).toEqual([{ n: 10 }, { n: 11 }, { n: 12 }]);
    expect(batch.id).toBe(`${events[0].eventId}..${events[2].eventId}`);

    // The same poll re-sent after a crash is the same job, and BullMQ drops it.
    await prisma.$executeRaw`UPDATE account.outbox SET published_at = NULL WHERE topic = 'test.batched'`;
    expect(await batches.relayBatch()).toBe(3);
    expect(await queue.count()).toBe(before + 1);
  });

  it('carries ledger.changed events written by the posting function itself', async () => {
    const ledgerRelay = new OutboxRelay(prisma, {
      schema: 'account',
      routes: { 'ledger.changed': [QueueName.DebtEvaluation] },
      queues: new Map([[QueueName.DebtEvaluation, queue]]),
    });
    const tenant = await prisma.tenant.create({
      data: {
        name: 't',
        currency: 'USD',
        wallets: { create: { kind: 'TENANT', currency: 'USD' } },
      },
      include: { wallets: true },
    });
    const walletId = tenant.wallets[0].id;
    await prisma.pool.query(
      `SELECT * FROM account.post_transactions(ARRAY['outbox-test'], ARRAY['recharge'], ARRAY[repeat('0', 64)],
         ARRAY[NULL::text], 'system', NULL, NULL, ARRAY[1, 1], ARRAY[$1::uuid, NULL], ARRAY['wallet:' || $1, 'system:stripe_clearing'],
         ARRAY[5, -5]::bigint[], true, ARRAY[NULL::timestamptz])`,
      [walletId],
    );
    expect(await ledgerRelay.relayBatch()).toBeGreaterThan(0);
    const jobs = await queue.getJobs(['waiting']);
    const events = jobs.flatMap((j) => eventsOf(j.data as OutboxBatch | OutboxEvent));
    expect(events.map((e) => e.payload)).toContainEqual({
      walletId,
      balanceMicros: '5',
      kinds: ['recharge'],
    });
  });

  it('delivers new events after a restore from backup, next to a Redis that still holds the old jobs', async () => {
    const connection = { host: '127.0.0.1', port: redis.port };
    // Production's job options: completed jobs stay in Redis for a day.
    const notifications = new Queue(QueueName.Notifications, { connection, defaultJobOptions });
    const seen: unknown[] = [];
    const worker = new Worker(
      QueueName.Notifications,
      async (job) => void seen.push((job.data as OutboxEvent).payload),
      { connection },
    );
    const relayOf = (db: PrismaService) =>
      new OutboxRelay(db, {
        schema: 'account',
        routes: { 'test.restored': [QueueName.Notifications] },
        queues: new Map([[QueueName.Notifications, notifications]]),
        batchedQueues: new Set(),
      });
    const emit = (db: PrismaService, n: number) =>
      db.$transaction((tx) => appendToOutbox(tx, 'account', 'test.restored', { n }));

    const live = await createScratchDatabase({ migrated: true });
    const dumpDir = await mkdtemp(join(tmpdir(), 'tally-backup-'));
    const backup = join(dumpDir, 'backup.dump');
    await promisify(execFile)('pg_dump', ['--format=custom', `--file=${backup}`, live.url]);
    const restored = await createScratchDatabase();
    const livePrisma = new PrismaService({ databaseUrl: live.url });
    const restoredPrisma = new PrismaService({ databaseUrl: restored.url });
    try {
      // Life goes on after the backup: two events, relayed and completed.
      await emit(livePrisma, 1);
      await emit(livePrisma, 2);
      expect(await relayOf(livePrisma).relayBatch()).toBe(2);
      await waitFor('the first two events', async () => (seen.length === 2 ? true : undefined));

      // The database is lost and restored from the backup: its outbox ids start over.
      await promisify(execFile)('pg_restore', ['--no-owner', `--dbname=${restored.url}`, backup]);
      await emit(restoredPrisma, 3);
      await emit(restoredPrisma, 4);
      expect(await relayOf(restoredPrisma).relayBatch()).toBe(2);
      await waitFor('the events written after the restore', async () =>
        seen.length === 4 ? true : undefined,
      );
      expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    } finally {
      await worker.close();
      await notifications.close();
      await livePrisma.onApplicationShutdown();
      await restoredPrisma.onApplicationShutdown();
      await live.drop();
      await restored.drop();
      await rm(dumpDir, { recursive: true, force: true });
    }
  });
});
