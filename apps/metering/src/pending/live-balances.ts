import { Injectable } from '@nestjs/common';
import { parseWireMicros } from '@tally/money';
import { RpcClient, type Principal, type WalletView } from '@tally/transport';
import { LedgerClient } from '../peers/ledger.client';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { chargeKey } from '../settlement/charge-posting';
import { HOUR_MS } from '../sources/usage-source';
import { liveFigures, runsOutAt, type LiveFigures } from './live-figures';
import { PendingRepository, type LiveRow } from './pending.repository';

/** A wallet as of now: its ledger balance less the usage not settled yet. */
export interface LiveWallet extends LiveFigures {
  readonly wallet: WalletView;
  readonly balanceMicros: bigint;
  readonly availableMicros: bigint;
  readonly runsOutAt: Date | null;
}

/**
 * Live balances: the account service answers with the wallets the principal may read (exactly
 * as `Wallet.balance` is authorized) and their balances; metering adds what is pending, from a
 * few indexed rows per wallet. The ledger is asked only about the charges of an hour frozen and
 * not all posted (seconds each hour, or a crash), to tell which of them the balance has.
 */
@Injectable()
export class LiveBalances {
  constructor(
    private readonly rpc: RpcClient,
    private readonly pending: PendingRepository,
    private readonly ledger: LedgerClient,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  async ofWallets(
    principal: Principal,
    walletIds: readonly string[],
    now = new Date(),
  ): Promise<LiveWallet[]> {
    if (walletIds.length === 0) return [];
    const wallets = await this.rpc.send('account.wallets.byIds', {
      principal,
      input: { ids: walletIds },
    });
    if (wallets.length === 0) return [];
    const rows = await this.pending.liveRows(
      { walletIds: wallets.map((w) => w.id) },
      rateSince(now),
    );
    const inLedger = await this.chargesInLedger(rows);
    const rowsOf = new Map<string, LiveRow[]>();
    for (const row of rows) {
      const ofWallet = rowsOf.get(row.walletId);
      if (ofWallet) ofWallet.push(row);
      else rowsOf.set(row.walletId, [row]);
    }
    return wallets.map((wallet) => {
      const figures = liveFigures(rowsOf.get(wallet.id) ?? [], inLedger, now);
      const balanceMicros = parseWireMicros(wallet.balanceMicros);
      const availableMicros = balanceMicros - figures.pendingMicros;
      return {
        wallet,
        ...figures,
        balanceMicros,
        availableMicros,
        runsOutAt: runsOutAt(availableMicros, figures.spendRateMicros, now),
      };
    });
  }

  /** A namespace's pending charges, or null when the principal may not read its workspace. */
  async ofNamespace(principal: Principal, namespace: string, now = new Date()) {
    if (!(await this.workspaces.mayRead(principal, namespace))) return null;
    const rows = await this.pending.liveRows({ namespace }, rateSince(now));
    return liveFigures(rows, await this.chargesInLedger(rows), now);
  }

  private async chargesInLedger(rows: readonly LiveRow[]): Promise<Set<string>> {
    const keys = rows
      .filter((row) => row.kind === 'frozen')
      .map((row) => chargeKey(row.namespace, row.hour));
    if (keys.length === 0) return new Set();
    return new Set((await this.ledger.byKeys(keys)).map((posted) => posted.idempotencyKey));
  }
}

/** The spend rate looks back to the start of the previous hour. */
function rateSince(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
}
