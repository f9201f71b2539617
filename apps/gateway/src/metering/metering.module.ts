import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { SettlementResolver } from './settlement.resolver';
import { WorkspaceUsageResolver } from './workspace-usage.resolver';

/** Usage, settlement and reconciliation, answered by metering. */
@Module({
  imports: [RequestReadsModule],
  providers: [WorkspaceUsageResolver, SettlementResolver],
})
export class MeteringGraphqlModule {}
