import { Inject, Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@tally/errors';
import type { ApiKeyView, Authenticated, RpcRequest } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { mintApiKey } from './api-key-secret';
import { ApiKeyRepository, type IApiKeyRepository } from './api-key.repository';
import { apiKeyNameFrom } from './identity-input';

type CreateApiKeyInput = RpcRequest<'account.apiKeys.create'>['input'];

/** A new key for a tenant's integrations; its secret is returned here and never again. */
@Injectable()
export class CreateApiKey {
  constructor(
    private readonly access: TenantAccess,
    @Inject(ApiKeyRepository) private readonly keys: IApiKeyRepository,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<CreateApiKeyInput>): Promise<{ apiKey: ApiKeyView; secret: string }> {
    await this.access.assert(principal, input.tenantId, 'manage');
    // A leaked key must not be able to mint itself successors that outlive its revocation.
    if (principal.kind === 'api_key') {
      throw forbidden('API keys may not create API keys', { reason: 'API_KEY_NOT_ALLOWED' });
    }
    const name = apiKeyNameFrom(input.name);
    const minted = mintApiKey();
    const apiKey = await this.keys.create({
      tenantId: input.tenantId,
      name,
      prefix: minted.prefix,
      secretHash: minted.secretHash,
      createdBy: principal.kind === 'user' ? principal.userId : null,
    });
    if (apiKey === null) throw notFound('Tenant', input.tenantId);
    return { apiKey, secret: minted.secret };
  }
}
