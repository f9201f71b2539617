import { badInput } from '@tally/errors';
import type { AlertKind } from '@tally/transport';

/** Why an alert cannot be created as asked (BAD_USER_INPUT, `details.reason`). */
export enum AlertErrorReason {
  UNKNOWN_KIND = 'UNKNOWN_KIND',
  THRESHOLD_MISSING = 'THRESHOLD_MISSING',
  THRESHOLD_NOT_OF_KIND = 'THRESHOLD_NOT_OF_KIND',
  PERCENT_OUT_OF_RANGE = 'PERCENT_OUT_OF_RANGE',
  HOURS_OUT_OF_RANGE = 'HOURS_OUT_OF_RANGE',
  SUB_ACCOUNT_NOT_OF_WALLET = 'SUB_ACCOUNT_NOT_OF_WALLET',
  BUDGET_NEEDS_SUB_ACCOUNT = 'BUDGET_NEEDS_SUB_ACCOUNT',
  NO_MONTHLY_BUDGET = 'NO_MONTHLY_BUDGET',
  TOO_MANY_ALERTS = 'TOO_MANY_ALERTS',
}

export const unknownKind = (kind: unknown) =>
  badInput(`Unknown alert kind ${String(kind)}`, { reason: AlertErrorReason.UNKNOWN_KIND });

export const thresholdMissing = (kind: AlertKind, field: string) =>
  badInput(`A ${kind} alert needs ${field}`, { reason: AlertErrorReason.THRESHOLD_MISSING, field });

export const thresholdNotOfKind = (kind: AlertKind, field: string) =>
  badInput(`A ${kind} alert takes no ${field}`, {
    reason: AlertErrorReason.THRESHOLD_NOT_OF_KIND,
    field,
  });

export const percentOutOfRange = (min: number, max: number) =>
  badInput(`percent must be a whole number from ${min} to ${max}`, {
    reason: AlertErrorReason.PERCENT_OUT_OF_RANGE,
  });

export const hoursOutOfRange = (min: number, max: number) =>
  badInput(`hours must be a whole number from ${min} to ${max}`, {
    reason: AlertErrorReason.HOURS_OUT_OF_RANGE,
  });

export const subAccountNotOfWallet = () =>
  badInput('subAccountId must be the sub-account whose wallet walletId is', {
    reason: AlertErrorReason.SUB_ACCOUNT_NOT_OF_WALLET,
  });

export const budgetNeedsSubAccount = () =>
  badInput("A budget alert needs a sub-account's wallet: only sub-accounts have budgets", {
    reason: AlertErrorReason.BUDGET_NEEDS_SUB_ACCOUNT,
  });

export const noMonthlyBudget = () =>
  badInput('The sub-account has no monthly budget to measure against (setMonthlyBudget)', {
    reason: AlertErrorReason.NO_MONTHLY_BUDGET,
  });

export const tooManyAlerts = (max: number) =>
  badInput(`A wallet has at most ${max} alerts; delete one first`, {
    reason: AlertErrorReason.TOO_MANY_ALERTS,
  });
