import { forbidden } from '@tally/errors';
import { principalName, type Principal } from '@tally/transport';

/** settleHour moves money for every tenant at once: platform admins only. Returns who acted. */
export function assertPlatformAdmin(principal: Principal): string {
  if (
    principal.kind === 'admin_key' ||
    (principal.kind === 'user' && principal.platformRole === 'PLATFORM_ADMIN')
  ) {
    return principalName(principal);
  }
  throw forbidden('Only platform admins may settle hours');
}

/** Reconciliation reports are the books' health: finance staff and platform admins. */
export function assertFinance(principal: Principal): string {
  if (
    principal.kind === 'admin_key' ||
    (principal.kind === 'user' &&
      (principal.platformRole === 'FINANCE' || principal.platformRole === 'PLATFORM_ADMIN'))
  ) {
    return principalName(principal);
  }
  throw forbidden('Only finance staff and platform admins may reconcile');
}

/** Samples come from Tally's own agents, never from a tenant. */
export function assertService(principal: Principal): void {
  if (principal.kind !== 'service') throw forbidden('Only Tally services may do this');
}
