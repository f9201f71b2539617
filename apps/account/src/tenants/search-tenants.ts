import { Inject, Injectable } from '@nestjs/common';
import { forbidden } from '@tally/errors';
import {
  isFinanceStaff,
  type Authenticated,
  type RpcRequest,
  type TenantsPage,
} from '@tally/transport';
import { assertPageSize, decodeCursor, encodeCursor, searchTerms } from './tenant-search-input';
import { TenantSearchRepository, type ITenantSearchRepository } from './tenant-search.repository';

type SearchTenantsInput = RpcRequest<'account.tenants.search'>['input'];

/**
 * Finance staff and platform admins look tenants up across the platform: by name, id,
 * namespace or member. Nobody else may list tenants (FORBIDDEN before any check of the input:
 * a tenant's own people reach their tenants through `me`).
 */
@Injectable()
export class SearchTenants {
  constructor(@Inject(TenantSearchRepository) private readonly tenants: ITenantSearchRepository) {}

  async execute({ principal, input }: Authenticated<SearchTenantsInput>): Promise<TenantsPage> {
    if (!isFinanceStaff(principal)) {
      throw forbidden('Only finance staff and platform admins may search tenants');
    }
    assertPageSize(input.first);
    const terms = searchTerms(input.search);
    const after = input.after === null ? null : decodeCursor(input.after);
    const rows = await this.tenants.page(terms, after, input.first + 1);
    const page = rows.slice(0, input.first);
    const edges = page.map(({ tenant, position }) => ({ cursor: encodeCursor(position), tenant }));
    return {
      edges,
      hasNextPage: rows.length > input.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
  }
}
