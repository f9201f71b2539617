import { badInput } from '@tally/errors';
import type { PostingRequest } from '@tally/transport';
import { LedgerAccount, Posting, SystemAccount } from './ledger.types';

const systemAccounts = new Set<string>(Object.values(SystemAccount));
const walletAccount = /^wallet:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Postings as other services send them (`wallet:<id>` / `system:<name>`, micros as text). */
export function postingsFrom(requests: readonly PostingRequest[]): Posting[] {
  return requests.map((request) => ({
    kind: request.kind,
    idempotencyKey: request.idempotencyKey,
    reason: request.reason,
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

function micros(text: string): bigint {
  if (!/^-?\d{1,19}$/.test(text)) throw badInput('amountMicros must be an integer string');
  return BigInt(text);
}
