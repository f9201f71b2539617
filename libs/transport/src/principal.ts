/** Operator-side roles, held by staff of the cloud rather than by tenants. */
export type PlatformRole = 'FINANCE' | 'PLATFORM_ADMIN';

export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';

/**
 * Who is calling, as the gateway authenticated them. It travels with every request to the
 * services, which decide what it may see and do (they own the memberships).
 */
export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly platformRole: PlatformRole | null }
  /** An API key acts inside its own tenant with the ADMIN role. */
  | { readonly kind: 'api_key'; readonly apiKeyId: string; readonly tenantId: string }
  /** TALLY_ADMIN_API_KEY: the bootstrap platform admin. */
  | { readonly kind: 'admin_key' }
  /** Another Tally service acting on its own behalf (settlement, recharges); never external. */
  | { readonly kind: 'service'; readonly service: string };

export interface Authenticated<T> {
  readonly principal: Principal;
  readonly input: T;
}

// Who holds an operator-side standing, decided here once for every service.

/** Platform admins: users with the PLATFORM_ADMIN role, and the bootstrap admin key. */
export function isPlatformAdmin(principal: Principal): boolean {
  return (
    principal.kind === 'admin_key' ||
    (principal.kind === 'user' && principal.platformRole === 'PLATFORM_ADMIN')
  );
}

/**
 * Finance staff (users with the FINANCE role) and platform admins, who may do all finance
 * may: read every tenant's books, correct balances, set prices, reconcile, void invoices.
 */
export function isFinanceStaff(principal: Principal): boolean {
  return (
    isPlatformAdmin(principal) ||
    (principal.kind === 'user' && principal.platformRole === 'FINANCE')
  );
}

/** Tally's own services acting on their own behalf; never an external caller. */
export function isService(principal: Principal): boolean {
  return principal.kind === 'service';
}

/** A stable name of who acted, for audit columns and per-caller counters. */
export function principalName(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.userId}`;
    case 'api_key':
      return `api_key:${principal.apiKeyId}`;
    case 'admin_key':
      return 'admin_key';
    case 'service':
      return `service:${principal.service}`;
  }
}

/** Who acted, as the ledger and the audit trail record it. */
export interface Actor {
  readonly type: 'user' | 'api_key' | 'admin_key' | 'system';
  readonly id?: string;
}

/** The actor a principal is: a user, an API key, the bootstrap admin key, or a Tally service. */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId };
    case 'api_key':
      return { type: 'api_key', id: principal.apiKeyId };
    case 'admin_key':
      return { type: 'admin_key' };
    case 'service':
      return { type: 'system', id: principal.service };
  }
}
