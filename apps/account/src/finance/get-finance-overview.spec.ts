import { DomainError } from '@tally/errors';
import type { Principal } from '@tally/transport';
import type { DayPeriod } from './finance-period';
import type {
  DayKindRow,
  DebtStateRow,
  IFinanceOverviewRepository,
} from './finance-overview.repository';
import { GetFinanceOverview } from './get-finance-overview';

const finance: Principal = { kind: 'user', userId: 'u-1', platformRole: 'FINANCE' };
const member: Principal = { kind: 'user', userId: 'u-2', platformRole: null };
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** Answers from memory, and records which reads and roll-ups were asked for. */
class FakeFigures implements IFinanceOverviewRepository {
  readonly rolledUp: string[] = [];
  readonly live: DayPeriod[] = [];
  constructor(private readonly rolled: DayKindRow[] = []) {}
  debtStates(): Promise<DebtStateRow[]> {
    return Promise.resolve([
      { state: 'NORMAL', wallets: 2, balanceMicros: 10_000_000n },
      { state: 'CRITICAL', wallets: 1, balanceMicros: -1n },
    ]);
  }
  promotionalMicros = () => Promise.resolve(3_000_000n);
  pendingMicros = () => Promise.resolve(42n);
  daysToRollUp = (days: readonly Date[]) => Promise.resolve(days.slice(1));
  rollUpDay(d: Date): Promise<void> {
    this.rolledUp.push(d.toISOString().slice(0, 10));
    return Promise.resolve();
  }
  rolledUpTotals = () => Promise.resolve(this.rolled);
  liveTotals(_: string, period: DayPeriod): Promise<DayKindRow[]> {
    this.live.push(period);
    return Promise.resolve([{ day: period.from, kind: 'recharge', amountMicros: 5n }]);
  }
}

const input = { currency: 'USD', from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' };

describe('GetFinanceOverview', () => {
  it('sums the states into the balance and splits it into paid and promotional', async () => {
    const view = await new GetFinanceOverview(new FakeFigures()).execute(
      { principal: finance, input },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(view).toMatchObject({
      balanceMicros: '9999999',
      promotionalMicros: '3000000',
      paidMicros: '6999999',
      wallets: 3,
      pendingMicros: '42',
      debtStates: [
        { state: 'NORMAL', wallets: 2 },
        { state: 'CRITICAL', wallets: 1 },
      ],
    });
  });

  it('rolls up the closed days it lacks, reads them rolled up, and reads open days live', async () => {
    const figures = new FakeFigures([
      { day: day('2026-11-01'), kind: 'usage', amountMicros: -7n },
      { day: day('2026-11-01'), kind: 'usage_adjustment', amountMicros: 2n },
      { day: day('2026-11-01'), kind: 'transfer', amountMicros: 9n },
    ]);
    // 00:30 on the 3rd: the 2nd ended half an hour ago, inside the grace hour, so it is open.
    const view = await new GetFinanceOverview(figures).execute(
      { principal: finance, input },
      new Date('2026-11-03T00:30:00Z'),
    );
    expect(figures.rolledUp).toEqual([]);
    expect(figures.live).toEqual([{ from: day('2026-11-02'), to: day('2026-11-04') }]);
    expect(view.days).toEqual([
      { day: '2026-11-01T00:00:00.000Z', chargesMicros: '5', rechargesMicros: '0' },
      { day: '2026-11-02T00:00:00.000Z', chargesMicros: '0', rechargesMicros: '5' },
      { day: '2026-11-03T00:00:00.000Z', chargesMicros: '0', rechargesMicros: '0' },
    ]);

    const later = new FakeFigures();
    await new GetFinanceOverview(later).execute(
      { principal: finance, input },
      new Date('2026-11-20T00:00:00Z'),
    );
    // The fake says the first day is rolled up already.
    expect(later.rolledUp).toEqual(['2026-11-02', '2026-11-03']);
    expect(later.live).toEqual([]);
  });

  it('refuses anyone but finance and platform admins before reading the input', async () => {
    const refused = await new GetFinanceOverview(new FakeFigures())
      .execute({ principal: member, input: { ...input, currency: 'bad' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('FORBIDDEN');
  });
});
