import { Inject, Injectable, Logger } from '@nestjs/common';
import { parseWireMicros } from '@tally/money';
import { RpcClient } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { METERING } from '../peers/metering-principal';
import { transitionEvents } from './debt-events';
import { assessDebt, DebtThresholds } from './debt-policy';
import { DebtRepository } from './debt.repository';

export interface EvaluationSummary {
  readonly evaluated: number;
  readonly transitions: number;
}

/**
 * Re-evaluates wallets against their current balance (from the account service) and spend,
 * records each change of state once with its cause and the events it sets off, and keeps the
 * account service's copy of the state (what `Wallet.debtState` shows) in step.
 */
@Injectable()
export class EvaluateWallets {
  private readonly logger = new Logger(EvaluateWallets.name);
  private readonly thresholds: DebtThresholds;

  constructor(
    @Inject(METERING_CONFIG) config: MeteringConfig,
    private readonly debts: DebtRepository,
    private readonly rpc: RpcClient,
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

  async execute(walletIds: readonly string[], now = new Date()): Promise<EvaluationSummary> {
    if (walletIds.length === 0) return { evaluated: 0, transitions: 0 };
    const [wallets, known, spend] = await Promise.all([
      this.rpc.send('account.wallets.byIds', { principal: METERING, input: { ids: walletIds } }),
      this.debts.of(walletIds),
      this.debts.hourlySpend(walletIds),
    ]);
    let transitions = 0;
    for (const wallet of wallets) {
      const previous = known.get(wallet.id) ?? {
        state: 'NORMAL' as const,
        since: now,
        negativeSince: null,
        sequence: 0,
      };
      const balanceMicros = parseWireMicros(wallet.balanceMicros);
      const evaluation = {
        walletId: wallet.id,
        tenantId: wallet.tenantId,
        balanceMicros,
        hourlySpendMicros: spend.get(wallet.id) ?? 0n,
        negativeSince: balanceMicros < 0n ? (previous.negativeSince ?? now) : null,
      };
      const verdict = assessDebt(
        { ...evaluation, current: previous.state, since: previous.since },
        this.thresholds,
        now,
      );
      let state = previous.state;
      if (verdict.state === previous.state) {
        await this.debts.touch(evaluation, previous.state, now);
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
    return { evaluated: wallets.length, transitions };
  }
}
