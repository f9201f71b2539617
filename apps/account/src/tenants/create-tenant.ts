import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { isCurrency } from '@tally/money';
import type { Authenticated, RpcRequest, TenantView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { TenantRepository } from './tenant.repository';

type CreateTenantInput = RpcRequest<'account.tenants.create'>['input'];

/** Platform admins open a tenant: its wallet (balance zero) and its first owner. */
@Injectable()
export class CreateTenant {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly access: TenantAccess,
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
    return this.tenants.create({ ...input, name });
  }
}
