import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@tally/errors';
import { RpcClient, type Principal } from '@tally/transport';
import { AccountLoadersFactory } from '../accounts/account-loaders';
import { Tenant } from '../accounts/account.models';
import { toTenant } from '../accounts/account.views';
import { CurrentPrincipal, CurrentRequest } from '../auth/current-principal.decorator';
import { serviceCall } from '../graphql/query-cost';
import { RequestReadsFactory } from '../graphql/request-reads';
import { Invoice, MonthRun, Statement } from './invoice.models';
import { toInvoice, toMonthRun, toStatement } from './invoice.views';

@Resolver(() => Invoice)
export class InvoiceResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly loaders: AccountLoadersFactory,
    private readonly reads: RequestReadsFactory,
  ) {}

  // Billing asks account whether the caller may read the tenant: two calls.
  @Query(() => [Invoice], { description: 'Newest period first.', complexity: serviceCall(2) })
  async invoices(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Invoice[]> {
    const views = await this.reads.for(req, principal).send('billing.invoices.byTenant', {
      tenantId,
    });
    return views.map(toInvoice);
  }

  // The access check, and for a month not generated yet the ledger's figures.
  @Query(() => Statement, {
    description:
      'The statement of a calendar month (UTC), month as YYYY-MM: stored once generated, the figures so far before.',
    complexity: serviceCall(3),
  })
  async statement(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('month') month: string,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Statement> {
    return toStatement(
      await this.reads.for(req, principal).send('billing.statements.get', { tenantId, month }),
    );
  }

  @Mutation(() => Invoice, {
    description: 'Finance or platform admin only: ISSUED → VOID; reason kept with who voided.',
    complexity: serviceCall(),
  })
  async voidInvoice(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Invoice> {
    return toInvoice(
      await this.rpc.send('billing.invoices.void', { principal, input: { id, reason } }),
    );
  }

  @Mutation(() => Invoice, {
    description:
      'Finance or platform admin only: voids the invoice (if still ISSUED) and issues it again under the next number, for the same period and lines; reason (1 to 500 characters) kept with who did it and in the audit log. A voided invoice is reissued once: asked again, the answer is that reissue. Answers the new invoice.',
    complexity: serviceCall(),
  })
  async reissueInvoice(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Invoice> {
    return toInvoice(
      await this.rpc.send('billing.invoices.reissue', { principal, input: { id, reason } }),
    );
  }

  @Mutation(() => MonthRun, {
    description:
      'Platform admin only. Statements and invoices of a finished month (YYYY-MM) for every tenant; idempotent (the month-end job does the same). BAD_USER_INPUT (reason MONTH_NOT_SETTLED) while metering has not settled every hour of the month.',
    complexity: serviceCall(),
  })
  async generateStatements(
    @Args('month') month: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MonthRun> {
    return toMonthRun(
      await this.rpc.send('billing.invoices.runMonth', { principal, input: { month } }),
    );
  }

  @ResolveField(() => Tenant, { complexity: serviceCall() })
  async tenant(
    @Parent() invoice: Invoice,
    @CurrentPrincipal() principal: Principal,
    @CurrentRequest() req: object,
  ): Promise<Tenant> {
    const view = await this.loaders.for(req, principal).tenants.load(invoice.tenantId);
    if (view === null) throw notFound('Tenant', invoice.tenantId);
    return toTenant(view);
  }
}
