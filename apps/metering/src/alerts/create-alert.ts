import { Injectable, Logger } from '@nestjs/common';
import { notFound } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import {
  principalName,
  RpcClient,
  type AlertKind,
  type Authenticated,
  type NewAlert,
  type WalletView,
} from '@tally/transport';
import { EvaluateWallets } from '../debt/evaluate-wallets';
import { METERING } from '../peers/metering-principal';
import type { AlertThreshold } from './alert-policy';
import { AlertAccess } from './alert-access';
import { AlertRepository, type StoredAlert } from './alert.repository';
import {
  budgetNeedsSubAccount,
  hoursOutOfRange,
  noMonthlyBudget,
  percentOutOfRange,
  subAccountNotOfWallet,
  thresholdMissing,
  thresholdNotOfKind,
  tooManyAlerts,
  unknownKind,
} from './alerts.errors';

/** Enough for every 50/80/100 % step and a few more; the evaluation reads them all each minute. */
export const MAX_ALERTS_PER_WALLET = 20;
const PERCENT = { min: 1, max: 1000 };
const HOURS = { min: 1, max: 8760 };

/** Which threshold field each kind is measured against. */
const THRESHOLD_OF: Record<AlertKind, 'amountMicros' | 'percent' | 'hours'> = {
  AVAILABLE_BALANCE_BELOW: 'amountMicros',
  MONTHLY_SPEND_ABOVE: 'amountMicros',
  MONTHLY_BUDGET_PERCENT_ABOVE: 'percent',
  RUNS_OUT_WITHIN: 'hours',
};

/**
 * An owner, admin or finance sets an alert on a wallet (a sub-account's wallet for a budget
 * alert). It starts OK and the wallet is evaluated at once, so an alert whose condition already
 * holds answers TRIGGERED (and announces it) — an idle wallet may not be swept for a long time.
 */
@Injectable()
export class CreateAlert {
  private readonly logger = new Logger(CreateAlert.name);

  constructor(
    private readonly access: AlertAccess,
    private readonly alerts: AlertRepository,
    private readonly rpc: RpcClient,
    private readonly evaluateWallets: EvaluateWallets,
  ) {}

  async execute({ principal, input }: Authenticated<NewAlert>): Promise<StoredAlert> {
    // Authorization before validation: a caller without the right learns nothing about input.
    const wallet = await this.access.readableWallet(principal, input.walletId);
    if (wallet === null) throw notFound('Wallet', input.walletId);
    await this.access.assertMaySetAlerts(principal, wallet);
    const threshold = thresholdOf(input);
    if (input.subAccountId !== null && input.subAccountId !== wallet.subAccountId) {
      throw subAccountNotOfWallet();
    }
    if (threshold.kind === 'MONTHLY_BUDGET_PERCENT_ABOVE') await this.assertBudgeted(wallet);
    if ((await this.alerts.countOfWallet(wallet.id)) >= MAX_ALERTS_PER_WALLET) {
      throw tooManyAlerts(MAX_ALERTS_PER_WALLET);
    }
    const alert = await this.alerts.create({
      ...threshold,
      tenantId: wallet.tenantId,
      walletId: wallet.id,
      subAccountId: wallet.subAccountId,
      createdBy: principalName(principal),
    });
    try {
      await this.evaluateWallets.execute([wallet.id]);
    } catch (error) {
      // The alert exists: failing now would make the caller create it twice. The wallet's next
      // evaluation (a ledger change, the sweep) catches up.
      this.logger.warn({ alertId: alert.id, error }, 'first evaluation of a new alert failed');
    }
    return (await this.alerts.byId(alert.id)) ?? alert;
  }

  private async assertBudgeted(wallet: WalletView): Promise<void> {
    if (wallet.subAccountId === null) throw budgetNeedsSubAccount();
    const [subAccount] = await this.rpc.send('account.subAccounts.byIds', {
      principal: METERING,
      input: { ids: [wallet.subAccountId] },
    });
    if (subAccount?.monthlyBudgetMicros == null) throw noMonthlyBudget();
  }
}

/** The kind's threshold, checked; every other threshold field must be absent. */
export function thresholdOf(input: NewAlert): AlertThreshold {
  const field = THRESHOLD_OF[input.kind] as (typeof THRESHOLD_OF)[AlertKind] | undefined;
  if (field === undefined) throw unknownKind(input.kind);
  for (const other of ['amountMicros', 'percent', 'hours'] as const) {
    if (other !== field && input[other] !== null) throw thresholdNotOfKind(input.kind, other);
  }
  const none = { amountMicros: null, percent: null, hours: null };
  switch (field) {
    case 'amountMicros':
      if (input.amountMicros === null) throw thresholdMissing(input.kind, 'amount');
      return {
        ...none,
        kind: input.kind,
        amountMicros: parseWireMicros(input.amountMicros, { sign: 'positive', label: 'amount' }),
      };
    case 'percent':
      if (input.percent === null) throw thresholdMissing(input.kind, 'percent');
      if (!inRange(input.percent, PERCENT)) throw percentOutOfRange(PERCENT.min, PERCENT.max);
      return { ...none, kind: input.kind, percent: input.percent };
    case 'hours':
      if (input.hours === null) throw thresholdMissing(input.kind, 'hours');
      if (!inRange(input.hours, HOURS)) throw hoursOutOfRange(HOURS.min, HOURS.max);
      return { ...none, kind: input.kind, hours: input.hours };
  }
}

function inRange(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
