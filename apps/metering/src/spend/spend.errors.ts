import { badInput } from '@tally/errors';

/** Why a daily spend range is refused (BAD_USER_INPUT, `details.reason`). */
export enum SpendErrorReason {
  BAD_RANGE = 'BAD_RANGE',
  NOT_WHOLE_DAYS = 'NOT_WHOLE_DAYS',
  RANGE_TOO_LONG = 'RANGE_TOO_LONG',
  UNKNOWN_GROUPING = 'UNKNOWN_GROUPING',
}

export const badRange = () =>
  badInput('from must be an instant before to', { reason: SpendErrorReason.BAD_RANGE });

export const notWholeDays = () =>
  badInput('from and to must be UTC midnights: spending is summed per whole UTC day', {
    reason: SpendErrorReason.NOT_WHOLE_DAYS,
  });

export const rangeTooLong = (maxDays: number) =>
  badInput(`A daily spend range spans at most ${maxDays} days`, {
    reason: SpendErrorReason.RANGE_TOO_LONG,
  });

export const unknownGrouping = (groupBy: unknown) =>
  badInput(`Unknown grouping ${String(groupBy)}: NAMESPACE, SUB_ACCOUNT or RESOURCE`, {
    reason: SpendErrorReason.UNKNOWN_GROUPING,
  });
