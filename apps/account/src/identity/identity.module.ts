import { Module } from '@nestjs/common';
import { MembershipRepository } from '../access/membership.repository';
import { TenantAccess } from '../access/tenant-access';
import { AddMember } from './add-member';
import { ApiKeyRepository } from './api-key.repository';
import { CreateApiKey } from './create-api-key';
import { IdentityController } from './identity.controller';
import { IdentityReads } from './identity-reads';
import { ResolveApiKey } from './resolve-api-key';
import { ResolveUser } from './resolve-user';
import { RevokeApiKey } from './revoke-api-key';
import { TenantApiKeys } from './tenant-api-keys';
import { UserRepository } from './user.repository';

/** People, memberships and API keys: who a caller is and what role they hold where. */
@Module({
  controllers: [IdentityController],
  providers: [
    // Stateless: this module's own instances, until access/ gets a module of its own.
    MembershipRepository,
    TenantAccess,
    UserRepository,
    ApiKeyRepository,
    ResolveUser,
    ResolveApiKey,
    AddMember,
    CreateApiKey,
    RevokeApiKey,
    TenantApiKeys,
    IdentityReads,
  ],
})
export class IdentityModule {}
