import { Injectable } from '@nestjs/common';
import { parseWireMicros, runsOutAt, spendRatePerHour, toWireMicros } from '@tally/money';
import type { LiveWalletView, Principal, WalletView } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { LiveWalletsRepository, type PendingHourRow } from './live-wallets.repository';

const HOUR_MS = 3_600_000;

export interface WalletFigures {
  /** Usage not in the balance yet: open hours, and frozen charges the ledger lacks. */
  readonly pendingMicros: bigint;
  /** Per hour, over the last 60 minutes. */
  readonly spendRateMicros: bigint;
  readonly pendingThrough: Date | null;
}

/**
 * Wallets as of now, read together with their balance: the ledger balance less what metering
 * has priced and the ledger does not have yet. A frozen hour's charges count as pending until
 * the ledger has them and not after, so a charge is in exactly one of the balance and the
 * pending figure at any moment, a settlement killed half-way included.
 */
@Injectable()
export class LiveWallets {
  constructor(
    private readonly rows: LiveWalletsRepository,
    private readonly access: TenantAccess,
  ) {}

  /** The wallets the principal may read (others are left out), live to the minute. */
  async ofWallets(
    principal: Principal,
    ids: readonly string[],
    now = new Date(),
  ): Promise<LiveWalletView[]> {
    const wallets = await this.access.readable(
      principal,
      await this.rows.walletsWithRows(
        ids,
        new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS),
      ),
      ({ wallet }) => wallet.tenantId,
    );
    return wallets.map(({ wallet, rows }) => liveView(wallet, walletFigures(rows, now), now));
  }
}

/** One wallet's figures from its rows of the hours not settled yet and the hour before. */
export function walletFigures(rows: readonly PendingHourRow[], now: Date): WalletFigures {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  let pendingMicros = 0n;
  let currentHour = 0n;
  let previousHour = 0n;
  let through: number | null = null;
  for (const row of rows) {
    const hour = row.hour.getTime();
    if (hour === current) currentHour += row.amountMicros;
    else if (hour === current - HOUR_MS) previousHour += row.amountMicros;
    if (row.state === 'OPEN') pendingMicros += row.amountMicros;
    // The ledger never holds more of a frozen hour than its charges: only a reposted
    // correction could, and corrections are another kind.
    if (row.state === 'FROZEN' && row.amountMicros > row.postedMicros) {
      pendingMicros += row.amountMicros - row.postedMicros;
    }
    if (row.state === 'OPEN' && row.throughMinute !== null) {
      through = Math.max(through ?? 0, row.throughMinute.getTime());
    }
  }
  return {
    pendingMicros,
    spendRateMicros: spendRatePerHour(currentHour, previousHour, now),
    pendingThrough: through === null ? null : new Date(through),
  };
}

function liveView(wallet: WalletView, figures: WalletFigures, now: Date): LiveWalletView {
  const availableMicros = parseWireMicros(wallet.balanceMicros) - figures.pendingMicros;
  return {
    wallet,
    pendingMicros: toWireMicros(figures.pendingMicros),
    availableMicros: toWireMicros(availableMicros),
    spendRateMicros: toWireMicros(figures.spendRateMicros),
    runsOutAt: runsOutAt(availableMicros, figures.spendRateMicros, now)?.toISOString() ?? null,
    pendingThrough: figures.pendingThrough?.toISOString() ?? null,
  };
}
