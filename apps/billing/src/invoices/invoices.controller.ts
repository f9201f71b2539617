import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcData, type RpcRequest } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { InvoiceReads } from './invoice-reads';
import { RunMonthEnd } from './run-month-end';
import { ReissueInvoice } from './reissue-invoice';
import { VoidInvoice } from './void-invoice';

@Controller()
export class InvoicesController {
  constructor(
    private readonly reads: InvoiceReads,
    private readonly voidInvoice: VoidInvoice,
    private readonly reissueInvoice: ReissueInvoice,
    private readonly runMonthEnd: RunMonthEnd,
    private readonly access: TenantAccessClient,
  ) {}

  @MessagePattern('billing.invoices.byTenant')
  byTenant(@RpcData() request: RpcRequest<'billing.invoices.byTenant'>) {
    return this.reads.byTenant(request);
  }

  @MessagePattern('billing.invoices.pdf')
  pdf(@RpcData() request: RpcRequest<'billing.invoices.pdf'>) {
    return this.reads.pdf(request);
  }

  @MessagePattern('billing.statements.get')
  statement(@RpcData() request: RpcRequest<'billing.statements.get'>) {
    return this.reads.statement(request);
  }

  @MessagePattern('billing.invoices.void')
  void(@RpcData() request: RpcRequest<'billing.invoices.void'>) {
    return this.voidInvoice.execute(request);
  }

  @MessagePattern('billing.invoices.reissue')
  reissue(@RpcData() request: RpcRequest<'billing.invoices.reissue'>) {
    return this.reissueInvoice.execute(request);
  }

  @MessagePattern('billing.invoices.runMonth')
  runMonth(@RpcData() { principal, input }: RpcRequest<'billing.invoices.runMonth'>) {
    this.access.assertPlatformAdminOrService(principal);
    return this.runMonthEnd.execute(input.month);
  }
}
