import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { FinanceOverviewResolver } from './finance-overview.resolver';

/** The finance back office's reads across tenants: the overview and the debt board. */
@Module({
  imports: [RequestReadsModule],
  providers: [FinanceOverviewResolver],
})
export class FinanceGraphqlModule {}
