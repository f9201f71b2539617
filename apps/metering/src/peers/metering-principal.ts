import type { Principal } from '@tally/transport';

/** How metering identifies itself to the other services when it acts on its own behalf. */
export const METERING: Principal = { kind: 'service', service: 'metering' };
