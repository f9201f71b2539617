import { Module } from '@nestjs/common';
import { SettlementResolver } from './settlement.resolver';
import { WorkspaceUsageResolver } from './workspace-usage.resolver';

/** Usage, settlement and reconciliation, answered by metering. */
@Module({ providers: [WorkspaceUsageResolver, SettlementResolver] })
export class MeteringGraphqlModule {}
