import { badInput } from '@tally/errors';

export interface BillingMonth {
  /** YYYY-MM */
  readonly month: string;
  /** First instant of the month, UTC. */
  readonly start: Date;
  /** First instant of the next month, UTC (exclusive end). */
  readonly end: Date;
}

/** A calendar month in UTC from `YYYY-MM`. */
export function billingMonth(month: string): BillingMonth {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (match === null) throw badInput('month must be YYYY-MM', { reason: 'BAD_MONTH' });
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    month,
    start: new Date(Date.UTC(year, index, 1)),
    end: new Date(Date.UTC(year, index + 1, 1)),
  };
}

/** The month before the one `at` falls in: what a run on the 1st invoices. */
export function previousMonth(at: Date): string {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1));
  return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}
