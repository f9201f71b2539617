import { chargeKey } from '../settlement/charge-posting';
import { liveFigures } from './live-figures';
import type { LiveRow } from './pending.repository';

const HOUR = 3_600_000;
const current = new Date('2026-11-22T12:00:00Z');
const previous = new Date(current.getTime() - HOUR);
const now = new Date(current.getTime() + 15 * 60_000); // 12:15

const row = (change: Partial<LiveRow>): LiveRow => ({
  walletId: 'w',
  namespace: 'web',
  hour: current,
  amountMicros: 1_000n,
  kind: 'pending',
  throughMinute: null,
  ...change,
});

describe('liveFigures', () => {
  it('counts pending hours, and the newest minute they go to', () => {
    const figures = liveFigures(
      [
        row({ amountMicros: 700n, throughMinute: new Date('2026-11-22T12:14:00Z') }),
        row({
          namespace: 'db',
          amountMicros: 300n,
          throughMinute: new Date('2026-11-22T12:12:00Z'),
        }),
      ],
      new Set(),
      now,
    );
    expect(figures.pendingMicros).toBe(1_000n);
    expect(figures.pendingThrough).toEqual(new Date('2026-11-22T12:14:00Z'));
  });

  it('counts a frozen charge until the ledger has it, and never after', () => {
    const frozen = row({ hour: previous, kind: 'frozen', amountMicros: 4_000n });
    expect(liveFigures([frozen], new Set(), now).pendingMicros).toBe(4_000n);
    const posted = new Set([chargeKey('web', previous)]);
    expect(liveFigures([frozen], posted, now).pendingMicros).toBe(0n);
  });

  it('never counts a posted charge as pending', () => {
    const posted = row({ hour: previous, kind: 'posted', amountMicros: 4_000n });
    expect(liveFigures([posted], new Set(), now)).toEqual({
      pendingMicros: 0n,
      spendRateMicros: 3_000n,
      pendingThrough: null,
    });
  });

  it('rates the last 60 minutes: this hour so far and the rest from the hour before', () => {
    // 12:15: this hour's 15 minutes cost 500; 45 of the previous hour's 60 cost ¾ of 4,000.
    const rows = [
      row({ amountMicros: 500n }),
      row({ hour: previous, kind: 'posted', amountMicros: 4_000n }),
      row({ hour: new Date(previous.getTime() - HOUR), kind: 'frozen', amountMicros: 9_999n }),
    ];
    expect(liveFigures(rows, new Set(), now).spendRateMicros).toBe(3_500n);
  });

  it('is zero with nothing pending or spent', () => {
    expect(liveFigures([], new Set(), now)).toEqual({
      pendingMicros: 0n,
      spendRateMicros: 0n,
      pendingThrough: null,
    });
  });
});
