import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Authenticated, RpcRequest, StatementFigures } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { TenantRepository } from '../tenants/tenant.repository';
import { StatementFiguresRepository } from './statement-figures.repository';

type FiguresInput = RpcRequest<'account.statements.figures'>['input'];

/** A tenant's ledger figures for a period, for whoever may read the tenant. */
@Injectable()
export class GetStatementFigures {
  constructor(
    private readonly figures: StatementFiguresRepository,
    private readonly tenants: TenantRepository,
    private readonly access: TenantAccess,
  ) {}

  async execute({ principal, input }: Authenticated<FiguresInput>): Promise<StatementFigures> {
    const [tenant] = await this.tenants.byIds([input.tenantId]);
    if (tenant === undefined) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, tenant.id, 'read');
    const start = new Date(input.periodStart);
    const end = new Date(input.periodEnd);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
      throw badInput('periodStart must be a time before periodEnd', { reason: 'BAD_PERIOD' });
    }
    const since = new Date(input.usageSince ?? start);
    if (Number.isNaN(since.getTime()) || since < start) {
      throw badInput('usageSince must be a time at or after periodStart', {
        reason: 'BAD_USAGE_WINDOW',
      });
    }
    const cutoff = input.usageCutoff == null ? null : new Date(input.usageCutoff);
    if (cutoff !== null && (Number.isNaN(cutoff.getTime()) || cutoff < end)) {
      throw badInput('usageCutoff must be a time at or after periodEnd', {
        reason: 'BAD_USAGE_WINDOW',
      });
    }

    const period = { start, end };
    const wallets = await this.figures.walletFigures(tenant.id, period);
    const usage = await this.figures.usageFigures(
      wallets.map((w) => w.walletId),
      period,
      { since, cutoff },
    );
    return {
      tenantId: tenant.id,
      tenantName: tenant.name,
      currency: tenant.currency,
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
      usageSince: since.toISOString(),
      usageCutoff: cutoff?.toISOString() ?? null,
      wallets,
      usage,
    };
  }
}
