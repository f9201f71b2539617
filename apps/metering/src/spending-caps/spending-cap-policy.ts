import { parseWireMicros } from '@tally/money';
import type { SpendingCapView } from '@tally/transport';

/** A scope held by its cap, as metering recorded it (metering.spending_cap_holds). */
export interface CapHold {
  readonly scopeId: string;
  readonly scopeKind: SpendingCapView['scopeKind'];
  readonly walletId: string;
  readonly tenantId: string;
  readonly namespaces: readonly string[];
  readonly month: Date;
  readonly capMicros: bigint;
  readonly spentMicros: bigint;
  readonly since: Date;
}

/**
 * What one evaluation does to a scope: `reach` holds it (its namespaces are suspended),
 * `release` lets it go (resumed), `extend` suspends namespaces that joined a held scope.
 */
export type CapDecision =
  | { readonly kind: 'reach'; readonly hold: CapHold }
  | { readonly kind: 'release'; readonly hold: CapHold; readonly why: string }
  | { readonly kind: 'extend'; readonly hold: CapHold; readonly added: readonly string[] };

/** The first instant of `now`'s calendar month, UTC: caps count that month's spend. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Compares each cap with its scope's spend this month (charges plus pending usage of its
 * namespaces) and with the holds already recorded. A scope is held once its spend reaches the
 * cap (a cap of zero holds it at once), and released when the cap is raised above the spend,
 * removed, or a new month starts.
 */
export function assessCaps(
  caps: readonly SpendingCapView[],
  spentByNamespace: ReadonlyMap<string, bigint>,
  holds: ReadonlyMap<string, CapHold>,
  now: Date,
): CapDecision[] {
  const month = monthStart(now);
  const decisions: CapDecision[] = [];
  for (const cap of caps) {
    const capMicros = parseWireMicros(cap.capMicros);
    const spentMicros = cap.namespaces.reduce(
      (sum, ns) => sum + (spentByNamespace.get(ns) ?? 0n),
      0n,
    );
    const held = holds.get(cap.scopeId);
    if (spentMicros < capMicros) {
      if (held !== undefined) {
        const why =
          held.month < month ? 'a new month began' : 'the cap was raised or the spend fell';
        decisions.push({ kind: 'release', hold: held, why });
      }
      continue;
    }
    if (held === undefined) {
      const { scopeId, scopeKind, walletId, tenantId, namespaces } = cap;
      const hold = {
        scopeId,
        scopeKind,
        walletId,
        tenantId,
        namespaces,
        month,
        capMicros,
        spentMicros,
        since: now,
      };
      decisions.push({ kind: 'reach', hold });
      continue;
    }
    const added = cap.namespaces.filter((ns) => !held.namespaces.includes(ns));
    if (added.length > 0) {
      decisions.push({ kind: 'extend', hold: { ...held, namespaces: cap.namespaces }, added });
    }
  }
  const capped = new Set(caps.map((cap) => cap.scopeId));
  for (const held of holds.values()) {
    if (!capped.has(held.scopeId))
      decisions.push({ kind: 'release', hold: held, why: 'the cap was removed' });
  }
  return decisions;
}
