import { Inject, Injectable, Logger } from '@nestjs/common';
import { parseWireMicros, toWireMicros } from '@tally/money';
import { RpcClient } from '@tally/transport';
import { METERING } from '../peers/metering-principal';
import type { LiveWallet } from '../pending/live-balances';
import { alertTransitionEvents, type AlertNotice } from './alert-events';
import { monthStart, nextState, observedFigure, type AlertFacts } from './alert-policy';
import { AlertRepository, type StoredAlert } from './alert.repository';

/**
 * Evaluates the alerts of wallets the debt ladder has just evaluated, on the same live figures.
 * A chunk costs one query for its alerts and, only when some of them need it, one for the
 * month's spend and one account call for budgets; each transition is its own small transaction
 * (AlertRepository.transition), so a replay or a concurrent evaluation announces nothing twice.
 */
@Injectable()
export class EvaluateAlerts {
  private readonly logger = new Logger(EvaluateAlerts.name);

  constructor(
    @Inject(AlertRepository)
    private readonly alerts: Pick<AlertRepository, 'ofWallets' | 'monthSpend' | 'transition'>,
    @Inject(RpcClient) private readonly rpc: Pick<RpcClient, 'send'>,
  ) {}

  /** Returns how many alerts moved. */
  async execute(lives: readonly LiveWallet[], now: Date): Promise<number> {
    if (lives.length === 0) return 0;
    const byWallet = await this.alerts.ofWallets(lives.map((live) => live.wallet.id));
    if (byWallet.size === 0) return 0;
    const watched = [...byWallet.values()].flat();
    const [spend, budgets] = await Promise.all([
      this.alerts.monthSpend(walletsOf(watched, spendKinds), monthStart(now)),
      this.budgets(watched),
    ]);
    let moves = 0;
    for (const live of lives) {
      const facts: AlertFacts = {
        availableMicros: live.availableMicros,
        monthSpendMicros: spend.get(live.wallet.id) ?? 0n,
        monthlyBudgetMicros:
          live.wallet.subAccountId === null
            ? null
            : (budgets.get(live.wallet.subAccountId) ?? null),
        runsOutAt: live.runsOutAt,
      };
      for (const alert of byWallet.get(live.wallet.id) ?? []) {
        const to = nextState(alert.state, alert, facts, now);
        if (to === null) continue;
        const notice = noticeOf(alert, to, observedFigure(alert.kind, facts), now);
        const move = { alert, to, observed: notice.observed, at: now };
        if (await this.alerts.transition(move, alertTransitionEvents(notice, now))) {
          moves++;
          this.logger.log({ alertId: alert.id, walletId: alert.walletId, to }, 'alert moved');
        }
      }
    }
    return moves;
  }

  /** The monthly budgets of the sub-accounts that budget alerts watch: one account call. */
  private async budgets(alerts: readonly StoredAlert[]): Promise<Map<string, bigint | null>> {
    const ids = [
      ...new Set(
        alerts
          .filter((alert) => alert.kind === 'MONTHLY_BUDGET_PERCENT_ABOVE')
          .flatMap((alert) => (alert.subAccountId === null ? [] : [alert.subAccountId])),
      ),
    ];
    if (ids.length === 0) return new Map();
    const subAccounts = await this.rpc.send('account.subAccounts.byIds', {
      principal: METERING,
      input: { ids },
    });
    return new Map(
      subAccounts.map((sub) => [
        sub.id,
        sub.monthlyBudgetMicros === null ? null : parseWireMicros(sub.monthlyBudgetMicros),
      ]),
    );
  }
}

const spendKinds: ReadonlySet<StoredAlert['kind']> = new Set([
  'MONTHLY_SPEND_ABOVE',
  'MONTHLY_BUDGET_PERCENT_ABOVE',
]);

function walletsOf(alerts: readonly StoredAlert[], kinds: ReadonlySet<StoredAlert['kind']>) {
  return [...new Set(alerts.filter((a) => kinds.has(a.kind)).map((a) => a.walletId))];
}

function noticeOf(
  alert: StoredAlert,
  state: AlertNotice['state'],
  observed: string,
  now: Date,
): AlertNotice {
  return {
    alertId: alert.id,
    walletId: alert.walletId,
    tenantId: alert.tenantId,
    subAccountId: alert.subAccountId,
    kind: alert.kind,
    threshold: thresholdText(alert),
    state,
    observed,
    at: now.toISOString(),
    sequence: alert.sequence + 1,
  };
}

/** The threshold as the notice carries it: wire micro-units, or the percent or hours. */
export function thresholdText(alert: StoredAlert): string {
  if (alert.amountMicros !== null) return toWireMicros(alert.amountMicros);
  return String(alert.percent ?? alert.hours);
}
