import { badInput } from '@tally/errors';

/** Tenants a page may hold; `first` defaults to 50 in the API. */
export const MAX_TENANTS_PAGE = 200;
const MAX_SEARCH_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a page starts: after the tenant with this lower(name) and id, in that order. */
export interface TenantPosition {
  readonly name: string;
  readonly id: string;
}

/**
 * What one search text can match. Names match as a case-insensitive substring; ids, e-mails
 * and IdP subjects exactly; namespaces by prefix (an exact namespace is its own prefix).
 */
export interface TenantSearchTerms {
  readonly text: string;
  /** The text when it is a UUID: a tenant's or a member's id. */
  readonly uuid: string | null;
}

/** A blank search lists every tenant; a search longer than any name is a mistake. */
export function searchTerms(search: string | null): TenantSearchTerms | null {
  const text = search?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badInput(`search must be at most ${MAX_SEARCH_LENGTH} characters`, {
      reason: 'BAD_SEARCH',
    });
  }
  return { text, uuid: UUID.test(text) ? text.toLowerCase() : null };
}

export function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_TENANTS_PAGE) {
    throw badInput(`first must be between 1 and ${MAX_TENANTS_PAGE}`, { reason: 'BAD_PAGE_SIZE' });
  }
}

// The cursor is the position's JSON in base64url: opaque to callers, and a forged one can only
// move the start of a page, never widen what the caller may see.
export function encodeCursor(position: TenantPosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): TenantPosition {
  const position = parsePosition(cursor);
  if (position === null) {
    throw badInput('after is not a cursor this API returned', { reason: 'BAD_CURSOR' });
  }
  return position;
}

function parsePosition(cursor: string): TenantPosition | null {
  if (!/^[A-Za-z0-9_-]{1,1200}$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [name, id] = parsed as unknown[];
  if (typeof name !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
  return { name, id };
}
