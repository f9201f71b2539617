import { forbidden } from '@tally/errors';
import {
  isFinanceStaff,
  isPlatformAdmin,
  isService,
  principalName,
  type Principal,
} from '@tally/transport';

/** settleHour moves money for every tenant at once: platform admins only. Returns who acted. */
export function assertPlatformAdmin(principal: Principal): string {
  if (isPlatformAdmin(principal)) return principalName(principal);
  throw forbidden('Only platform admins may settle hours');
}

/** Reconciliation reports are the books' health: finance staff and platform admins. */
export function assertFinance(principal: Principal): string {
  if (isFinanceStaff(principal)) return principalName(principal);
  throw forbidden('Only finance staff and platform admins may reconcile');
}

/** Samples come from Tally's own agents, never from a tenant. */
export function assertService(principal: Principal): void {
  if (!isService(principal)) throw forbidden('Only Tally services may do this');
}
