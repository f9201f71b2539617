import { badInput } from '@tally/errors';

const DAY_MS = 86_400_000;
/** A quarter and a day: the overview's chart is read whole, one point a day. */
export const MAX_PERIOD_DAYS = 92;
const CURRENCY = /^[A-Z]{3}$/;

/** Whole UTC days [from, to): the overview's daily totals are by UTC day. */
export interface DayPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** The overview's currency: an ISO 4217 code as wallets store it ("USD"). */
export function assertCurrency(currency: string): void {
  if (!CURRENCY.test(currency)) {
    throw badInput('currency must be an ISO 4217 code such as "USD"', { reason: 'BAD_CURRENCY' });
  }
}

/** [from, to) as whole UTC days, from before to, at most MAX_PERIOD_DAYS of them. */
export function dayPeriod(from: string, to: string): DayPeriod {
  const period = { from: utcMidnight(from, 'from'), to: utcMidnight(to, 'to') };
  const days = (period.to.getTime() - period.from.getTime()) / DAY_MS;
  if (days < 1 || days > MAX_PERIOD_DAYS) {
    throw badInput(`to must be 1 to ${MAX_PERIOD_DAYS} days after from`, { reason: 'BAD_PERIOD' });
  }
  return period;
}

/** Each UTC day of the period, by its first instant. */
export function daysOf({ from, to }: DayPeriod): Date[] {
  const days: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) days.push(new Date(t));
  return days;
}

/** The day after `day` (UTC midnight). */
export function nextDay(day: Date): Date {
  return new Date(day.getTime() + DAY_MS);
}

function utcMidnight(value: string, name: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || time.getTime() % DAY_MS !== 0) {
    throw badInput(`${name} must be a UTC midnight (a whole day)`, { reason: 'BAD_DAY' });
  }
  return time;
}
