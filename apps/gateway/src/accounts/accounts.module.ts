import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { AccountLoadersFactory } from './account-loaders';
import { AuditResolver } from './audit.resolver';
import { CreditResolver } from './credit.resolver';
import { LedgerResolver } from './ledger.resolver';
import { MembershipResolver } from './membership.resolver';
import { SpendingCapResolver } from './spending-cap.resolver';
import { SubAccountResolver } from './sub-account.resolver';
import { TenantResolver } from './tenant.resolver';
import { WalletLiveResolver } from './wallet-live.resolver';
import { WalletResolver } from './wallet.resolver';
import { WorkspaceResolver } from './workspace.resolver';

/**
 * Tenants, sub-accounts, wallets (with their live figures), workspaces and the ledger, answered
 * by the account service.
 */
@Module({
  imports: [RequestReadsModule],
  providers: [
    AccountLoadersFactory,
    TenantResolver,
    SubAccountResolver,
    SpendingCapResolver,
    WalletResolver,
    WalletLiveResolver,
    WorkspaceResolver,
    LedgerResolver,
    CreditResolver,
    MembershipResolver,
    AuditResolver,
  ],
  exports: [AccountLoadersFactory],
})
export class AccountsModule {}
