import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { DebtBoardResolver } from './debt-board.resolver';
import { FinanceOverviewResolver } from './finance-overview.resolver';

/** The finance back office's reads across tenants: the overview and the debt board. */
@Module({
  imports: [RequestReadsModule, AccountsModule],
  providers: [FinanceOverviewResolver, DebtBoardResolver],
})
export class FinanceGraphqlModule {}
