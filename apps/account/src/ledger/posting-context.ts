import { currentRequestId } from '@tally/observability';
import { actorOf, type Principal } from '@tally/transport';
import { PostingContext } from './ledger.types';

/** The audit trail of a posting made on behalf of an authenticated caller. */
export function postingContextOf(principal: Principal): PostingContext {
  return { actor: actorOf(principal), requestId: currentRequestId() };
}

/**
 * Callers' idempotency keys live in their tenant's own space, so one tenant can neither
 * collide with nor probe another's keys.
 */
export function tenantScopedKey(kind: string, tenantId: string, key: string): string {
  return `${kind}:${tenantId}:${key}`;
}
