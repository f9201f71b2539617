import { Inject, Injectable, Logger } from '@nestjs/common';
import { RpcClient, type DebtState } from '@tally/transport';
import { EvaluateAlerts } from '../alerts/evaluate-alerts';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { METERING } from '../peers/metering-principal';
import { LiveBalances, type LiveWallet } from '../pending/live-balances';
import { EvaluateSpendingCaps } from '../spending-caps/evaluate-spending-caps';
import { transitionEvents } from './debt-events';
import { assessDebt, DebtThresholds } from './debt-policy';
import { DebtRepository, type Evaluation } from './debt.repository';

const CHUNK = 500;

export interface EvaluationSummary {
  readonly evaluated: number;
  readonly transitions: number;
}

/**
 * Re-evaluates wallets against their available balance (the ledger's, less the usage not
 * settled yet: LiveBalances) and their spend rate — the live one while the wallet's namespaces
 * report usage, else its last settled hour's — so a wallet is suspended within minutes of its
 * money running out, not at the next settlement. Each change of state is recorded once with its
 * cause and the events it sets off, and the account service's copy of the state (what
 * `Wallet.debtState` shows) is kept in step.
 */
@Injectable()
export class EvaluateWallets {
  private readonly logger = new Logger(EvaluateWallets.name);
  private readonly thresholds: DebtThresholds;

  constructor(
    @Inject(METERING_CONFIG) config: MeteringConfig,
    private readonly debts: DebtRepository,
    private readonly rpc: RpcClient,
    private readonly liveBalances: LiveBalances,
    private readonly evaluateAlerts: EvaluateAlerts,
    private readonly spendingCaps: EvaluateSpendingCaps,
  ) {
    this.thresholds = {
      lowBalanceHours: config.TALLY_DEBT_LOW_BALANCE_HOURS,
      criticalHours: config.TALLY_DEBT_CRITICAL_HOURS,
      graceMs: config.TALLY_DEBT_GRACE_MINUTES * 60_000,
      reclaimAfterMs: config.TALLY_RECLAIM_ENABLED
        ? config.TALLY_DEBT_RECLAIM_AFTER_DAYS * 86_400_000
        : null,
    };
  }

  /** Any number of wallets, a chunk at a time (one account round trip each). */
  async inChunks(walletIds: readonly string[]): Promise<void> {
    for (let i = 0; i < walletIds.length; i += CHUNK) {
      await this.execute(walletIds.slice(i, i + CHUNK));
    }
  }

  async execute(walletIds: readonly string[], now = new Date()): Promise<EvaluationSummary> {
    if (walletIds.length === 0) return { evaluated: 0, transitions: 0 };
    const [lives, known, spend] = await Promise.all([
      this.liveBalances.ofWallets(METERING, walletIds),
      this.debts.of(walletIds),
      this.debts.hourlySpend(walletIds),
    ]);
    let transitions = 0;
    const unchanged: { evaluation: Evaluation; state: DebtState }[] = [];
    for (const live of lives) {
      const { wallet } = live;
      const previous = known.get(wallet.id) ?? {
        state: 'NORMAL' as const,
        since: now,
        negativeSince: null,
        sequence: 0,
      };
      const balanceMicros = live.availableMicros;
      const evaluation = {
        walletId: wallet.id,
        tenantId: wallet.tenantId,
        balanceMicros,
        hourlySpendMicros: currentSpend(live, spend.get(wallet.id)),
        negativeSince: balanceMicros < 0n ? (previous.negativeSince ?? now) : null,
      };
      const verdict = assessDebt(
        { ...evaluation, current: previous.state, since: previous.since },
        this.thresholds,
        now,
      );
      let state = previous.state;
      if (verdict.state === previous.state) {
        unchanged.push({ evaluation, state: previous.state });
      } else {
        const sequence = previous.sequence + 1;
        const events = transitionEvents(
          evaluation,
          previous.state,
          verdict.state,
          verdict.cause,
          now,
          sequence,
        );
        if (
          await this.debts.transition(
            evaluation,
            previous.state,
            verdict.state,
            verdict.cause,
            now,
            sequence,
            events,
          )
        ) {
          transitions++;
          state = verdict.state;
          this.logger.log(
            { walletId: wallet.id, from: previous.state, to: state, cause: verdict.cause },
            'debt state changed',
          );
        } else {
          state = await this.debts.currentState(wallet.id);
        }
      }
      if (wallet.debtState !== state) {
        await this.rpc.send('account.wallets.setDebtState', {
          principal: METERING,
          input: { walletId: wallet.id, state },
        });
      }
    }
    await this.debts.touch(unchanged, now);
    // The wallets' threshold alerts, on the same live figures.
    await this.evaluateAlerts.execute(lives, now);
    // The same wallets' spending caps: independent of their balance.
    await this.spendingCaps.execute(walletIds, now);
    return { evaluated: lives.length, transitions };
  }
}

/**
 * What the wallet spends an hour: the live rate over the last hour of minutes, which is what
 * `runsOutAt` is reckoned from, or the last settled hour's charges while no usage is pending
 * (a wallet whose samples stopped is not taken for one that stopped spending).
 */
function currentSpend(live: LiveWallet, settledHour: bigint | undefined): bigint {
  return live.spendRateMicros > 0n ? live.spendRateMicros : (settledHour ?? 0n);
}
