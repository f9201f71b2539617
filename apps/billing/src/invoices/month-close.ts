import { badInput, DomainError } from '@tally/errors';
import type { SettlementProgressView } from '@tally/transport';
import type { BillingMonth } from './billing-month';

const MONTH_NOT_SETTLED = 'MONTH_NOT_SETTLED';

/**
 * When a month may be closed, and its usage cutoff: every hour of it settled by metering (all
 * its charges in the ledger), the last one at least `marginMs` ago, so that a posting still in
 * flight when that hour was marked (a correction, say) has committed before the figures are
 * read. The cutoff is that last hour's posting time, never before the month's end: usage of
 * the month posted before it is charged on the month's statement, anything posted later on
 * the next one. Throws MONTH_NOT_SETTLED (BAD_USER_INPUT, like a month not over) otherwise.
 */
export function monthUsageCutoff(
  month: BillingMonth,
  progress: SettlementProgressView,
  marginMs: number,
  now: Date,
): Date {
  if (progress.unsettledHours > 0) {
    throw badInput(
      `${month.month} is not closed yet: ${progress.unsettledHours} of its hours are not settled (the first is ${progress.firstUnsettledHour})`,
      {
        reason: MONTH_NOT_SETTLED,
        unsettledHours: progress.unsettledHours,
        firstUnsettledHour: progress.firstUnsettledHour,
      },
    );
  }
  const lastPosted = progress.lastPostedAt === null ? null : new Date(progress.lastPostedAt);
  if (lastPosted !== null && now.getTime() < lastPosted.getTime() + marginMs) {
    const closesAt = new Date(lastPosted.getTime() + marginMs).toISOString();
    throw badInput(`${month.month} is not closed yet: it closes at ${closesAt}`, {
      reason: MONTH_NOT_SETTLED,
      unsettledHours: 0,
      closesAt,
    });
  }
  return lastPosted !== null && lastPosted > month.end ? lastPosted : month.end;
}

export function isMonthNotSettled(error: unknown): error is DomainError {
  return error instanceof DomainError && error.details?.reason === MONTH_NOT_SETTLED;
}
