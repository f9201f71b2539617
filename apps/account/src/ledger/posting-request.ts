import { badInput } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import { parseLedgerAccount, type PostingRequest } from '@tally/transport';
import type { Posting } from './ledger.types';

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Postings as other services send them (account names and micro-units in the wire form). */
export function postingsFrom(requests: readonly PostingRequest[]): Posting[] {
  return requests.map((request) => ({
    kind: request.kind,
    idempotencyKey: request.idempotencyKey,
    reason: request.reason,
    ...(request.usageHour === undefined ? {} : { usageHour: usageHourFrom(request.usageHour) }),
    lines: request.lines.map((line) => ({
      account: parseLedgerAccount(line.account),
      amountMicros: parseWireMicros(line.amountMicros, { label: 'amountMicros' }),
    })),
  }));
}

function usageHourFrom(text: string): Date {
  const hour = new Date(text);
  if (!isoTime.test(text) || Number.isNaN(hour.getTime())) {
    throw badInput('usageHour must be an ISO time such as 2026-03-31T23:00:00.000Z', {
      reason: 'BAD_USAGE_HOUR',
    });
  }
  return hour;
}
