import { Injectable } from '@nestjs/common';
import {
  RpcClient,
  type CreditGrantView,
  type LedgerTransactionView,
  type LiveWalletView,
  type MembershipView,
  type Principal,
  type SubAccountView,
  type TenantView,
  type UserView,
  type WalletView,
  type WorkspaceView,
} from '@tally/transport';
import DataLoader from 'dataloader';
import { perRequest } from '../graphql/per-request';

// Every batch lookup takes `{ ids }` and answers a list.
type BatchPattern =
  | 'account.tenants.byIds'
  | 'account.users.byIds'
  | 'account.wallets.live'
  | 'account.subAccounts.byIds'
  | 'account.ledger.transactionsByIds'
  | 'account.subAccounts.byTenants'
  | 'account.workspaces.byTenants'
  | 'account.workspaces.bySubAccounts'
  | 'account.members.byTenants'
  | 'account.credits.byWallets';

/**
 * One set of loaders per GraphQL request: every nested field of one kind asks the account
 * service once per request, whatever the number of parent rows.
 */
export class AccountLoaders {
  readonly tenants = this.byId<TenantView>('account.tenants.byIds', (t) => t.id);
  /**
   * Wallets come with their live figures (pendingCharges, availableBalance, ...): the account
   * service keeps them beside the balance, so `wallet { balance availableBalance }` is one call.
   */
  readonly liveWallets = this.byId<LiveWalletView>('account.wallets.live', (v) => v.wallet.id);
  readonly wallets = new DataLoader<string, WalletView | null>(async (ids) =>
    (await this.liveWallets.loadMany(ids)).map((view) => {
      if (view instanceof Error) throw view;
      return view?.wallet ?? null;
    }),
  );
  /** People the caller may see: themselves, and members of tenants the caller may read. */
  readonly users = this.byId<UserView>('account.users.byIds', (u) => u.id);
  readonly subAccounts = this.byId<SubAccountView>('account.subAccounts.byIds', (s) => s.id);
  readonly transactions = this.byId<LedgerTransactionView>(
    'account.ledger.transactionsByIds',
    (t) => t.id,
  );
  readonly subAccountsOfTenant = this.grouped<SubAccountView>(
    'account.subAccounts.byTenants',
    (s) => s.tenantId,
  );
  readonly workspacesOfTenant = this.grouped<WorkspaceView>(
    'account.workspaces.byTenants',
    (w) => w.tenantId,
  );
  readonly membersOfTenant = this.grouped<MembershipView>(
    'account.members.byTenants',
    (m) => m.tenantId,
  );
  readonly creditsOfWallet = this.grouped<CreditGrantView>(
    'account.credits.byWallets',
    (g) => g.walletId,
  );
  readonly workspacesOfSubAccount = this.grouped<WorkspaceView>(
    'account.workspaces.bySubAccounts',
    (w) => w.subAccountId ?? '',
  );

  constructor(
    private readonly rpc: RpcClient,
    private readonly principal: Principal,
  ) {}

  private async fetch<T>(pattern: BatchPattern, ids: readonly string[]): Promise<T[]> {
    const rows = await this.rpc.send(pattern, { principal: this.principal, input: { ids } });
    return rows as T[];
  }

  private byId<T>(pattern: BatchPattern, keyOf: (row: T) => string): DataLoader<string, T | null> {
    return new DataLoader(async (ids) => {
      const rows = new Map((await this.fetch<T>(pattern, ids)).map((row) => [keyOf(row), row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  }

  private grouped<T>(pattern: BatchPattern, keyOf: (row: T) => string): DataLoader<string, T[]> {
    return new DataLoader(async (ids) => {
      const groups = new Map<string, T[]>();
      for (const row of await this.fetch<T>(pattern, ids)) {
        groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
      }
      return ids.map((id) => groups.get(id) ?? []);
    });
  }
}

/** Hands out the loaders of the request a resolver runs in. */
@Injectable()
export class AccountLoadersFactory {
  readonly for = perRequest((principal) => new AccountLoaders(this.rpc, principal));

  constructor(private readonly rpc: RpcClient) {}
}
