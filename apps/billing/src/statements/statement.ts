import type { StatementBody, StatementFigures, WalletFigures } from '@tally/transport';

/**
 * How ledger transaction kinds show on a statement. Usage and its reconciliation corrections
 * are charges; transfers and budget top-ups move money between the tenant's own wallets and
 * net to zero for the tenant; anything else (bonuses, refunds, write-offs) is listed by kind.
 */
const CHARGE_KINDS = new Set(['usage', 'usage_adjustment']);
const INTERNAL_KINDS = new Set(['transfer', 'budget']);

export interface WalletStatement {
  readonly walletId: string;
  readonly kind: WalletFigures['kind'];
  readonly subAccountName: string | null;
  readonly openingMicros: bigint;
  readonly rechargesMicros: bigint;
  /** Consumed: positive. */
  readonly chargesMicros: bigint;
  readonly adjustmentsMicros: bigint;
  /** In (+) or out (-) of this wallet from the tenant's other wallets. */
  readonly internalTransfersMicros: bigint;
  /** Other kinds (bonus, refund, ...), signed as they moved the wallet. */
  readonly otherByKind: ReadonlyMap<string, bigint>;
  readonly closingMicros: bigint;
}

export interface UsageLine {
  readonly namespace: string;
  readonly resource: string;
  /** Consumed: positive (corrections included). */
  readonly amountMicros: bigint;
}

export interface StatementTotals {
  readonly openingMicros: bigint;
  readonly rechargesMicros: bigint;
  readonly chargesMicros: bigint;
  readonly adjustmentsMicros: bigint;
  /** Everything else, internal transfers included (they sum to zero across the tenant). */
  readonly otherMicros: bigint;
  readonly closingMicros: bigint;
}

export interface BuiltStatement {
  readonly figures: StatementFigures;
  readonly wallets: readonly WalletStatement[];
  readonly usage: readonly UsageLine[];
  readonly otherByKind: ReadonlyMap<string, bigint>;
  readonly totals: StatementTotals;
}

export class StatementDoesNotTieOut extends Error {}

/**
 * Turns the ledger's figures into a statement, and refuses one that does not tie out: per
 * wallet, opening + movements must equal the closing balance the ledger reports, usage lines
 * must add up to the wallet's charges, and transfers between the tenant's wallets must net
 * to zero. A failure means the ledger and this code disagree: nothing is issued.
 */
export function buildStatement(figures: StatementFigures): BuiltStatement {
  const wallets = figures.wallets.map(walletStatement);
  const usage = usageLines(figures);

  const usageByWallet = new Map<string, bigint>();
  for (const figure of figures.usage) {
    usageByWallet.set(
      figure.walletId,
      (usageByWallet.get(figure.walletId) ?? 0n) + BigInt(figure.amountMicros),
    );
  }
  for (const wallet of wallets) {
    const lines = usageByWallet.get(wallet.walletId) ?? 0n;
    if (lines !== wallet.chargesMicros) {
      throw new StatementDoesNotTieOut(
        `wallet ${wallet.walletId}: usage lines ${lines} ≠ charges ${wallet.chargesMicros}`,
      );
    }
  }
  const internal = sum(wallets.map((w) => w.internalTransfersMicros));
  if (internal !== 0n) {
    throw new StatementDoesNotTieOut(`transfers between own wallets net to ${internal}, not 0`);
  }

  const otherByKind = new Map<string, bigint>();
  for (const wallet of wallets) {
    for (const [kind, amount] of wallet.otherByKind) {
      otherByKind.set(kind, (otherByKind.get(kind) ?? 0n) + amount);
    }
  }
  const totals: StatementTotals = {
    openingMicros: sum(wallets.map((w) => w.openingMicros)),
    rechargesMicros: sum(wallets.map((w) => w.rechargesMicros)),
    chargesMicros: sum(wallets.map((w) => w.chargesMicros)),
    adjustmentsMicros: sum(wallets.map((w) => w.adjustmentsMicros)),
    otherMicros: sum([...otherByKind.values()]) + internal,
    closingMicros: sum(wallets.map((w) => w.closingMicros)),
  };
  return { figures, wallets, usage, otherByKind, totals };
}

function walletStatement(wallet: WalletFigures): WalletStatement {
  let recharges = 0n;
  let charges = 0n;
  let adjustments = 0n;
  let internal = 0n;
  const other = new Map<string, bigint>();
  for (const movement of wallet.movements) {
    const amount = BigInt(movement.amountMicros);
    if (movement.kind === 'recharge') recharges += amount;
    else if (CHARGE_KINDS.has(movement.kind)) charges -= amount;
    else if (movement.kind === 'adjustment') adjustments += amount;
    else if (INTERNAL_KINDS.has(movement.kind)) internal += amount;
    else other.set(movement.kind, (other.get(movement.kind) ?? 0n) + amount);
  }
  const opening = BigInt(wallet.openingMicros);
  const closing = BigInt(wallet.closingMicros);
  const derived = opening + recharges - charges + adjustments + internal + sum([...other.values()]);
  if (derived !== closing) {
    throw new StatementDoesNotTieOut(
      `wallet ${wallet.walletId}: opening + movements = ${derived} ≠ closing ${closing}`,
    );
  }
  return {
    walletId: wallet.walletId,
    kind: wallet.kind,
    subAccountName: wallet.subAccountName,
    openingMicros: opening,
    rechargesMicros: recharges,
    chargesMicros: charges,
    adjustmentsMicros: adjustments,
    internalTransfersMicros: internal,
    otherByKind: other,
    closingMicros: closing,
  };
}

/** Charges per workspace and resource across the tenant's wallets, corrections folded in. */
function usageLines(figures: StatementFigures): UsageLine[] {
  const byKey = new Map<string, UsageLine>();
  for (const figure of figures.usage) {
    const key = `${figure.namespace}\u0000${figure.resource}`;
    const known = byKey.get(key);
    byKey.set(key, {
      namespace: figure.namespace,
      resource: figure.resource,
      amountMicros: (known?.amountMicros ?? 0n) + BigInt(figure.amountMicros),
    });
  }
  return [...byKey.values()].sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.resource.localeCompare(b.resource),
  );
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

/** The statement as it is stored (`statements.figures`) and sent: money as micro-unit strings. */
export function toStatementView(statement: BuiltStatement): StatementBody {
  const { figures, totals } = statement;
  return {
    tenantId: figures.tenantId,
    tenantName: figures.tenantName,
    currency: figures.currency,
    periodStart: figures.periodStart,
    periodEnd: figures.periodEnd,
    openingMicros: totals.openingMicros.toString(),
    rechargesMicros: totals.rechargesMicros.toString(),
    chargesMicros: totals.chargesMicros.toString(),
    adjustmentsMicros: totals.adjustmentsMicros.toString(),
    otherMicros: totals.otherMicros.toString(),
    closingMicros: totals.closingMicros.toString(),
    wallets: statement.wallets.map((wallet) => ({
      walletId: wallet.walletId,
      kind: wallet.kind,
      subAccountName: wallet.subAccountName,
      openingMicros: wallet.openingMicros.toString(),
      rechargesMicros: wallet.rechargesMicros.toString(),
      chargesMicros: wallet.chargesMicros.toString(),
      adjustmentsMicros: wallet.adjustmentsMicros.toString(),
      internalTransfersMicros: wallet.internalTransfersMicros.toString(),
      otherMicros: sum([...wallet.otherByKind.values()]).toString(),
      closingMicros: wallet.closingMicros.toString(),
    })),
    usage: statement.usage.map((line) => ({
      namespace: line.namespace,
      resource: line.resource,
      amountMicros: line.amountMicros.toString(),
    })),
    other: [...statement.otherByKind].map(([kind, amount]) => ({
      kind,
      amountMicros: amount.toString(),
    })),
  };
}
