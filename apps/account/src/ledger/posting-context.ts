import { currentRequestId } from '@tally/observability';
import type { Principal } from '@tally/transport';
import { PostingContext } from './ledger.types';

/** The audit trail of a posting made on behalf of an authenticated caller. */
export function postingContextOf(principal: Principal): PostingContext {
  const requestId = currentRequestId();
  switch (principal.kind) {
    case 'user':
      return { actor: { type: 'user', id: principal.userId }, requestId };
    case 'api_key':
      return { actor: { type: 'api_key', id: principal.apiKeyId }, requestId };
    case 'admin_key':
      return { actor: { type: 'admin_key' }, requestId };
    case 'service':
      return { actor: { type: 'system', id: principal.service }, requestId };
  }
}

/**
 * Callers' idempotency keys live in their tenant's own space, so one tenant can neither
 * collide with nor probe another's keys.
 */
export function tenantScopedKey(kind: string, tenantId: string, key: string): string {
  return `${kind}:${tenantId}:${key}`;
}
