import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcClient, type Principal } from '@tally/transport';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall, servicePage } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { ReconciliationReport, SettlementRun } from './metering.models';
import { toReconciliationReport, toSettlementRun } from './metering.views';

// Settling or reconciling does real work (Prometheus range queries, thousands of postings).
const LONG_CALL_MS = 10 * 60_000;

@Resolver()
export class SettlementResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly reads: RequestReadsFactory,
  ) {}

  @Mutation(() => SettlementRun, {
    description:
      'Platform admin only. Samples (where needed) and settles one past hour now. Idempotent: a namespace-hour already charged is never charged again.',
    complexity: serviceCall(),
  })
  async settleHour(
    @Args('hour', { type: () => Date }) hour: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SettlementRun> {
    const view = await this.rpc.send(
      'metering.settlement.settleHour',
      { principal, input: { hour: hour.toISOString() } },
      { timeoutMs: LONG_CALL_MS },
    );
    return toSettlementRun(view);
  }

  @Mutation(() => ReconciliationReport, {
    description:
      'Finance or platform admin only. Reconciles the hours of [from, to) now: refills sample gaps, posts corrections, checks the ledger.',
    complexity: serviceCall(),
  })
  async reconcile(
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReconciliationReport> {
    const view = await this.rpc.send(
      'metering.reconciliation.run',
      { principal, input: { from: from.toISOString(), to: to.toISOString() } },
      { timeoutMs: LONG_CALL_MS },
    );
    return toReconciliationReport(view);
  }

  @Query(() => [ReconciliationReport], {
    description: 'Finance or platform admin only. Reconciliation runs, newest first.',
    complexity: servicePage(20),
  })
  async reconciliationReports(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('before', { type: () => Date, nullable: true }) before: Date | null,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<ReconciliationReport[]> {
    const views = await this.reads
      .for(req, principal)
      .send('metering.reconciliation.reports', { first, before: before?.toISOString() ?? null });
    return views.map(toReconciliationReport);
  }
}
