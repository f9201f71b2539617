import type { MeteringConfig } from '../metering.config';
import { DueHours, type SettledHoursStore } from './due-hours';

const HOUR_MS = 3_600_000;
const NOW = new Date('2026-12-03T13:40:00Z'); // 12:00 is due (12:00 + 1 h + 5 min has passed)
const hour = (iso: string) => new Date(iso);

describe('DueHours', () => {
  let posted: Date[];

  const store: SettledHoursStore = {
    latestPostedHour: async () =>
      posted.length === 0 ? null : new Date(Math.max(...posted.map((h) => h.getTime()))),
    halfPostedHours: async () => [],
    unsettledHours: async (from, to) => {
      const hours: Date[] = [];
      for (let t = from.getTime(); t < to.getTime(); t += HOUR_MS) {
        if (!posted.some((h) => h.getTime() === t)) hours.push(new Date(t));
      }
      return hours;
    },
  };
  const dueHours = (settings: Partial<MeteringConfig> = {}) =>
    new DueHours(
      {
        TALLY_SETTLEMENT_DELAY_MINUTES: 5,
        TALLY_SETTLEMENT_CATCH_UP_HOURS: 72,
        ...settings,
      } as MeteringConfig,
      store,
    ).at(NOW);

  beforeEach(() => {
    posted = [];
  });

  it('starts a fresh install at the last due hour by default', async () => {
    expect(await dueHours()).toEqual([hour('2026-12-03T12:00:00Z')]);
  });

  it('starts a fresh install at TALLY_SETTLEMENT_FIRST_HOUR (its hour), oldest first', async () => {
    const due = await dueHours({ TALLY_SETTLEMENT_FIRST_HOUR: hour('2026-12-03T09:17:00Z') });
    expect(due).toEqual([
      hour('2026-12-03T09:00:00Z'),
      hour('2026-12-03T10:00:00Z'),
      hour('2026-12-03T11:00:00Z'),
      hour('2026-12-03T12:00:00Z'),
    ]);
  });

  it('keeps a first hour older than the catch-up window inside the window', async () => {
    const due = await dueHours({
      TALLY_SETTLEMENT_CATCH_UP_HOURS: 2,
      TALLY_SETTLEMENT_FIRST_HOUR: hour('2026-11-01T00:00:00Z'),
    });
    expect(due).toEqual([hour('2026-12-03T11:00:00Z'), hour('2026-12-03T12:00:00Z')]);
  });

  it('settles nothing while the first hour is not due yet', async () => {
    expect(await dueHours({ TALLY_SETTLEMENT_FIRST_HOUR: hour('2026-12-03T13:00:00Z') })).toEqual(
      [],
    );
  });

  it('ignores the first hour once an hour was settled: it goes on after that hour', async () => {
    posted = [hour('2026-12-03T10:00:00Z')];
    const due = await dueHours({ TALLY_SETTLEMENT_FIRST_HOUR: hour('2026-12-01T00:00:00Z') });
    expect(due).toEqual([hour('2026-12-03T11:00:00Z'), hour('2026-12-03T12:00:00Z')]);
  });
});
