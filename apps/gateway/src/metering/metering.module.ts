import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { AlertResolver } from './alert.resolver';
import { LiveWalletLoaderFactory } from './live-wallet-loaders';
import { SettlementResolver } from './settlement.resolver';
import { WalletLiveResolver } from './wallet-live.resolver';
import { WorkspaceSuspensionResolver } from './workspace-suspension.resolver';
import { WorkspaceUsageResolver } from './workspace-usage.resolver';

/** Usage, live balances, alerts, settlement and reconciliation, answered by metering. */
@Module({
  imports: [RequestReadsModule],
  providers: [
    WorkspaceUsageResolver,
    WorkspaceSuspensionResolver,
    SettlementResolver,
    LiveWalletLoaderFactory,
    WalletLiveResolver,
    AlertResolver,
  ],
})
export class MeteringGraphqlModule {}
