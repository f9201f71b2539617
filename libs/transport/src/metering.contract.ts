import type { DebtState, IsoTime, MicrosString, WorkspaceView } from './account.contract';
import type { Resource } from './billing.contract';
import type { Authenticated } from './principal';

type Rpc<Req, Res> = { request: Req; response: Res };

/** A minute sample on the wire: quantity in the resource's base unit, as an integer string. */
export interface MinuteSampleView {
  readonly namespace: string;
  readonly resource: Resource;
  readonly minute: IsoTime;
  readonly quantity: string;
}

/** One resource's usage and charge for one namespace in one hour (contract: UsageLine). */
export interface UsageLineView {
  readonly namespace: string;
  readonly hour: IsoTime;
  readonly resource: Resource;
  /** In the resource's billing unit, as an exact decimal. */
  readonly quantity: string;
  readonly amountMicros: MicrosString;
}

export type SettlementTrigger = 'schedule' | 'catch_up' | 'admin';
export type RunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface SettlementRunView {
  readonly id: string;
  readonly hour: IsoTime;
  readonly namespaces: number;
  readonly chargedMicros: MicrosString;
  readonly status: RunStatus;
  readonly startedAt: IsoTime;
  readonly finishedAt: IsoTime | null;
  /** Why the run FAILED (for a settled hour: what it could not charge); null otherwise. */
  readonly error: string | null;
}

/** How far settlement has got over [from, to): what billing waits for before it closes a month. */
export interface SettlementProgressView {
  readonly from: IsoTime;
  readonly to: IsoTime;
  /** The first hour metering ever settled; hours before it had no metering and are not owed. */
  readonly settlingSince: IsoTime | null;
  /** Hours of [from, to) owed a settlement: those from `settlingSince` on. */
  readonly hoursOwed: number;
  /** Owed hours whose charges are not all posted yet. */
  readonly unsettledHours: number;
  readonly firstUnsettledHour: IsoTime | null;
  /** When the last of the range's posted hours was posted (the database's clock). */
  readonly lastPostedAt: IsoTime | null;
}

/** What reconciliation did with a flagged namespace-hour. */
export type FindingAction = 'adjusted' | 'nothing_owed' | 'kept_flagged';

export interface ReconciliationFinding {
  readonly kind: 'adjustment' | 'flagged_hour' | 'source_mismatch' | 'ledger' | 'missing_charge';
  /** Set on the findings of flagged namespace-hours (kinds adjustment and flagged_hour). */
  readonly action?: FindingAction;
  readonly namespace?: string;
  readonly hour?: IsoTime;
  readonly detail: string;
}

export interface ReconciliationReportView {
  readonly id: string;
  readonly trigger: 'schedule' | 'finance';
  readonly fromHour: IsoTime;
  readonly toHour: IsoTime;
  readonly status: RunStatus;
  readonly hoursChecked: number;
  readonly flaggedHours: number;
  readonly refilledSamples: number;
  readonly adjustments: number;
  readonly adjustedMicros: MicrosString;
  readonly sourceMismatches: number;
  readonly ledgerMismatches: number;
  readonly findings: readonly ReconciliationFinding[];
  readonly startedAt: IsoTime;
  readonly finishedAt: IsoTime | null;
}

/**
 * A namespace as the cluster has it: absent, or present with the tenant id its
 * `tally.dev/tenant` label names (null: no label).
 */
export type NamespaceInCluster =
  { readonly exists: false } | { readonly exists: true; readonly tenantLabel: string | null };

/**
 * What an alert watches: the wallet's available balance below `amountMicros`; its month's
 * spend (the UTC month's charges plus pending usage) at or above `amountMicros`, or at or above
 * `percent` % of its sub-account's monthly budget; its `runsOutAt` within `hours`.
 */
export type AlertKind =
  | 'AVAILABLE_BALANCE_BELOW'
  | 'MONTHLY_SPEND_ABOVE'
  | 'MONTHLY_BUDGET_PERCENT_ABOVE'
  | 'RUNS_OUT_WITHIN';
export type AlertState = 'OK' | 'TRIGGERED';

/** What an alert is set on and measured against: exactly one threshold, the one its kind takes. */
export interface AlertDefinition {
  readonly walletId: string;
  /** The sub-account whose wallet it is (on a new alert: when set, it must be). */
  readonly subAccountId: string | null;
  readonly kind: AlertKind;
  readonly amountMicros: MicrosString | null;
  readonly percent: number | null;
  readonly hours: number | null;
}

export type NewAlert = AlertDefinition;

/** An alert (contract: Alert). */
export interface AlertView extends AlertDefinition {
  readonly id: string;
  readonly tenantId: string;
  readonly state: AlertState;
  /** When it last moved between OK and TRIGGERED; null: never. */
  readonly lastTransitionAt: IsoTime | null;
  readonly createdAt: IsoTime;
}

/** DEBT: its wallet's debt state is SUSPENDED or RECLAIMED; SPENDING_CAP: a cap holds it. */
export type SuspensionReason = 'DEBT' | 'SPENDING_CAP' | 'MANUAL';

/** How Tenant.dailySpend splits a day's spending. */
export type SpendGrouping = 'NAMESPACE' | 'SUB_ACCOUNT' | 'RESOURCE';

/** One day's settled spending of one group (contract: DailySpend). */
export interface DailySpendView {
  /** The UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** The namespace, the resource, or the sub-account's id (the tenant's id for its own wallet). */
  readonly key: string;
  readonly amountMicros: MicrosString;
}

export interface MeteringContract {
  /** Services only (the node agent): the same sample twice counts once. */
  'metering.samples.record': Rpc<
    Authenticated<{ source: 'agent'; samples: readonly MinuteSampleView[] }>,
    { readonly received: number }
  >;
  /** Services only (agents, the Hubble client): a stretch of time a source could not see. */
  'metering.samples.recordGap': Rpc<
    Authenticated<{
      source: 'prometheus' | 'agent' | 'hubble';
      from: IsoTime;
      to: IsoTime;
      reason: string;
    }>,
    { readonly recorded: true }
  >;
  /** Hourly lines of [from, to) for a namespace the caller may read; empty otherwise. */
  'metering.usage.lines': Rpc<
    Authenticated<{ namespace: string; from: IsoTime; to: IsoTime }>,
    UsageLineView[]
  >;
  /** Pending charges of a namespace the caller may read; null otherwise. */
  'metering.workspaces.pending': Rpc<
    Authenticated<{ namespace: string }>,
    { readonly pendingMicros: MicrosString } | null
  >;
  /**
   * Why a namespace the caller may read is suspended (empty: it is not); null otherwise. A
   * namespace held for both stays suspended until both clear.
   */
  'metering.workspaces.suspensionReasons': Rpc<
    Authenticated<{ namespace: string }>,
    SuspensionReason[] | null
  >;
  /**
   * Finance and platform admins: suspends the namespace by hand (MANUAL) until resumed by hand;
   * its workspace as it is now (the suspension itself follows within seconds). Suspending a
   * namespace held already changes nothing.
   */
  'metering.namespaces.suspendByHand': Rpc<
    Authenticated<{ namespace: string; reason: string }>,
    WorkspaceView
  >;
  /**
   * Finance and platform admins: lifts a manual suspension; the namespace runs again unless
   * its debt or a spending cap still holds it. Lifting none changes nothing.
   */
  'metering.namespaces.resumeByHand': Rpc<
    Authenticated<{ namespace: string; reason: string }>,
    WorkspaceView
  >;
  /**
   * Services only: accrues pending usage as of `at` (what the minute job does every minute
   * for now): the hour of `at` and the one before, unless frozen.
   */
  'metering.pending.accrue': Rpc<
    Authenticated<{ at: IsoTime }>,
    {
      readonly hours: readonly IsoTime[];
      /** Hours whose source could not be read: their figures stay as they were. */
      readonly unavailable: readonly { readonly hour: IsoTime; readonly reason: string }[];
      readonly namespaces: number;
    }
  >;
  /**
   * Services only (account's createWorkspace): whether the namespace exists in the cluster and
   * whose it is. INTERNAL with reason CLUSTER_UNAVAILABLE when the cluster cannot be asked.
   */
  'metering.namespaces.inspect': Rpc<Authenticated<{ namespace: string }>, NamespaceInCluster>;
  /** Owners, admins and finance of the wallet's tenant (TenantPermission `alert`). */
  'metering.alerts.create': Rpc<Authenticated<NewAlert>, AlertView>;
  /** Whoever may read the wallet; NOT_FOUND otherwise. Oldest first. */
  'metering.alerts.byWallet': Rpc<Authenticated<{ walletId: string }>, AlertView[]>;
  /** As create; answers the alert as it was. NOT_FOUND for an alert the caller cannot see. */
  'metering.alerts.delete': Rpc<Authenticated<{ id: string }>, AlertView>;
  /**
   * Whoever may read the tenant (NOT_FOUND otherwise): the charges posted for the hours of
   * [from, to) (whole UTC days, at most 92) and their posted corrections, summed per UTC day and
   * group, drawn on the wallets the caller may read. Days and groups without any are left out.
   */
  'metering.spend.daily': Rpc<
    Authenticated<{ tenantId: string; from: IsoTime; to: IsoTime; groupBy: SpendGrouping }>,
    DailySpendView[]
  >;
  /** Platform admins: samples where needed and settles one past hour; idempotent. */
  'metering.settlement.settleHour': Rpc<Authenticated<{ hour: IsoTime }>, SettlementRunView>;
  /** Services only (billing's month-end): whole hours [from, to), at most 31 days. */
  'metering.settlement.progress': Rpc<
    Authenticated<{ from: IsoTime; to: IsoTime }>,
    SettlementProgressView
  >;
  /** Finance and platform admins: reconciles [from, to) now. */
  'metering.reconciliation.run': Rpc<
    Authenticated<{ from: IsoTime; to: IsoTime }>,
    ReconciliationReportView
  >;
  /** Finance and platform admins: newest first. */
  'metering.reconciliation.reports': Rpc<
    Authenticated<{ first: number; before: IsoTime | null }>,
    ReconciliationReportView[]
  >;
  /**
   * Finance and platform admins: the wallets in one debt state (not NORMAL), longest in it
   * first, a page after a cursor of this call.
   */
  'metering.debt.board': Rpc<
    Authenticated<{ state: DebtState; first: number; after: string | null }>,
    DebtBoardPage
  >;
}

/** A wallet in debt as the debt ladder last evaluated it (contract: DebtBoardEntry). */
export interface DebtBoardEntryView {
  readonly walletId: string;
  readonly tenantId: string;
  readonly state: DebtState;
  /** When the wallet entered the state. */
  readonly since: IsoTime;
}

export interface DebtBoardPage {
  readonly edges: readonly { readonly cursor: string; readonly entry: DebtBoardEntryView }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}
