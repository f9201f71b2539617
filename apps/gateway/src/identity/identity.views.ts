import type { ApiKeyView, MembershipView, UserView } from '@tally/transport';
import { ApiKey, MemberRole, Membership, PlatformRole, User } from './identity.models';

// From the account service's views to the GraphQL models (timestamps become Dates).

export function toUser(view: UserView): User {
  return {
    id: view.id,
    externalId: view.externalId,
    email: view.email,
    platformRole: view.platformRole === null ? null : PlatformRole[view.platformRole],
  };
}

export function toMembership(view: MembershipView): Membership {
  return { role: MemberRole[view.role], tenantId: view.tenantId, userId: view.userId };
}

export function toApiKey(view: ApiKeyView): ApiKey {
  return {
    id: view.id,
    name: view.name,
    prefix: view.prefix,
    createdAt: new Date(view.createdAt),
    lastUsedAt: view.lastUsedAt === null ? null : new Date(view.lastUsedAt),
    revokedAt: view.revokedAt === null ? null : new Date(view.revokedAt),
    tenantId: view.tenantId,
  };
}
