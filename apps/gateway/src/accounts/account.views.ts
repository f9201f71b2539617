import { parseWireMicros } from '@tally/money';
import type {
  CreditGrantView,
  EntriesFilter,
  EntriesPage,
  LedgerEntryView,
  LedgerTransactionView,
  SubAccountView,
  TenantsPage,
  TenantView,
  WalletView,
  WorkspaceView,
} from '@tally/transport';
import {
  CreditGrant,
  CreditSource,
  DebtState,
  LedgerEntry,
  LedgerEntryConnection,
  LedgerTransaction,
  NamespaceState,
  SubAccount,
  Tenant,
  TenantConnection,
  Wallet,
  WalletKind,
  Workspace,
} from './account.models';
import type { LedgerEntryFilter } from './dto/account.inputs';

// From the account service's wire views (money as micro-unit strings) to GraphQL objects.

export const toTenant = (view: TenantView): Tenant => ({ ...view });

export const toTenantConnection = (page: TenantsPage): TenantConnection => ({
  edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toTenant(edge.tenant) })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});

export const toSubAccount = (view: SubAccountView): SubAccount => ({
  ...view,
  monthlyBudget:
    view.monthlyBudgetMicros === null ? null : parseWireMicros(view.monthlyBudgetMicros),
  spendingCap: view.spendingCapMicros === null ? null : parseWireMicros(view.spendingCapMicros),
});

export const toWallet = (view: WalletView): Wallet => ({
  id: view.id,
  kind: WalletKind[view.kind],
  balance: parseWireMicros(view.balanceMicros),
  currency: view.currency,
  debtState: DebtState[view.debtState],
  tenantId: view.tenantId,
});

export const toWorkspace = (view: WorkspaceView): Workspace => ({
  ...view,
  state: NamespaceState[view.state],
  spendingCap: view.spendingCapMicros === null ? null : parseWireMicros(view.spendingCapMicros),
});

export const toEntry = (view: LedgerEntryView): LedgerEntry => ({
  id: view.id,
  walletId: view.walletId,
  account: view.account,
  amount: parseWireMicros(view.amountMicros),
  createdAt: new Date(view.createdAt),
  transactionId: view.transactionId,
});

export const toTransaction = (view: LedgerTransactionView): LedgerTransaction => ({
  id: view.id,
  kind: view.kind,
  idempotencyKey: view.idempotencyKey,
  createdAt: new Date(view.createdAt),
  entries: view.entries.map(toEntry),
});

export const toConnection = (page: EntriesPage): LedgerEntryConnection => ({
  edges: page.entries.map((entry) => ({ cursor: entry.id, node: toEntry(entry) })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});

export const toCreditGrant = (view: CreditGrantView): CreditGrant => ({
  id: view.id,
  source: CreditSource[view.source],
  amount: parseWireMicros(view.amountMicros),
  remaining: parseWireMicros(view.remainingMicros),
  used: parseWireMicros(view.usedMicros),
  expired: parseWireMicros(view.expiredMicros),
  reason: view.reason,
  grantedAt: new Date(view.grantedAt),
  expiresAt: new Date(view.expiresAt),
  expiredAt: view.expiredAt === null ? null : new Date(view.expiredAt),
});

export const toEntriesFilter = (filter: LedgerEntryFilter | null | undefined): EntriesFilter => ({
  kind: filter?.kind ?? null,
  from: filter?.from?.toISOString() ?? null,
  to: filter?.to?.toISOString() ?? null,
});
