/**
 * The source settlement asks for an hour nobody delivered samples for, and reconciliation
 * asks again to refill gaps: a `HourlyUsageSource` (Prometheus, when enabled).
 */
export const HOURLY_SOURCE = Symbol('HOURLY_SOURCE');

/** Minutes in an hour: an hour with fewer samples than this for a resource is short. */
export const MINUTES_PER_HOUR = 60;
