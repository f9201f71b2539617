import { Injectable } from '@nestjs/common';
import { parseWireMicros } from '@tally/money';
import { RpcClient, type LiveWalletView, type Principal, type WalletView } from '@tally/transport';
import { LedgerClient } from '../peers/ledger.client';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { chargeKey } from '../settlement/charge-posting';
import { HOUR_MS } from '../sources/usage-source';
import { liveFigures, type LiveFigures } from './live-figures';
import { PendingRepository, type LiveRow } from './pending.repository';

/** A wallet as of now: its ledger balance less the usage not settled yet. */
export interface LiveWallet extends LiveFigures {
  readonly wallet: WalletView;
  readonly balanceMicros: bigint;
  readonly availableMicros: bigint;
  readonly runsOutAt: Date | null;
}

/** The account service answers this many wallets a call. */
const WALLETS_PER_CALL = 500;

/**
 * Live balances. A wallet's are the account service's to answer, beside its balance, from
 * what metering publishes each minute (WalletPendingPublisher); a namespace's are metering's,
 * from its few pending rows. The ledger is asked only about the charges of an hour frozen and
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

  /** The wallets the principal may read (exactly as `Wallet.balance` is authorized). */
  async ofWallets(principal: Principal, walletIds: readonly string[]): Promise<LiveWallet[]> {
    const lives: LiveWallet[] = [];
    for (let i = 0; i < walletIds.length; i += WALLETS_PER_CALL) {
      const views = await this.rpc.send('account.wallets.live', {
        principal,
        input: { ids: walletIds.slice(i, i + WALLETS_PER_CALL) },
      });
      lives.push(...views.map(fromView));
    }
    return lives;
  }

  /** A namespace's pending charges, or null when the principal may not read its workspace. */
  async ofNamespace(principal: Principal, namespace: string, now = new Date()) {
    if (!(await this.workspaces.mayRead(principal, namespace))) return null;
    const rows = await this.pending.liveRows(namespace, rateSince(now));
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

function fromView(view: LiveWalletView): LiveWallet {
  return {
    wallet: view.wallet,
    balanceMicros: parseWireMicros(view.wallet.balanceMicros),
    pendingMicros: parseWireMicros(view.pendingMicros),
    availableMicros: parseWireMicros(view.availableMicros),
    spendRateMicros: parseWireMicros(view.spendRateMicros),
    runsOutAt: view.runsOutAt === null ? null : new Date(view.runsOutAt),
    pendingThrough: view.pendingThrough === null ? null : new Date(view.pendingThrough),
  };
}

/** The spend rate looks back to the start of the previous hour. */
function rateSince(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
}
