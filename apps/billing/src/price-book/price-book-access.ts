import { forbidden } from '@tally/errors';
import { isFinanceStaff, principalName, type Principal } from '@tally/transport';

/**
 * Prices are the cloud's, not a tenant's: finance staff and platform admins set them, and
 * only they. Returns who acted, for the version's audit column.
 */
export function assertMayPrice(principal: Principal): string {
  if (isFinanceStaff(principal)) return principalName(principal);
  throw forbidden('Only finance staff and platform admins may change prices');
}
