import type { Principal } from '@tally/transport';

/** How the account service identifies itself to the other services. */
export const ACCOUNT_SERVICE: Principal = { kind: 'service', service: 'account' };
