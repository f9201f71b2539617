import { Inject, Injectable, Logger } from '@nestjs/common';
import { unauthenticated } from '@tally/errors';
import type { Principal, RpcRequest } from '@tally/transport';
import { hashApiKeySecret, isApiKeyShaped } from './api-key-secret';
import { ApiKeyRepository, type IApiKeyRepository } from './api-key.repository';

type ResolveApiKeyInput = RpcRequest<'account.auth.resolveApiKey'>;

/** lastUsedAt is a hint for people cleaning up keys; a minute's precision is plenty. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * Authenticates an API key on every request that carries one: one indexed read. Revocation
 * takes effect on the next request because nothing here is cached.
 */
@Injectable()
export class ResolveApiKey {
  private readonly logger = new Logger(ResolveApiKey.name);

  constructor(@Inject(ApiKeyRepository) private readonly keys: IApiKeyRepository) {}

  async execute({ secret }: ResolveApiKeyInput, now = new Date()): Promise<Principal> {
    if (typeof secret !== 'string' || !isApiKeyShaped(secret)) throw invalidKey();
    const key = await this.keys.bySecretHash(hashApiKeySecret(secret));
    if (key === null || key.revokedAt !== null) throw invalidKey();

    const lastUsed = key.lastUsedAt === null ? 0 : Date.parse(key.lastUsedAt);
    if (now.getTime() - lastUsed >= LAST_USED_PRECISION_MS) {
      // Not awaited: the caller's request must not wait for, or fail on, bookkeeping.
      this.keys
        .touch(key.id, now, LAST_USED_PRECISION_MS)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, apiKeyId: key.id }, 'could not record API key use'),
        );
    }
    return { kind: 'api_key', apiKeyId: key.id, tenantId: key.tenantId };
  }
}

// One answer for unknown and revoked keys: the caller learns nothing about other keys.
function invalidKey() {
  return unauthenticated('The API key is not valid');
}
