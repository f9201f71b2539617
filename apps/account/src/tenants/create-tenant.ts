import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { isCurrency } from '@tally/money';
import type { Authenticated, RpcRequest, TenantView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { PriceBooks } from '../peers/price-books';
import { TenantRepository } from './tenant.repository';

type CreateTenantInput = RpcRequest<'account.tenants.create'>['input'];

/**
 * Platform admins open a tenant: its wallet (balance zero) and its first owner. The wallet's
 * currency needs a price book in force: settlement prices every wallet with the book of its
 * own currency, and a wallet no book prices would run up usage nobody can charge.
 */
@Injectable()
export class CreateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly access: TenantAccess,
    private readonly priceBooks: PriceBooks,
  ) {}

  async execute({ principal, input }: Authenticated<CreateTenantInput>): Promise<TenantView> {
    this.access.assertPlatformAdmin(principal);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw badInput('name must be 1 to 200 characters', { reason: 'BAD_NAME' });
    }
    if (!isCurrency(input.currency)) {
      throw badInput('currency must be an ISO 4217 code such as USD', { reason: 'BAD_CURRENCY' });
    }
    if (input.ownerExternalId.trim().length === 0) {
      throw badInput('ownerExternalId must not be empty', { reason: 'BAD_OWNER' });
    }
    if (!(await this.priceBooks.inForce(input.currency))) {
      throw badInput(
        `No price book in ${input.currency} is in force; create one (createPriceBookVersion) before opening tenants in ${input.currency}`,
        { reason: 'NO_PRICE_BOOK_FOR_CURRENCY', currency: input.currency },
      );
    }
    return this.tenants.create({ ...input, name });
  }
}
