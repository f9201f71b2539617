import type { Principal } from '@tally/transport';

/**
 * The principal the auth guard stored on the request (passport's `req.user`), with its
 * shape checked rather than cast: `req.user` is typed as anything passport may put there.
 */
export function principalOf(request: { user?: unknown }): Principal | undefined {
  return isPrincipal(request.user) ? request.user : undefined;
}

function isPrincipal(value: unknown): value is Principal {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  switch (value.kind) {
    case 'user':
      return 'userId' in value && typeof value.userId === 'string';
    case 'api_key':
      return (
        'apiKeyId' in value &&
        typeof value.apiKeyId === 'string' &&
        'tenantId' in value &&
        typeof value.tenantId === 'string'
      );
    case 'admin_key':
      return true;
    case 'service':
      return 'service' in value && typeof value.service === 'string';
    default:
      return false;
  }
}
