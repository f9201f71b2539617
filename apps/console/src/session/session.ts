/**
 * Who is signed in: the token pasted on the sign-in page, and for an API key the tenant it
 * belongs to. Kept in sessionStorage only: it lives as long as the tab, is never sent as a
 * cookie, and no other origin's scripts can read it.
 */
export interface Session {
  readonly token: string;
  readonly kind: 'api_key' | 'jwt';
  /** An API key's tenant; a JWT's tenants come from `me`. */
  readonly tenantId?: string;
}

const KEY = 'tally.console.session';
const API_KEY_PREFIX = 'tly_';

export function tokenKind(token: string): Session['kind'] {
  return token.startsWith(API_KEY_PREFIX) ? 'api_key' : 'jwt';
}

export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (stored === null) return null;
  try {
    const session = JSON.parse(stored) as Partial<Session>;
    return typeof session.token === 'string' && session.token !== ''
      ? { token: session.token, kind: tokenKind(session.token), tenantId: session.tenantId }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
