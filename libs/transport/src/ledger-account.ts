import { badInput } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import type { MicrosString } from './account.contract';
import type { Resource } from './billing.contract';

/**
 * System accounts sit on the other side of wallet postings. They have no balance row —
 * their balance is the sum of their entries — so no posting ever waits on them.
 */
export enum SystemAccount {
  StripeClearing = 'system:stripe_clearing',
  Revenue = 'system:revenue',
  // Usage revenue per resource (`system:revenue:<resource lowercase>`), credited by settlement.
  RevenueCpu = 'system:revenue:cpu',
  RevenueMemory = 'system:revenue:memory',
  RevenueStorage = 'system:revenue:storage',
  RevenueGpu = 'system:revenue:gpu',
  RevenueNetworkEgress = 'system:revenue:network_egress',
  RevenueNodeport = 'system:revenue:nodeport',
  PromotionalCredit = 'system:promotional_credit',
  Adjustments = 'system:adjustments',
  WriteOff = 'system:write_off',
}

/** An account of the ledger: a wallet (a tenant's or a sub-account's), or a system account. */
export type LedgerAccount = { readonly walletId: string } | { readonly system: SystemAccount };

declare const ledgerAccountNameBrand: unique symbol;

/**
 * A ledger account as it is written in postings and entries: `wallet:<uuid>` or one of the
 * SystemAccount names. Made only by `ledgerAccountName`, read back by `parseLedgerAccount`.
 */
export type LedgerAccountName = string & { readonly [ledgerAccountNameBrand]: true };

/** One line of a posting on the wire: `amountMicros` into (negative: out of) `account`. */
export interface PostingLineRequest {
  readonly account: LedgerAccountName;
  readonly amountMicros: MicrosString;
}

// Typed by Resource, so a new resource does not compile until it has a revenue account.
const REVENUE_BY_RESOURCE: Record<Resource, SystemAccount> = {
  CPU: SystemAccount.RevenueCpu,
  MEMORY: SystemAccount.RevenueMemory,
  STORAGE: SystemAccount.RevenueStorage,
  GPU: SystemAccount.RevenueGpu,
  NETWORK_EGRESS: SystemAccount.RevenueNetworkEgress,
  NODEPORT: SystemAccount.RevenueNodeport,
};

/** What the per-resource revenue accounts' names start with (statements read them by it). */
export const REVENUE_ACCOUNT_PREFIX = `${SystemAccount.Revenue}:`;

const WALLET_PREFIX = 'wallet:';
const SYSTEM_ACCOUNTS = new Set<string>(Object.values(SystemAccount));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The account usage of `resource` is credited to. */
export function revenueAccount(resource: Resource): LedgerAccount {
  return { system: REVENUE_BY_RESOURCE[resource] };
}

export function ledgerAccountName(account: LedgerAccount): LedgerAccountName {
  const name = 'walletId' in account ? `${WALLET_PREFIX}${account.walletId}` : account.system;
  return name as LedgerAccountName;
}

/**
 * Reads an account name as other services send it. Anything but `wallet:<lower-case uuid>`
 * or a SystemAccount name is refused with BAD_USER_INPUT (reason UNKNOWN_ACCOUNT).
 */
export function parseLedgerAccount(name: unknown): LedgerAccount {
  if (typeof name === 'string') {
    if (SYSTEM_ACCOUNTS.has(name)) return { system: name as SystemAccount };
    const walletId = name.startsWith(WALLET_PREFIX) ? name.slice(WALLET_PREFIX.length) : '';
    if (UUID.test(walletId)) return { walletId };
  }
  throw badInput(`Unknown ledger account ${String(name)}`, { reason: 'UNKNOWN_ACCOUNT' });
}

/** A posting line of `micros` into (negative: out of) `account`, in the wire form. */
export function postingLine(account: LedgerAccount, micros: bigint): PostingLineRequest {
  return { account: ledgerAccountName(account), amountMicros: toWireMicros(micros) };
}
