import { forbidden } from '@tally/errors';
import type { MemberRole } from '@tally/transport';

/** Who hands out a role: a member of the tenant, or the platform (admins, Tally services). */
export type Granter = MemberRole | 'PLATFORM';

const grantable: Record<Granter, readonly MemberRole[]> = {
  PLATFORM: ['OWNER', 'ADMIN', 'MEMBER'],
  OWNER: ['OWNER', 'ADMIN', 'MEMBER'],
  // An admin making someone owner would let them take the tenant away from its owners.
  ADMIN: ['ADMIN', 'MEMBER'],
  MEMBER: [],
};

export function assertMayGrant(granter: Granter, role: MemberRole): void {
  if (!grantable[granter].includes(role)) {
    throw forbidden(
      granter === 'MEMBER'
        ? 'Members may not add people to the tenant'
        : `The ${granter} role may not grant ${role}`,
      { reason: 'ROLE_NOT_GRANTABLE' },
    );
  }
}
