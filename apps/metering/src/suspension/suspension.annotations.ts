import { createHash } from 'node:crypto';

// Everything Tally writes into a tenant's namespace carries the tally.dev/ prefix, so an
// operator can see (and `kubectl annotate ... tally.dev/state-`) exactly what it touched.

/** On the namespace: where suspension stands. Absent = never suspended (or fully resumed). */
export const STATE = 'tally.dev/state';
/** On the namespace: when the first suspension began (ISO 8601), kept across sweeps. */
export const SUSPENDED_AT = 'tally.dev/suspended-at';
/** On the namespace: why (e.g. "debt"), as given by the caller. */
export const REASON = 'tally.dev/reason';
/** On the namespace: when reclaim deleted the workloads. */
export const RECLAIMED_AT = 'tally.dev/reclaimed-at';
/** On a Deployment or StatefulSet: spec.replicas before suspension. */
export const SAVED_REPLICAS = 'tally.dev/saved-replicas';
/** On a CronJob: spec.suspend before suspension ("true" or "false"). */
export const SAVED_SUSPEND = 'tally.dev/saved-suspend';
/**
 * On the namespace, one per deleted HPA: the HPA as JSON. The namespace outlives the HPA
 * (and its target, should the tenant delete that), so the saved spec survives both.
 */
export const SAVED_HPA_PREFIX = 'hpa.tally.dev/';

/** The values of the STATE annotation. */
export const SuspensionState = {
  Suspending: 'suspending',
  Suspended: 'suspended',
  Resuming: 'resuming',
  Reclaiming: 'reclaiming',
  Reclaimed: 'reclaimed',
} as const;
export type SuspensionState = (typeof SuspensionState)[keyof typeof SuspensionState];

/** The ResourceQuota that keeps a suspended namespace from starting anything. */
export const SUSPENDED_QUOTA_NAME = 'tally-suspended';
export const SUSPENDED_QUOTA_HARD: Readonly<Record<string, string>> = {
  pods: '0',
  'requests.cpu': '0',
  'requests.memory': '0',
  'limits.cpu': '0',
  'limits.memory': '0',
  'requests.storage': '0',
  persistentvolumeclaims: '0',
};

/**
 * The namespace annotation holding a deleted HPA. An annotation name is at most 63
 * characters and an HPA name up to 253, so a long name is cut and made unique with a hash
 * (the JSON value carries the real name).
 */
export function savedHpaKey(hpaName: string): string {
  if (hpaName.length <= 63) return `${SAVED_HPA_PREFIX}${hpaName}`;
  const hash = createHash('sha256').update(hpaName).digest('hex').slice(0, 12);
  return `${SAVED_HPA_PREFIX}${hpaName.slice(0, 50).replace(/[-.]+$/, '')}-${hash}`;
}
