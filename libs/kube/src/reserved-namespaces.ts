import { z } from 'zod';

/**
 * Namespaces no tenant may claim and Tally never suspends or reclaims, whatever a workspace
 * row says: the cluster's own (`kube-system` runs CoreDNS; `kube-public`, `kube-node-lease`),
 * `default`, and the platform's (k8s/: `tally-system`, `tally-agent`). A trailing `*` matches
 * a prefix.
 */
export const BUILT_IN_RESERVED_NAMESPACES: readonly string[] = [
  'kube-*',
  'default',
  'tally-system',
  'tally-agent',
];

// Kubernetes namespace names are DNS-1123 labels: lower-case alphanumerics and '-', starting
// and ending alphanumeric, at most 63 characters.
const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const PREFIX = /^[a-z0-9][-a-z0-9]{0,61}\*$/;

/** True when `name` is a valid Kubernetes namespace name (a DNS-1123 label). */
export function isNamespaceName(name: string): boolean {
  return NAME.test(name);
}

/** True when `entry` is a namespace name or a prefix pattern (`openshift-*`). */
export function isReservedNamespaceEntry(entry: string): boolean {
  return NAME.test(entry) || PREFIX.test(entry);
}

/** Answers whether a namespace is reserved: the built-in ones plus `extra`. */
export type ReservedNamespaces = (namespace: string) => boolean;

export function reservedNamespaces(extra: readonly string[] = []): ReservedNamespaces {
  const entries = [...BUILT_IN_RESERVED_NAMESPACES, ...extra];
  const names = new Set(entries.filter((entry) => !entry.endsWith('*')));
  const prefixes = entries.filter((entry) => entry.endsWith('*')).map((e) => e.slice(0, -1));
  return (namespace) =>
    names.has(namespace) || prefixes.some((prefix) => namespace.startsWith(prefix));
}

/**
 * TALLY_RESERVED_NAMESPACES: more reserved namespaces on top of the built-in ones, comma
 * separated, e.g. `monitoring,openshift-*`. Each entry must be a namespace name or a prefix
 * ending in `*`.
 */
export const reservedNamespacesSetting = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine((entries) => entries.every(isReservedNamespaceEntry), {
    message:
      'must be comma-separated namespace names or prefixes ending in * (e.g. monitoring,openshift-*)',
  });
