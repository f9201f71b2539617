import { DynamicModule, Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@tally/queue';
import { serviceFoundation, serviceHealthController } from '@tally/runtime';
import { ServiceName, TransportModule } from '@tally/transport';
import { MembershipRepository } from './access/membership.repository';
import { TenantAccess } from './access/tenant-access';
import { AuditController } from './audit/audit.controller';
import { AuditTrailProcessor } from './audit/audit-trail.processor';
import { AuditRepository } from './audit/audit.repository';
import { ReadAuditLog } from './audit/read-audit-log';
import { ACCOUNT_CONFIG, AccountConfig } from './account.config';
import { accountOutboxRelay } from './account-outbox';
import { BudgetTopUpRepository } from './budgets/budget-top-up.repository';
import { MonthlyBudgetsProcessor } from './budgets/monthly-budgets.processor';
import { TopUpMonthlyBudgets } from './budgets/top-up-monthly-budgets';
import { CreditExpiryProcessor } from './credits/credit-expiry.processor';
import { CreditGrantRepository } from './credits/credit-grant.repository';
import { CreditsController } from './credits/credits.controller';
import { ExpireCredits } from './credits/expire-credits';
import { GrantCredit } from './credits/grant-credit';
import { IdentityModule } from './identity/identity.module';
import { AdjustBalance } from './ledger/adjust-balance';
import { LedgerReadsRepository } from './ledger/ledger-reads.repository';
import { LedgerAuditRepository } from './ledger/ledger-audit.repository';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerRepository } from './ledger/ledger.repository';
import { PostBatch } from './ledger/post-batch';
import { PostTransaction } from './ledger/post-transaction';
import { Transfer } from './ledger/transfer';
import { GetStatementFigures } from './statements/statement-figures';
import { StatementFiguresRepository } from './statements/statement-figures.repository';
import { StatementsController } from './statements/statements.controller';
import { SetSpendingCap } from './spending-caps/set-spending-cap';
import { SpendingCapRepository } from './spending-caps/spending-cap.repository';
import { SpendingCapsController } from './spending-caps/spending-caps.controller';
import { CreateSubAccount } from './sub-accounts/create-sub-account';
import { SetMonthlyBudget } from './sub-accounts/set-monthly-budget';
import { SubAccountRepository } from './sub-accounts/sub-account.repository';
import { SubAccountsController } from './sub-accounts/sub-accounts.controller';
import { CreateTenant } from './tenants/create-tenant';
import { SearchTenants } from './tenants/search-tenants';
import { TenantRepository } from './tenants/tenant.repository';
import { TenantSearchRepository } from './tenants/tenant-search.repository';
import { TenantsController } from './tenants/tenants.controller';
import { ClusterNamespaces } from './peers/cluster-namespaces';
import { PriceBooks } from './peers/price-books';
import { LiveWallets } from './wallets/live-wallets';
import { LiveWalletsController } from './wallets/live-wallets.controller';
import { LiveWalletsRepository } from './wallets/live-wallets.repository';
import { WalletRepository } from './wallets/wallet.repository';
import { CreateWorkspace } from './workspaces/create-workspace';
import { MoveWorkspace } from './workspaces/move-workspace';
import { NamespaceClaims } from './workspaces/namespace-claims';
import { WorkspacePlacementResolver } from './workspaces/workspace-placement';
import { WorkspaceRepository } from './workspaces/workspace.repository';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { FinanceController } from './finance/finance.controller';
import { FinanceOverviewRepository } from './finance/finance-overview.repository';
import { GetFinanceOverview } from './finance/get-finance-overview';

@Module({})
export class AccountModule {
  static forRoot(config: AccountConfig): DynamicModule {
    return {
      module: AccountModule,
      imports: [
        ...serviceFoundation(ServiceName.Account, config),
        QueueModule.forRoot(config.REDIS_URL, [
          QueueName.MonthlyBudgets,
          QueueName.CreditExpiry,
          QueueName.DebtEvaluation,
          QueueName.AuditTrail,
        ]),
        IdentityModule,
        // Calls out: billing (price books, at createTenant), metering (the cluster, at createWorkspace).
        TransportModule.forClient({
          redisUrl: config.REDIS_URL,
          prefix: config.TALLY_TRANSPORT_PREFIX,
          timeoutMs: config.TALLY_RPC_TIMEOUT_MS,
        }),
      ],
      controllers: [
        serviceHealthController(ServiceName.Account),
        LedgerController,
        LiveWalletsController,
        TenantsController,
        SubAccountsController,
        SpendingCapsController,
        WorkspacesController,
        StatementsController,
        CreditsController,
        FinanceController,
        AuditController,
      ],
      providers: [
        { provide: ACCOUNT_CONFIG, useValue: config },
        MembershipRepository,
        TenantAccess,
        SpendingCapRepository,
        SetSpendingCap,
        LedgerRepository,
        LedgerReadsRepository,
        LedgerAuditRepository,
        WalletRepository,
        LiveWallets,
        LiveWalletsRepository,
        TenantRepository,
        SubAccountRepository,
        WorkspaceRepository,
        PostTransaction,
        PostBatch,
        Transfer,
        AdjustBalance,
        CreateTenant,
        SearchTenants,
        TenantSearchRepository,
        CreateSubAccount,
        SetMonthlyBudget,
        CreateWorkspace,
        MoveWorkspace,
        WorkspacePlacementResolver,
        NamespaceClaims,
        ClusterNamespaces,
        PriceBooks,
        BudgetTopUpRepository,
        TopUpMonthlyBudgets,
        MonthlyBudgetsProcessor,
        CreditGrantRepository,
        GrantCredit,
        ExpireCredits,
        CreditExpiryProcessor,
        StatementFiguresRepository,
        GetStatementFigures,
        accountOutboxRelay,
        FinanceOverviewRepository,
        GetFinanceOverview,
        AuditRepository,
        ReadAuditLog,
        AuditTrailProcessor,
      ],
    };
  }
}
