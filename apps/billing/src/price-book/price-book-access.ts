import { forbidden } from '@tally/errors';
import { principalName, type Principal } from '@tally/transport';

/**
 * Prices are the cloud's, not a tenant's: finance staff and platform admins set them, and
 * only they. Returns who acted, for the version's audit column.
 */
export function assertMayPrice(principal: Principal): string {
  switch (principal.kind) {
    case 'admin_key':
      return principalName(principal);
    case 'user':
      if (principal.platformRole === 'FINANCE' || principal.platformRole === 'PLATFORM_ADMIN') {
        return principalName(principal);
      }
      break;
    case 'api_key':
    case 'service':
      break;
  }
  throw forbidden('Only finance staff and platform admins may change prices');
}
