import type { DebtState } from '@tally/transport';

export interface DebtThresholds {
  /** LOW_BALANCE below this many hours of the current spend. */
  readonly lowBalanceHours: number;
  /** CRITICAL below this many hours of the current spend. */
  readonly criticalHours: number;
  /** How long a balance may stay below zero before the wallet is SUSPENDED. */
  readonly graceMs: number;
  /** RECLAIMED after this long SUSPENDED; null: never (the default). */
  readonly reclaimAfterMs: number | null;
}

export interface WalletFacts {
  /** The available balance: the ledger's less the usage not settled yet (pending). */
  readonly balanceMicros: bigint;
  /**
   * What the wallet's namespaces cost an hour: the live rate over the last hour of minutes
   * (what `runsOutAt` is reckoned from), or the last settled hour while nothing is pending.
   */
  readonly hourlySpendMicros: bigint;
  readonly current: DebtState;
  /** When the current state began. */
  readonly since: Date;
  /** When the balance went below zero; null if it is not negative. */
  readonly negativeSince: Date | null;
}

export interface Verdict {
  readonly state: DebtState;
  readonly cause: string;
}

/**
 * Where a wallet stands:
 * - below zero for longer than the grace period: SUSPENDED (RECLAIMED once suspended for the
 *   reclaim period, when enabled); below zero inside the grace period: CRITICAL;
 * - otherwise by how long the balance lasts at the current hourly spend: under the critical
 *   hours CRITICAL, under the low-balance hours LOW_BALANCE, else NORMAL. A wallet that
 *   spends nothing is NORMAL at any balance that is not negative.
 * Money arriving moves a wallet straight to wherever its new balance puts it, NORMAL included.
 */
export function assessDebt(facts: WalletFacts, thresholds: DebtThresholds, now: Date): Verdict {
  const { balanceMicros: balance, hourlySpendMicros: spend } = facts;
  if (balance < 0n) {
    const negativeFor = now.getTime() - (facts.negativeSince ?? now).getTime();
    if (negativeFor < thresholds.graceMs) {
      return { state: 'CRITICAL', cause: 'balance below zero, within the grace period' };
    }
    const suspended = facts.current === 'SUSPENDED' || facts.current === 'RECLAIMED';
    if (
      suspended &&
      thresholds.reclaimAfterMs !== null &&
      (facts.current === 'RECLAIMED' ||
        now.getTime() - facts.since.getTime() >= thresholds.reclaimAfterMs)
    ) {
      return { state: 'RECLAIMED', cause: 'suspended for longer than the reclaim period' };
    }
    return {
      state: suspended ? facts.current : 'SUSPENDED',
      cause: 'balance below zero after the grace period',
    };
  }
  if (spend > 0n && balance * 3600n < spend * BigInt(Math.round(thresholds.criticalHours * 3600))) {
    return {
      state: 'CRITICAL',
      cause: `balance lasts under ${thresholds.criticalHours} h at the current spend`,
    };
  }
  if (
    spend > 0n &&
    balance * 3600n < spend * BigInt(Math.round(thresholds.lowBalanceHours * 3600))
  ) {
    return {
      state: 'LOW_BALANCE',
      cause: `balance lasts under ${thresholds.lowBalanceHours} h at the current spend`,
    };
  }
  return { state: 'NORMAL', cause: 'balance covers the current spend' };
}

/** Whether a wallet in `state` has its namespaces suspended. */
export function isSuspended(state: DebtState): boolean {
  return state === 'SUSPENDED' || state === 'RECLAIMED';
}
