import type { WireMicros } from '@tally/money';
import type { PostingLineRequest } from './ledger-account';
import type { Actor, Authenticated, MemberRole, PlatformRole, Principal } from './principal';

// Money crosses process boundaries as micro-units in an integer string ("12500000"), never as
// a JSON number nor as a decimal: made by `toWireMicros`, read by `parseWireMicros`
// (@tally/money). Timestamps are ISO 8601 strings.
export type MicrosString = WireMicros;
export type IsoTime = string;

export type WalletKind = 'TENANT' | 'SUB_ACCOUNT';
export type DebtState = 'NORMAL' | 'LOW_BALANCE' | 'CRITICAL' | 'SUSPENDED' | 'RECLAIMED';
export type NamespaceState = 'ACTIVE' | 'SUSPENDING' | 'SUSPENDED' | 'RESUMING';

export interface UserView {
  readonly id: string;
  readonly externalId: string;
  readonly email: string | null;
  readonly platformRole: PlatformRole | null;
}

export interface MembershipView {
  readonly tenantId: string;
  readonly userId: string;
  readonly role: MemberRole;
}

export interface TenantView {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly walletId: string;
}

/** A page of tenants; each cursor is opaque to callers (the account service reads it back). */
export interface TenantsPage {
  readonly edges: readonly { readonly cursor: string; readonly tenant: TenantView }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** What a person did by hand (issue 14's finance actions). */
export type AuditKind =
  | 'BALANCE_ADJUSTED'
  | 'CREDIT_GRANTED'
  | 'RECHARGE_REFUNDED'
  | 'INVOICE_VOIDED'
  | 'INVOICE_REISSUED'
  | 'NAMESPACE_SUSPENDED'
  | 'NAMESPACE_RESUMED';

export type AuditTargetType = 'wallet' | 'invoice' | 'recharge' | 'namespace';

/**
 * An action by a person that a service other than account took, for the audit trail: sent
 * through that service's outbox in the action's own transaction, written once per actionKey.
 */
export interface AuditRecordMessage {
  readonly actionKey: string;
  readonly kind: AuditKind;
  readonly actorType: Actor['type'];
  readonly actorId: string | null;
  readonly requestId: string | null;
  readonly tenantId: string;
  readonly targetType: AuditTargetType;
  readonly targetId: string;
  readonly reason: string;
  readonly amountMicros: MicrosString | null;
  readonly currency: string | null;
  readonly transactionId: string | null;
}

/** One action by a person, as the audit log shows it. */
export interface AuditRecordView {
  readonly id: string;
  readonly kind: AuditKind;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly tenantId: string;
  readonly targetType: AuditTargetType;
  readonly targetId: string;
  readonly reason: string;
  readonly requestId: string | null;
  readonly amountMicros: MicrosString | null;
  readonly currency: string | null;
  readonly transactionId: string | null;
  readonly createdAt: IsoTime;
}

/** A page of the audit log, newest first; cursors are opaque to callers. */
export interface AuditRecordsPage {
  readonly edges: readonly { readonly cursor: string; readonly record: AuditRecordView }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface SubAccountView {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly monthlyBudgetMicros: MicrosString | null;
  /** The most its workspaces may spend in a calendar month (UTC); null = no cap. */
  readonly spendingCapMicros: MicrosString | null;
  readonly walletId: string;
}

export interface WalletView {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: WalletKind;
  readonly subAccountId: string | null;
  readonly balanceMicros: MicrosString;
  readonly currency: string;
  readonly debtState: DebtState;
}

/**
 * A wallet as of now (contract: Wallet.pendingCharges, availableBalance, spendRate, runsOutAt):
 * its ledger balance less the usage metering has priced and the ledger does not have yet.
 */
export interface LiveWalletView {
  readonly wallet: WalletView;
  /** Priced usage of the hours not settled yet (not money in the ledger). */
  readonly pendingMicros: MicrosString;
  /** balance − pending. */
  readonly availableMicros: MicrosString;
  /** What the wallet's namespaces cost per hour, over the last hour of minutes. */
  readonly spendRateMicros: MicrosString;
  /** When the available balance reaches zero at that rate; null when not spending. */
  readonly runsOutAt: IsoTime | null;
  /** The end of the last minute of usage the pending figure counts; null when none. */
  readonly pendingThrough: IsoTime | null;
}

/** One wallet's priced usage of an hour, as metering publishes it. */
export interface WalletHourAmountView {
  readonly walletId: string;
  readonly amountMicros: MicrosString;
}

export interface WorkspaceView {
  readonly id: string;
  readonly namespace: string;
  readonly tenantId: string;
  readonly subAccountId: string | null;
  readonly walletId: string;
  readonly state: NamespaceState;
  /** The most this namespace may spend in a calendar month (UTC); null = no cap. */
  readonly spendingCapMicros: MicrosString | null;
}

export type SpendingCapScopeKind = 'WORKSPACE' | 'SUB_ACCOUNT';

/** A spending cap with what metering needs to evaluate it: the namespaces it covers. */
export interface SpendingCapView {
  /** The workspace's or the sub-account's id. */
  readonly scopeId: string;
  readonly scopeKind: SpendingCapScopeKind;
  readonly tenantId: string;
  /** The wallet the scope's namespaces draw on. */
  readonly walletId: string;
  readonly capMicros: MicrosString;
  readonly namespaces: readonly string[];
}

export interface LedgerEntryView {
  readonly id: string;
  readonly transactionId: string;
  readonly walletId: string | null;
  readonly account: string;
  readonly amountMicros: MicrosString;
  readonly createdAt: IsoTime;
}

export interface LedgerTransactionView {
  readonly id: string;
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly createdAt: IsoTime;
  readonly entries: readonly LedgerEntryView[];
}

/** A wallet's entry with the kind of the transaction it belongs to. */
export interface WalletEntryView extends LedgerEntryView {
  readonly kind: string;
}

/** Which of a wallet's entries a page (or an export) reads; null fields select everything. */
export interface EntriesFilter {
  /** The transaction kind (`usage`, `recharge`, `transfer`, `adjustment`, ...). */
  readonly kind: string | null;
  /** Entries created at or after. */
  readonly from: IsoTime | null;
  /** Entries created before. */
  readonly to: IsoTime | null;
}

export interface EntriesPage {
  readonly entries: readonly WalletEntryView[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export type CreditSource = 'BONUS' | 'GRANT';

/** Promotional credit in a wallet and what is left of it. */
export interface CreditGrantView {
  readonly id: string;
  readonly walletId: string;
  readonly source: CreditSource;
  readonly amountMicros: MicrosString;
  readonly remainingMicros: MicrosString;
  /** Spent (or clawed back): amount − remaining − expired. */
  readonly usedMicros: MicrosString;
  readonly expiredMicros: MicrosString;
  readonly reason: string | null;
  readonly grantedAt: IsoTime;
  readonly expiresAt: IsoTime;
  readonly expiredAt: IsoTime | null;
}

export interface ApiKeyView {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: IsoTime;
  readonly lastUsedAt: IsoTime | null;
  readonly revokedAt: IsoTime | null;
}

/** A charge or other system posting, as metering and billing send them. */
export interface PostingRequest {
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly lines: readonly PostingLineRequest[];
  readonly reason?: string;
  /** `usage` and `usage_adjustment` only, and required there: the UTC hour charged for. */
  readonly usageHour?: IsoTime;
  /**
   * The wallet's credit in this posting is promotional (a recharge bonus): a grant, spent
   * before paid money, whose remainder leaves the wallet at `expiresAt`. Not part of what
   * makes a replay the same posting: a replay adds no grant.
   */
  readonly grant?: { readonly expiresAt: IsoTime };
  /**
   * `bonus_clawback` only: the idempotency key of the bonus posting clawed back. The claw-back
   * takes from that bonus's grant first (what is left of it), then by the usual rule. Like
   * `grant`, not part of what makes a replay the same posting.
   */
  readonly clawsBack?: string;
}

export interface PostingResult {
  readonly idempotencyKey: string;
  readonly transactionId: string;
  readonly outcome: 'created' | 'replayed' | 'conflict';
}

/** Net movement of one wallet in a period from ledger transactions of one kind. */
export interface KindMovement {
  /** The ledger transaction kind: recharge, usage, usage_adjustment, transfer, budget, ... */
  readonly kind: string;
  readonly amountMicros: MicrosString;
  readonly transactions: number;
}

export interface WalletFigures {
  readonly walletId: string;
  readonly kind: WalletKind;
  readonly subAccountId: string | null;
  readonly subAccountName: string | null;
  /** Σ entries created before periodStart. */
  readonly openingMicros: MicrosString;
  /** Σ entries created before periodEnd (read from the ledger, not derived). */
  readonly closingMicros: MicrosString;
  readonly movements: readonly KindMovement[];
  readonly credit: CreditFigures;
}

/**
 * A wallet's promotional credit in the period, by posting time as balances are: open credit
 * (granted − drawn − expired) before periodStart and before periodEnd, what was granted and
 * drawn (spent, clawed back) in between. Credit a transfer or budget top-up moved between the
 * tenant's own wallets is neither granted nor used: it is moved out of the paying wallet (the
 * draws the move took) and moved in to the receiving one (the grants it wrote). What expired is
 * the ledger's own `credit_expiry` movement.
 */
export interface CreditFigures {
  readonly openingMicros: MicrosString;
  /** Real grants only: bonuses and grantCredit. */
  readonly grantedMicros: MicrosString;
  /** Grants a move from another of the tenant's wallets wrote here (moved_from_grant_id). */
  readonly movedInMicros: MicrosString;
  /** Real draws only: spending, claw-back, debt a grant paid on arrival. */
  readonly usedMicros: MicrosString;
  /** Draws a move took from this wallet's grants to another of the tenant's wallets. */
  readonly movedOutMicros: MicrosString;
  readonly closingMicros: MicrosString;
}

/**
 * Where a statement puts usage (see apps/billing/src/statements/statement.ts): `period`, used in
 * one of the period's hours and posted before the usage cutoff; `prior`, used before the period
 * and posted in [usageSince, usageCutoff), after the previous statement was closed; `null`,
 * charged on another statement (listed only when posted in the period).
 */
export type UsageCharged = 'period' | 'prior' | null;

/**
 * What usage or usage_adjustment transactions credited to `system:revenue:<resource>` for one
 * namespace (from the key `charge:<ns>:<hour>` / `recon:<ns>:<hour>:<n>`), drawn from
 * `walletId`, summed by the month of their usage hour and by where the statement puts them.
 * Positive: consumed by the tenant.
 */
export interface UsageFigure {
  readonly walletId: string;
  readonly namespace: string;
  /** The revenue account's suffix, upper-cased (CPU, MEMORY, ...). */
  readonly resource: string;
  readonly kind: string;
  /** YYYY-MM of the hours the usage is for (UTC). */
  readonly usageMonth: string;
  readonly charged: UsageCharged;
  /** Posted in [periodStart, periodEnd): it moved the period's balances. */
  readonly postedInPeriod: boolean;
  readonly amountMicros: MicrosString;
}

/**
 * The ledger's figures of one tenant for [periodStart, periodEnd): balances and movements by
 * posting time, usage also by the hour it was used in.
 */
export interface StatementFigures {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly currency: string;
  readonly periodStart: IsoTime;
  readonly periodEnd: IsoTime;
  /** Prior-period usage counts from here: the previous statement's usage cutoff. */
  readonly usageSince: IsoTime;
  /** Usage posted from here on is left to later statements; null: none yet (figures so far). */
  readonly usageCutoff: IsoTime | null;
  readonly wallets: readonly WalletFigures[];
  readonly usage: readonly UsageFigure[];
}

export type TenantPermission = 'read' | 'manage' | 'adjust' | 'alert' | 'limit';

type Rpc<Req, Res> = { request: Req; response: Res };
type Ids = { readonly ids: readonly string[] };

export interface AccountContract {
  // Identity
  'account.auth.resolveUser': Rpc<{ externalId: string; email?: string }, Principal>;
  'account.auth.resolveApiKey': Rpc<{ secret: string }, Principal>;
  'account.me': Rpc<Authenticated<Record<string, never>>, UserView>;
  'account.members.add': Rpc<
    Authenticated<{ tenantId: string; externalId: string; email?: string; role: MemberRole }>,
    MembershipView
  >;
  'account.members.byTenants': Rpc<Authenticated<Ids>, MembershipView[]>;
  'account.members.byUser': Rpc<Authenticated<{ userId: string }>, MembershipView[]>;
  'account.users.byIds': Rpc<Authenticated<Ids>, UserView[]>;
  'account.apiKeys.create': Rpc<
    Authenticated<{ tenantId: string; name: string }>,
    { apiKey: ApiKeyView; secret: string }
  >;
  'account.apiKeys.revoke': Rpc<Authenticated<{ id: string }>, ApiKeyView>;
  /** Who may manage the tenant (NOT_FOUND or FORBIDDEN otherwise): its keys, newest first. */
  'account.apiKeys.byTenant': Rpc<Authenticated<{ tenantId: string }>, ApiKeyView[]>;

  // Tenants, sub-accounts, wallets, workspaces
  'account.tenants.create': Rpc<
    Authenticated<{ name: string; currency: string; ownerExternalId: string; ownerEmail?: string }>,
    TenantView
  >;
  'account.tenants.byIds': Rpc<Authenticated<Ids>, TenantView[]>;
  /**
   * Finance and platform admins: tenants by name, id, workspace namespace or member, in name
   * order; `search` null lists every tenant.
   */
  'account.tenants.search': Rpc<
    Authenticated<{ search: string | null; first: number; after: string | null }>,
    TenantsPage
  >;
  'account.subAccounts.create': Rpc<
    Authenticated<{ tenantId: string; name: string; monthlyBudgetMicros: MicrosString | null }>,
    SubAccountView
  >;
  'account.subAccounts.setBudget': Rpc<
    Authenticated<{ subAccountId: string; monthlyBudgetMicros: MicrosString | null }>,
    SubAccountView
  >;
  /**
   * Owners, admins and finance: a monthly spending cap on one workspace or one sub-account
   * (exactly one id); null removes it.
   */
  'account.spendingCaps.set': Rpc<
    Authenticated<{
      workspaceId: string | null;
      subAccountId: string | null;
      monthlyCapMicros: MicrosString | null;
    }>,
    { workspace: WorkspaceView | null; subAccount: SubAccountView | null }
  >;
  /** Services only (metering's evaluation): the caps of scopes drawing on these wallets. */
  'account.spendingCaps.byWallets': Rpc<Authenticated<Ids>, SpendingCapView[]>;
  'account.subAccounts.byIds': Rpc<Authenticated<Ids>, SubAccountView[]>;
  'account.subAccounts.byTenants': Rpc<Authenticated<Ids>, SubAccountView[]>;
  'account.wallets.byIds': Rpc<Authenticated<Ids>, WalletView[]>;
  /** Wallets the caller may read (others are left out), live to the minute. */
  'account.wallets.live': Rpc<Authenticated<Ids>, LiveWalletView[]>;
  /**
   * Metering's estimate of an open hour, per wallet, replacing the last one whole; estimates
   * of hours before `dropOpenBefore` are dropped. Changes nothing once the hour is frozen.
   */
  'account.pending.replaceOpenHour': Rpc<
    Authenticated<{
      hour: IsoTime;
      wallets: readonly (WalletHourAmountView & { readonly throughMinute: IsoTime })[];
      dropOpenBefore: IsoTime;
    }>,
    null
  >;
  /** Settlement froze the hour: its charges per wallet, before any of them is posted. */
  'account.pending.freezeHour': Rpc<
    Authenticated<{ hour: IsoTime; charges: readonly WalletHourAmountView[] }>,
    null
  >;
  /** Every charge of the hour is posted; posted hours before `dropPostedBefore` are dropped. */
  'account.pending.hourPosted': Rpc<
    Authenticated<{ hour: IsoTime; dropPostedBefore: IsoTime }>,
    null
  >;
  /** Newest first; `first` 1 to 5,000 (the public API pages by at most 200, exports by more). */
  'account.wallets.entries': Rpc<
    Authenticated<{
      walletId: string;
      first: number;
      after: string | null;
      filter?: EntriesFilter;
    }>,
    EntriesPage
  >;
  'account.ledger.transactionsByIds': Rpc<Authenticated<Ids>, LedgerTransactionView[]>;
  'account.ledger.transfer': Rpc<
    Authenticated<{
      fromWalletId: string;
      toWalletId: string;
      amountMicros: MicrosString;
      idempotencyKey: string;
    }>,
    LedgerTransactionView
  >;
  'account.ledger.adjust': Rpc<
    Authenticated<{
      walletId: string;
      amountMicros: MicrosString;
      reason: string;
      idempotencyKey: string;
    }>,
    LedgerTransactionView
  >;
  /** Finance and platform admins: promotional credit into a wallet, expiring at `expiresAt`. */
  'account.credits.grant': Rpc<
    Authenticated<{
      walletId: string;
      amountMicros: MicrosString;
      expiresAt: IsoTime;
      reason: string;
      /** Absent: the grant's content is its key, so the same grant sent twice is one grant. */
      idempotencyKey?: string;
    }>,
    CreditGrantView
  >;
  /** The grants of the wallets the caller may read, soonest expiry first. */
  'account.credits.byWallets': Rpc<Authenticated<Ids>, CreditGrantView[]>;
  'account.ledger.postBatch': Rpc<
    Authenticated<{ postings: readonly PostingRequest[] }>,
    PostingResult[]
  >;
  /**
   * NOT_FOUND unless the caller may read the tenant. `usageSince` (default: periodStart, at or
   * after it) and `usageCutoff` (default: none, else at or after periodEnd): see UsageCharged.
   */
  'account.statements.figures': Rpc<
    Authenticated<{
      tenantId: string;
      periodStart: IsoTime;
      periodEnd: IsoTime;
      usageSince?: IsoTime;
      usageCutoff?: IsoTime | null;
    }>,
    StatementFigures
  >;
  /** Services only: every tenant created before `before`, for month-end runs. */
  'account.statements.tenants': Rpc<Authenticated<{ before: IsoTime }>, string[]>;
  /** Answers when the caller holds `permission` on the tenant; NOT_FOUND or FORBIDDEN otherwise. */
  'account.access.check': Rpc<
    Authenticated<{ tenantId: string; permission: TenantPermission }>,
    { allowed: true }
  >;
  'account.workspaces.create': Rpc<
    Authenticated<{ tenantId: string; subAccountId: string | null; namespace: string }>,
    WorkspaceView
  >;
  'account.workspaces.move': Rpc<
    Authenticated<{ namespace: string; subAccountId: string | null }>,
    WorkspaceView
  >;
  'account.workspaces.byNamespace': Rpc<Authenticated<{ namespace: string }>, WorkspaceView | null>;
  'account.workspaces.byTenants': Rpc<Authenticated<Ids>, WorkspaceView[]>;
  'account.workspaces.bySubAccounts': Rpc<Authenticated<Ids>, WorkspaceView[]>;
  /** Services only: where each namespace's charges go. Unknown namespaces are left out. */
  'account.workspaces.placements': Rpc<
    Authenticated<{ namespaces: readonly string[] }>,
    WorkspacePlacementView[]
  >;
  /** Services only (the debt controller): the copy of the debt state every wallet read shows. */
  'account.wallets.setDebtState': Rpc<
    Authenticated<{ walletId: string; state: DebtState }>,
    { readonly changed: boolean }
  >;
  /** Services only: the workspaces whose charges each wallet pays. */
  'account.workspaces.byWallets': Rpc<Authenticated<Ids>, WorkspaceView[]>;
  /** Services only (the suspender): where a namespace is in suspension. */
  'account.workspaces.setState': Rpc<
    Authenticated<{ namespace: string; state: NamespaceState }>,
    WorkspaceView | null
  >;
  /** Services only: the addresses to tell about a tenant's money (owners and admins). */
  'account.tenants.contacts': Rpc<Authenticated<{ tenantId: string }>, { emails: string[] }>;
  /** Services only: the ledger's own invariants, checked over every row. */
  'account.ledger.audit': Rpc<Authenticated<Record<string, never>>, LedgerAuditView>;
  /** Finance and platform admins: actions by a person, newest first, filtered. */
  'account.audit.page': Rpc<
    Authenticated<{
      actorId: string | null;
      tenantId: string | null;
      kind: AuditKind | null;
      first: number;
      after: string | null;
    }>,
    AuditRecordsPage
  >;
  /** Services only: the transactions posted under these keys, with their wallet-side totals. */
  'account.ledger.byKeys': Rpc<Authenticated<{ keys: readonly string[] }>, PostedByKeyView[]>;
  /**
   * Finance and platform admins: the platform's money in one currency now, and what wallets
   * were charged and recharged on each UTC day of [from, to) (whole days, at most 92).
   */
  'account.finance.overview': Rpc<
    Authenticated<{ currency: string; from: IsoTime; to: IsoTime }>,
    FinanceOverviewView
  >;
}

/** The finance overview's figures of one currency (contract: FinanceOverview). */
export interface FinanceOverviewView {
  readonly currency: string;
  /** Σ of every wallet's balance in the currency. */
  readonly balanceMicros: MicrosString;
  /** The part of it that is promotional credit not spent or expired yet. */
  readonly promotionalMicros: MicrosString;
  /** balance − promotional. */
  readonly paidMicros: MicrosString;
  readonly wallets: number;
  /** Priced usage the ledger does not have yet, of every wallet in the currency. */
  readonly pendingMicros: MicrosString;
  /** Wallets per debt state; a state no wallet is in is left out. */
  readonly debtStates: readonly { readonly state: DebtState; readonly wallets: number }[];
  readonly days: readonly DayTotalsView[];
}

/** One UTC day's movements of wallets in one currency. */
export interface DayTotalsView {
  /** The day's first instant (UTC midnight). */
  readonly day: IsoTime;
  /** What usage and its corrections took from wallets (positive: money charged). */
  readonly chargesMicros: MicrosString;
  /** What recharges put into wallets. */
  readonly rechargesMicros: MicrosString;
}

export interface WorkspacePlacementView {
  readonly namespace: string;
  readonly tenantId: string;
  readonly walletId: string;
  /** The paying wallet's currency: its charges are priced with that currency's book. */
  readonly currency: string;
}

export interface LedgerAuditView {
  /** Σ of every entry; anything but "0" is a broken ledger. */
  readonly entriesSumMicros: MicrosString;
  /** Wallets whose balance row differs from the sum of their entries. */
  readonly walletsOutOfBalance: readonly {
    readonly walletId: string;
    readonly balanceMicros: MicrosString;
    readonly entriesSumMicros: MicrosString;
  }[];
}

export interface PostedByKeyView {
  readonly idempotencyKey: string;
  readonly transactionId: string;
  readonly walletId: string | null;
  /** Σ of the transaction's wallet entries (negative for a charge). */
  readonly walletAmountMicros: MicrosString;
}
