import { randomUUID } from 'node:crypto';
import { PrismaService } from '@tally/prisma';
import { SequenceGate } from '@tally/queue';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The gate against the real table and row locks: items of one key handed to many concurrent
 * workers in a shuffled order, some failing their first delivery, still go out one at a time
 * and in sequence order.
 */
describe('SequenceGate', () => {
  const prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 10 });
  const gate = new SequenceGate(prisma, 'metering');

  afterAll(() => prisma.onApplicationShutdown());

  it('delivers the items of a key one at a time, in order, whatever order workers take them in', async () => {
    const key = `test/${randomUUID()}`;
    const items = Array.from({ length: 24 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const failedOnce = new Set<number>();
    const log: string[] = [];
    let inFlight = 0;
    let overlaps = 0;
    const since = new Date();

    // Eight workers; an item that must wait, or whose delivery failed, goes back in the queue.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let item = items.shift(); item !== undefined; item = items.shift()) {
          const sequence = item;
          const outcome = await gate
            .inTurn(key, sequence, { leaseMs: 10_000, since }, async () => {
              if (++inFlight > 1) overlaps++;
              await pause(Math.random() * 5);
              inFlight--;
              if (sequence % 5 === 0 && !failedOnce.has(sequence)) {
                failedOnce.add(sequence);
                throw new Error('refused');
              }
              log.push(`sent ${sequence}`);
            })
            .catch(() => 'failed' as const);
          if (outcome === 'wait' || outcome === 'failed') {
            items.push(sequence);
            await pause(2);
          }
        }
      }),
    );

    expect(overlaps).toBe(0);
    expect(log).toEqual(Array.from({ length: 24 }, (_, i) => `sent ${i + 1}`));
    expect(failedOnce.size).toBeGreaterThan(0);
    // A copy of an item already delivered, or an older one, is dropped.
    const send = jest.fn(async () => undefined);
    expect(await gate.inTurn(key, 24, { leaseMs: 1000, since }, send)).toBe('stale');
    expect(await gate.inTurn(key, 3, { leaseMs: 1000, since }, send)).toBe('stale');
    expect(send).not.toHaveBeenCalled();
  });

  it('waits for a predecessor while patient, and goes without it afterwards', async () => {
    const key = `test/${randomUUID()}`;
    const send = jest.fn(async () => undefined);
    expect(await gate.inTurn(key, 2, { leaseMs: 1000, since: new Date() }, send)).toBe('wait');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    expect(await gate.inTurn(key, 2, { leaseMs: 1000, since: longAgo }, send)).toBe('sent');
    // The predecessor, come late, is dropped rather than sent out of order.
    expect(await gate.inTurn(key, 1, { leaseMs: 1000, since: new Date() }, send)).toBe('stale');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('frees a key whose worker died mid-delivery once the lease lapses', async () => {
    const key = `test/${randomUUID()}`;
    const since = new Date();
    expect(await gate.claim(key, 1, { leaseMs: 300, since })).toBe('go'); // and never finished
    expect(await gate.claim(key, 1, { leaseMs: 300, since })).toBe('wait');
    const deadline = Date.now() + 5000;
    let decision = await gate.claim(key, 1, { leaseMs: 300, since });
    while (decision === 'wait' && Date.now() < deadline) {
      await pause(50);
      decision = await gate.claim(key, 1, { leaseMs: 300, since });
    }
    expect(decision).toBe('go');
  });
});
