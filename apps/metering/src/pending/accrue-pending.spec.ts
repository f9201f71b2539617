import type { MeteringConfig } from '../metering.config';
import type { PriceBooks } from '../peers/price-books';
import type { WalletPendingPublisher } from '../peers/wallet-pending.publisher';
import type { WorkspaceDirectory } from '../peers/workspace-directory';
import { AccruePending } from './accrue-pending';
import type { OpenHourUsage } from './open-hour-usage';
import type { PendingRepository } from './pending.repository';

const HOUR_MS = 3_600_000;
const current = Date.UTC(2026, 11, 4, 10);
const previous = new Date(current - HOUR_MS);
const minute = (n: number) => new Date(current + n * 60_000);

/**
 * AccruePending over fakes that record which hours were read, written and published; the
 * account service refuses the next publish while `failPublishing.next` is set.
 */
function accrual(versions: Map<number, string | null>, failPublishing = { next: false }) {
  const read: number[] = [];
  const written: number[] = [];
  const published: number[] = [];
  const openHours = {
    read: (hour: Date) => {
      read.push(hour.getTime());
      return Promise.resolve({ usage: [], through: new Map() });
    },
    version: (hour: Date) => Promise.resolve(versions.get(hour.getTime()) ?? null),
  } as unknown as OpenHourUsage;
  const pending = {
    frozenOf: () => Promise.resolve(new Set<number>()),
    replaceHour: (hour: Date) => Promise.resolve(void written.push(hour.getTime())),
    prune: () => Promise.resolve(),
  } as unknown as PendingRepository;
  const accrue = new AccruePending(
    { TALLY_SETTLEMENT_CATCH_UP_HOURS: 72 } as MeteringConfig,
    openHours,
    pending,
    { placements: () => Promise.resolve(new Map()) } as unknown as WorkspaceDirectory,
    { inForceAt: () => Promise.resolve(new Map()) } as unknown as PriceBooks,
    {
      openHour: (hour: Date) => {
        if (failPublishing.next) {
          failPublishing.next = false;
          return Promise.reject(new Error('account service unavailable'));
        }
        return Promise.resolve(void published.push(hour.getTime()));
      },
    } as unknown as WalletPendingPublisher,
  );
  return { accrue, read, written, published };
}

describe('AccruePending', () => {
  it('prices the hour before again only when its samples changed; this hour every run', async () => {
    const versions = new Map<number, string | null>([[previous.getTime(), '5/300/42']]);
    const { accrue, read, written } = accrual(versions);

    expect((await accrue.execute(minute(1))).hours).toEqual([previous, new Date(current)]);
    expect((await accrue.execute(minute(2))).hours).toEqual([previous, new Date(current)]);
    expect(read).toEqual([previous.getTime(), current, current]);

    versions.set(previous.getTime(), '5/301/43'); // a late sample
    await accrue.execute(minute(3));
    expect(read.slice(3)).toEqual([previous.getTime(), current]);
    expect(written).toEqual(read);
  });

  it('publishes every hour it writes, and the hour before again when its publishing failed', async () => {
    const versions = new Map<number, string | null>([[previous.getTime(), '5/300/42']]);
    const failPublishing = { next: true };
    const { accrue, written, published } = accrual(versions, failPublishing);
    await expect(accrue.execute(minute(1))).rejects.toThrow('account service unavailable');
    await accrue.execute(minute(2));
    // Written twice (its version was not remembered): published once it could be.
    expect(written).toEqual([previous.getTime(), previous.getTime(), current]);
    expect(published).toEqual([previous.getTime(), current]);
  });

  it('reads an hour without a version (read from Prometheus) every run', async () => {
    const { accrue, read } = accrual(new Map());
    await accrue.execute(minute(1));
    await accrue.execute(minute(2));
    expect(read).toEqual([previous.getTime(), current, previous.getTime(), current]);
  });
});
