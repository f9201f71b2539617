import { walletFigures } from './live-wallets';
import type { PendingHourRow } from './live-wallets.repository';

const HOUR = 3_600_000;
const current = new Date('2026-11-22T12:00:00Z');
const previous = new Date(current.getTime() - HOUR);
const now = new Date(current.getTime() + 15 * 60_000); // 12:15

const row = (change: Partial<PendingHourRow>): PendingHourRow => ({
  walletId: 'w',
  hour: current,
  state: 'OPEN',
  amountMicros: 1_000n,
  throughMinute: null,
  postedMicros: 0n,
  ...change,
});

describe('walletFigures', () => {
  it("counts open hours' estimates, and the newest minute they go to", () => {
    const figures = walletFigures(
      [
        row({ amountMicros: 700n, throughMinute: new Date('2026-11-22T12:14:00Z') }),
        row({
          hour: previous,
          amountMicros: 300n,
          throughMinute: new Date('2026-11-22T11:59:00Z'),
        }),
      ],
      now,
    );
    expect(figures.pendingMicros).toBe(1_000n);
    expect(figures.pendingThrough).toEqual(new Date('2026-11-22T12:14:00Z'));
  });

  it("counts what the ledger lacks of a frozen hour's charges, and nothing once it has them", () => {
    const frozen = row({ hour: previous, state: 'FROZEN', amountMicros: 4_000n });
    expect(walletFigures([frozen], now).pendingMicros).toBe(4_000n);
    expect(walletFigures([{ ...frozen, postedMicros: 1_500n }], now).pendingMicros).toBe(2_500n);
    expect(walletFigures([{ ...frozen, postedMicros: 4_000n }], now).pendingMicros).toBe(0n);
  });

  it('never counts a posted hour as pending, but rates it', () => {
    const posted = row({ hour: previous, state: 'POSTED', amountMicros: 4_000n });
    expect(walletFigures([posted], now)).toEqual({
      pendingMicros: 0n,
      // 45 of the previous hour's 60 minutes are in the last 60.
      spendRateMicros: 3_000n,
      pendingThrough: null,
    });
  });

  it('rates only the current hour and the one before; an older open hour is pending all the same', () => {
    const rows = [
      row({ amountMicros: 500n }),
      row({ hour: previous, state: 'FROZEN', amountMicros: 4_000n, postedMicros: 4_000n }),
      row({ hour: new Date(previous.getTime() - HOUR), amountMicros: 9_999n }),
    ];
    expect(walletFigures(rows, now)).toMatchObject({
      pendingMicros: 10_499n,
      spendRateMicros: 3_500n,
    });
  });
});
