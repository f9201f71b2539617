import { Inject, Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import {
  isFinanceStaff,
  type Authenticated,
  type DayTotalsView,
  type FinanceOverviewView,
  type RpcRequest,
} from '@tally/transport';
import { assertCurrency, dayPeriod, daysOf, type DayPeriod } from './finance-period';
import {
  FinanceOverviewRepository,
  type DayKindRow,
  type IFinanceOverviewRepository,
} from './finance-overview.repository';

type OverviewInput = RpcRequest<'account.finance.overview'>['input'];

/** Charges are usage and its reconciliation corrections; recharges are paid top-ups. */
const CHARGE_KINDS = ['usage', 'usage_adjustment'];
const RECHARGE_KINDS = ['recharge'];
/**
 * A day is rolled up once it ended this long ago. An entry's created_at is its posting's start
 * (now() in Postgres) and postings are short transactions, so by then every entry of the day is
 * committed and the rolled-up totals are exactly the day's.
 */
export const DAY_CLOSE_GRACE_MS = 3_600_000;

/**
 * Finance staff's and platform admins' overview of one currency: balances (paid and
 * promotional), pending usage, wallets per debt state, and charges and recharges per UTC day.
 * Closed days are rolled up the first time they are asked for; open days are read live.
 */
@Injectable()
export class GetFinanceOverview {
  constructor(
    @Inject(FinanceOverviewRepository) private readonly figures: IFinanceOverviewRepository,
  ) {}

  async execute(
    { principal, input }: Authenticated<OverviewInput>,
    now = new Date(),
  ): Promise<FinanceOverviewView> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may see the finance overview');
    }
    assertCurrency(input.currency);
    const period = dayPeriod(input.from, input.to);
    const [states, promotional, pending, days] = await Promise.all([
      this.figures.debtStates(input.currency),
      this.figures.promotionalMicros(input.currency),
      this.figures.pendingMicros(input.currency),
      this.dailyTotals(input.currency, period, now),
    ]);
    const balance = states.reduce((sum, row) => sum + row.balanceMicros, 0n);
    return {
      currency: input.currency,
      balanceMicros: toWireMicros(balance),
      promotionalMicros: toWireMicros(promotional),
      paidMicros: toWireMicros(balance - promotional),
      wallets: states.reduce((sum, row) => sum + row.wallets, 0),
      pendingMicros: toWireMicros(pending),
      debtStates: states.map(({ state, wallets }) => ({ state, wallets })),
      days,
    };
  }

  private async dailyTotals(
    currency: string,
    period: DayPeriod,
    now: Date,
  ): Promise<DayTotalsView[]> {
    const open = openSince(now);
    const closed = { from: period.from, to: min(period.to, open) };
    const live = { from: max(period.from, open), to: period.to };
    const kinds = [...CHARGE_KINDS, ...RECHARGE_KINDS];
    const rows: DayKindRow[] = [];
    if (closed.from < closed.to) {
      for (const day of await this.figures.daysToRollUp(daysOf(closed))) {
        await this.figures.rollUpDay(day);
      }
      rows.push(...(await this.figures.rolledUpTotals(currency, closed, kinds)));
    }
    if (live.from < live.to) rows.push(...(await this.figures.liveTotals(currency, live, kinds)));
    return daysOf(period).map((day) => dayTotals(day, rows));
  }
}

/** The first day not closed at `now`: the UTC midnight at or before now − the grace. */
function openSince(now: Date): Date {
  const day = new Date(now.getTime() - DAY_CLOSE_GRACE_MS);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

function dayTotals(day: Date, rows: readonly DayKindRow[]): DayTotalsView {
  const ofDay = rows.filter((row) => row.day.getTime() === day.getTime());
  const sum = (kinds: readonly string[]) =>
    ofDay.filter((row) => kinds.includes(row.kind)).reduce((s, row) => s + row.amountMicros, 0n);
  return {
    day: day.toISOString(),
    // Wallet entries of a charge are negative: money charged is what left the wallets.
    chargesMicros: toWireMicros(-sum(CHARGE_KINDS)),
    rechargesMicros: toWireMicros(sum(RECHARGE_KINDS)),
  };
}

const min = (a: Date, b: Date) => (a < b ? a : b);
const max = (a: Date, b: Date) => (a > b ? a : b);
