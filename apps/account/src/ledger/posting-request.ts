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
    // Services grant one kind of credit: recharge bonuses (finance grants come by grantCredit).
    ...(request.grant === undefined
      ? {}
      : {
          grant: { source: 'BONUS' as const, expiresAt: grantExpiryFrom(request.grant.expiresAt) },
        }),
    ...(request.clawsBack === undefined ? {} : { clawsBack: clawedBackFrom(request) }),
    lines: request.lines.map((line) => ({
      account: parseLedgerAccount(line.account),
      amountMicros: parseWireMicros(line.amountMicros, { label: 'amountMicros' }),
    })),
  }));
}

/**
 * An instant as the services send them, ISO 8601 in UTC; anything else is refused with
 * BAD_USER_INPUT and `reason`.
 */
export function isoInstant(text: string, label: string, reason: string): Date {
  const at = new Date(text);
  if (!isoTime.test(text) || Number.isNaN(at.getTime())) {
    throw badInput(`${label} must be an ISO time such as 2026-03-31T23:00:00.000Z`, { reason });
  }
  return at;
}

/** Only a claw-back draws from a named grant first; on any other kind the name is a mistake. */
function clawedBackFrom(request: PostingRequest): string {
  if (request.kind !== 'bonus_clawback') {
    throw badInput('clawsBack is for bonus_clawback postings only', { reason: 'NOT_A_CLAWBACK' });
  }
  return request.clawsBack!;
}

const grantExpiryFrom = (text: string) => isoInstant(text, 'grant.expiresAt', 'BAD_EXPIRY');
const usageHourFrom = (text: string) => isoInstant(text, 'usageHour', 'BAD_USAGE_HOUR');
