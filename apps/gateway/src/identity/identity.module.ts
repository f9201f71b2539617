import { Module } from '@nestjs/common';
import { RequestReadsModule } from '../graphql/request-reads.module';
import { ApiKeysResolver } from './api-keys.resolver';
import { MembersResolver } from './members.resolver';
import { TenantApiKeysResolver } from './tenant-api-keys.resolver';
import { UserResolver } from './user.resolver';

/** me, addMember, createApiKey, revokeApiKey, Tenant.apiKeys: people and keys, served by the account service. */
@Module({
  imports: [RequestReadsModule],
  providers: [UserResolver, MembersResolver, ApiKeysResolver, TenantApiKeysResolver],
})
export class IdentityModule {}
