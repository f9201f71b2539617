import { badInput } from '@tally/errors';
import type { PostingRequest } from '@tally/transport';
import { LedgerAccount, Posting, SystemAccount } from './ledger.types';

const systemAccounts = new Set<string>(Object.values(SystemAccount));
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const walletAccount = /^wallet:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Postings as other services send them (`wallet:<id>` / `system:<name>`, micros as text). */
export function postingsFrom(requests: readonly PostingRequest[]): Posting[] {
  return requests.map((request) => ({
    kind: request.kind,
    idempotencyKey: request.idempotencyKey,
    reason: request.reason,
    ...(request.usageHour === undefined ? {} : { usageHour: usageHourFrom(request.usageHour) }),
    lines: request.lines.map((line) => ({
      account: accountFrom(line.account),
      amountMicros: micros(line.amountMicros),
    })),
  }));
}

function accountFrom(name: string): LedgerAccount {
  if (systemAccounts.has(name)) return { system: name as SystemAccount };
  const wallet = walletAccount.exec(name);
  if (wallet) return { walletId: wallet[1] };
  throw badInput(`Unknown ledger account ${name}`, { reason: 'UNKNOWN_ACCOUNT' });
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

function micros(text: string): bigint {
  if (!/^-?\d{1,19}$/.test(text)) throw badInput('amountMicros must be an integer string');
  return BigInt(text);
}
