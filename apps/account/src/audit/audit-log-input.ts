import { badInput } from '@tally/errors';
import type { AuditKind } from '@tally/transport';
import type { AuditFilter } from './audit.repository';

/** Records a page may hold; `first` defaults to 50 in the API. */
export const MAX_AUDIT_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ACTOR_ID_LENGTH = 200;
const AUDIT_KINDS: ReadonlySet<AuditKind> = new Set<AuditKind>([
  'BALANCE_ADJUSTED',
  'CREDIT_GRANTED',
  'RECHARGE_REFUNDED',
  'INVOICE_VOIDED',
  'INVOICE_REISSUED',
  'NAMESPACE_SUSPENDED',
  'NAMESPACE_RESUMED',
]);

interface RawFilter {
  readonly actorId: string | null;
  readonly tenantId: string | null;
  readonly kind: string | null;
}

/** A blank filter is no filter; a tenant id that is no UUID can match nothing and is a mistake. */
export function auditFilter(raw: RawFilter): AuditFilter {
  const actorId = raw.actorId?.trim() || null;
  const tenantId = raw.tenantId?.trim() || null;
  if (actorId !== null && actorId.length > MAX_ACTOR_ID_LENGTH) {
    throw badInput(`actorId must be at most ${MAX_ACTOR_ID_LENGTH} characters`, {
      reason: 'BAD_ACTOR_ID',
    });
  }
  if (tenantId !== null && !UUID.test(tenantId)) {
    throw badInput('tenantId is not a tenant id', { reason: 'BAD_TENANT_ID' });
  }
  if (raw.kind !== null && !AUDIT_KINDS.has(raw.kind as AuditKind)) {
    throw badInput(`kind must be one of ${[...AUDIT_KINDS].join(', ')}`, { reason: 'BAD_KIND' });
  }
  return { actorId, tenantId: tenantId?.toLowerCase() ?? null, kind: raw.kind as AuditKind | null };
}

export function assertAuditPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_AUDIT_PAGE}`, { reason: 'BAD_PAGE_SIZE' });
  }
}

// A cursor is the record's id in base64url: opaque to callers; a forged one only moves where a
// page starts, never widens what the caller may see.
export function encodeAuditCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

export function decodeAuditCursor(cursor: string): bigint {
  const id = /^[A-Za-z0-9_-]{1,40}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!/^[1-9]\d{0,18}$/.test(id) || BigInt(id) > 2n ** 63n - 1n) {
    throw badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
  }
  return BigInt(id);
}
