import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { AlertResolver } from './alert.resolver';
import { SettlementResolver } from './settlement.resolver';
import { WorkspaceSuspensionResolver } from './workspace-suspension.resolver';
import { WorkspaceUsageResolver } from './workspace-usage.resolver';
import { TenantSpendResolver } from './tenant-spend.resolver';

/** Usage, pending charges of workspaces, alerts, settlement and reconciliation, answered by metering. */
@Module({
  imports: [RequestReadsModule],
  providers: [
    WorkspaceUsageResolver,
    WorkspaceSuspensionResolver,
    SettlementResolver,
    AlertResolver,
    TenantSpendResolver,
  ],
})
export class MeteringGraphqlModule {}
