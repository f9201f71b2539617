import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, forbidden, notFound } from '@tally/errors';
import type { ApiKeyView, Authenticated, RpcRequest } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { ApiKeyRepository, type IApiKeyRepository } from './api-key.repository';

type RevokeApiKeyInput = RpcRequest<'account.apiKeys.revoke'>['input'];

/** Stops a key from authenticating from the next request on. Revoking twice is a no-op. */
@Injectable()
export class RevokeApiKey {
  constructor(
    private readonly access: TenantAccess,
    @Inject(ApiKeyRepository) private readonly keys: IApiKeyRepository,
  ) {}

  async execute({ principal, input }: Authenticated<RevokeApiKeyInput>): Promise<ApiKeyView> {
    const key = await this.keys.byId(input.id);
    if (key === null) throw notFound('ApiKey', input.id);
    try {
      await this.access.assert(principal, key.tenantId, 'manage');
    } catch (error) {
      // Another tenant's key gets the answer of a missing key, not "tenant not found".
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) {
        throw notFound('ApiKey', input.id);
      }
      throw error;
    }
    if (principal.kind === 'api_key') {
      throw forbidden('API keys may not revoke API keys', { reason: 'API_KEY_NOT_ALLOWED' });
    }
    if (key.revokedAt !== null) return key;
    await this.keys.revoke(key.id, new Date());
    const revoked = await this.keys.byId(key.id);
    if (revoked === null) throw notFound('ApiKey', input.id);
    return revoked;
  }
}
