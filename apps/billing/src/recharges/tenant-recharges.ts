import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import type { Authenticated, RechargesPage } from '@tally/transport';
import { TenantAccessClient } from '../access/tenant-access.client';
import { isUuid } from '../access/uuid';
import { RechargeRepository, toRechargeView } from './recharge.repository';

/** Recharges a page may hold; the API's default is 20. */
export const MAX_RECHARGES_PAGE = 100;

interface TenantRechargesInput {
  readonly tenantId: string;
  readonly first: number;
  readonly after: string | null;
}

/**
 * A tenant's recharges, newest first, for whoever may read the tenant; someone without standing
 * in it gets NOT_FOUND, as for a missing tenant. The cursor is the last recharge's id (as in
 * webhookDeliveries); one that is not a recharge of this tenant is refused like a malformed one.
 */
@Injectable()
export class TenantRecharges {
  constructor(
    private readonly recharges: RechargeRepository,
    private readonly access: TenantAccessClient,
  ) {}

  async execute({ principal, input }: Authenticated<TenantRechargesInput>): Promise<RechargesPage> {
    if (!isUuid(input.tenantId)) throw notFound('Tenant', input.tenantId);
    await this.access.assert(principal, input.tenantId, 'read');
    assertPageSize(input.first);
    if (input.after !== null && !isUuid(input.after)) throw badCursor();
    const afterId = input.after?.toLowerCase() ?? null;
    // One more than asked tells whether a next page exists.
    const rows = await this.recharges.pageOfTenant(input.tenantId, input.first + 1, afterId);
    if (rows === null) throw badCursor();
    const page = rows.slice(0, input.first);
    return {
      recharges: page.map(toRechargeView),
      hasNextPage: rows.length > input.first,
      endCursor: page.at(-1)?.id ?? null,
    };
  }
}

function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RECHARGES_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_RECHARGES_PAGE}`, {
      reason: 'BAD_PAGE_SIZE',
    });
  }
}

const badCursor = () =>
  badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
