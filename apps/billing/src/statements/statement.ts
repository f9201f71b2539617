import { parseWireMicros, toWireMicros } from '@tally/money';
import type {
  MicrosString,
  StatementBody,
  StatementFigures,
  UsageFigure,
  WalletFigures,
  WalletStatementView,
} from '@tally/transport';

/**
 * A statement charges usage by the hour it was used in, while balances move when entries are
 * posted; the two meet in two explicit lines, so everything ties out to the micro-unit.
 *
 * The period is P = [s, e), UTC. Its usage window is [L, C): L is the previous statement's
 * cutoff (s for a tenant's first statement), C its own cutoff, the instant the period's last
 * hour was settled (never before e; no cutoff yet for figures so far). A usage or
 * usage_adjustment transaction u for hour h, posted at t, is
 *
 *   charged here ⇔ t < C ∧ (h ∈ P ∨ (h < s ∧ t ≥ L))      ("the period" / "prior period")
 *   posted in P  ⇔ s ≤ t < e
 *
 * A tenant's statements follow one another month by month (issuing refuses a gap or a month
 * before one already stated), each L is the C of the one before, and usage is never posted
 * before its hour (h ≤ t). So every u is charged on exactly one statement: its hour's month if
 * posted before that month's cutoff (the 23:00 charge of the last day, settled after midnight,
 * included), else the statement whose window [L, C) holds t (a correction posted after its
 * month was closed: a prior-period line there). Per wallet, with X = Σ usage charged here and
 * posted in P:
 *
 *   Pc = Σ usage posted in P                                 (the ledger's movements)
 *   Ch = Σ usage charged here = period usage + prior period  (the invoice total)
 *   A  = Ch − X  "charges posted later": charged here, posted after e (and before C)
 *   B  = Pc − X  "charges of other statements": posted in P, charged elsewhere (normally the
 *                previous month's last hours, settled after s)
 *   so Pc = Ch − A + B
 *
 * and, balances being by posting time,
 *
 *   closing = opening + recharges − Pc + adjustments + transfers + other      (the ledger)
 *           = opening + recharges − Ch + A − B + adjustments + transfers + other  (the lines)
 *
 * The tenant's statement is the sum of its wallets' (transfers between them net to zero).
 * `buildStatement` refuses figures for which either equation or Σ usage posted in P = Pc
 * (revenue entries against wallet movements) fails: the ledger and this code disagree.
 */
const CHARGE_KINDS = new Set(['usage', 'usage_adjustment']);
// Transfers and budget top-ups move money between the tenant's own wallets; anything else
// (bonuses, refunds, write-offs) is listed by kind.
const INTERNAL_KINDS = new Set(['transfer', 'budget']);

export interface WalletStatement {
  readonly walletId: string;
  readonly kind: WalletFigures['kind'];
  readonly subAccountName: string | null;
  readonly openingMicros: bigint;
  readonly rechargesMicros: bigint;
  /** Charged here (Ch), consumed: positive. */
  readonly chargesMicros: bigint;
  /** The prior-period part of the charges. */
  readonly priorPeriodMicros: bigint;
  /** A: charged here, posted after the period end. */
  readonly chargesPostedLaterMicros: bigint;
  /** B: posted in the period, charged on another statement. */
  readonly chargesOfOtherStatementsMicros: bigint;
  readonly adjustmentsMicros: bigint;
  /** In (+) or out (-) of this wallet from the tenant's other wallets. */
  readonly internalTransfersMicros: bigint;
  /** Other kinds (bonus, refund, ...), signed as they moved the wallet. */
  readonly otherByKind: ReadonlyMap<string, bigint>;
  readonly closingMicros: bigint;
  readonly credit: CreditLines;
}

/**
 * Promotional credit's own account:
 *   opening + granted + moved in − used − moved out − expired = closing.
 * Credit a transfer or budget top-up moves between the tenant's own wallets is moved out of one
 * and in to the other, never used nor granted, so granted and used are what the tenant was
 * given and spent; for the tenant, moved in = moved out.
 */
export interface CreditLines {
  readonly creditOpeningMicros: bigint;
  /** Real grants: bonuses and grantCredit. */
  readonly creditsGrantedMicros: bigint;
  /** From the tenant's other wallets: grants a move wrote here. */
  readonly creditsMovedInMicros: bigint;
  /** Drawn: spent on usage (or taken by other debits paid money could not cover), clawed back. */
  readonly creditsUsedMicros: bigint;
  /** To the tenant's other wallets: what moves took from this wallet's grants. */
  readonly creditsMovedOutMicros: bigint;
  /** The ledger's credit_expiry movement: what left the wallet at expiry. */
  readonly creditsExpiredMicros: bigint;
  readonly creditClosingMicros: bigint;
}

export interface UsageLine {
  readonly namespace: string;
  readonly resource: string;
  /** Consumed: positive (corrections included). */
  readonly amountMicros: bigint;
}

export interface PriorPeriodLine extends UsageLine {
  /** YYYY-MM of the hours charged for. */
  readonly month: string;
}

export interface StatementTotals {
  readonly openingMicros: bigint;
  readonly rechargesMicros: bigint;
  readonly chargesMicros: bigint;
  readonly priorPeriodMicros: bigint;
  readonly chargesPostedLaterMicros: bigint;
  readonly chargesOfOtherStatementsMicros: bigint;
  readonly adjustmentsMicros: bigint;
  /** Everything else, internal transfers included (they sum to zero across the tenant). */
  readonly otherMicros: bigint;
  readonly closingMicros: bigint;
  readonly credit: CreditLines;
}

export interface BuiltStatement {
  readonly figures: StatementFigures;
  readonly wallets: readonly WalletStatement[];
  readonly usage: readonly UsageLine[];
  readonly priorPeriod: readonly PriorPeriodLine[];
  readonly otherByKind: ReadonlyMap<string, bigint>;
  readonly totals: StatementTotals;
}

export class StatementDoesNotTieOut extends Error {}

/** Turns the ledger's figures into a statement; refuses one that does not tie out (above). */
export function buildStatement(figures: StatementFigures): BuiltStatement {
  const wallets = figures.wallets.map((wallet) =>
    walletStatement(
      wallet,
      figures.usage.filter((figure) => figure.walletId === wallet.walletId),
    ),
  );
  const internal = sum(wallets.map((w) => w.internalTransfersMicros));
  if (internal !== 0n) {
    throw new StatementDoesNotTieOut(`transfers between own wallets net to ${internal}, not 0`);
  }
  const credit = creditTotals(wallets.map((w) => w.credit));
  if (credit.creditsMovedInMicros !== credit.creditsMovedOutMicros) {
    throw new StatementDoesNotTieOut(
      `credit moved in ${credit.creditsMovedInMicros} ≠ moved out ${credit.creditsMovedOutMicros} between own wallets`,
    );
  }

  const otherByKind = new Map<string, bigint>();
  for (const wallet of wallets) {
    for (const [kind, amount] of wallet.otherByKind) {
      otherByKind.set(kind, (otherByKind.get(kind) ?? 0n) + amount);
    }
  }
  const total = (field: keyof WalletStatement & `${string}Micros`) =>
    sum(wallets.map((w) => w[field]));
  const totals: StatementTotals = {
    openingMicros: total('openingMicros'),
    rechargesMicros: total('rechargesMicros'),
    chargesMicros: total('chargesMicros'),
    priorPeriodMicros: total('priorPeriodMicros'),
    chargesPostedLaterMicros: total('chargesPostedLaterMicros'),
    chargesOfOtherStatementsMicros: total('chargesOfOtherStatementsMicros'),
    adjustmentsMicros: total('adjustmentsMicros'),
    otherMicros: sum([...otherByKind.values()]) + internal,
    closingMicros: total('closingMicros'),
    credit,
  };
  return {
    figures,
    wallets,
    usage: linesOf(figures.usage.filter((figure) => figure.charged === 'period')),
    priorPeriod: priorPeriodLines(figures.usage.filter((figure) => figure.charged === 'prior')),
    otherByKind,
    totals,
  };
}

function walletStatement(wallet: WalletFigures, usage: readonly UsageFigure[]): WalletStatement {
  let recharges = 0n;
  let postedCharges = 0n;
  let adjustments = 0n;
  let internal = 0n;
  const other = new Map<string, bigint>();
  for (const movement of wallet.movements) {
    const amount = parseWireMicros(movement.amountMicros);
    if (movement.kind === 'recharge') recharges += amount;
    else if (CHARGE_KINDS.has(movement.kind)) postedCharges -= amount;
    else if (movement.kind === 'adjustment') adjustments += amount;
    else if (INTERNAL_KINDS.has(movement.kind)) internal += amount;
    else other.set(movement.kind, (other.get(movement.kind) ?? 0n) + amount);
  }
  const opening = parseWireMicros(wallet.openingMicros);
  const closing = parseWireMicros(wallet.closingMicros);
  const derived =
    opening + recharges - postedCharges + adjustments + internal + sum([...other.values()]);
  if (derived !== closing) {
    throw new StatementDoesNotTieOut(
      `wallet ${wallet.walletId}: opening + movements = ${derived} ≠ closing ${closing}`,
    );
  }

  const amounts = (keep: (figure: UsageFigure) => boolean) =>
    sum(usage.filter(keep).map((figure) => parseWireMicros(figure.amountMicros)));
  const posted = amounts((f) => f.postedInPeriod);
  if (posted !== postedCharges) {
    throw new StatementDoesNotTieOut(
      `wallet ${wallet.walletId}: usage posted in the period ${posted} ≠ charges moved ${postedCharges}`,
    );
  }
  return {
    walletId: wallet.walletId,
    kind: wallet.kind,
    subAccountName: wallet.subAccountName,
    openingMicros: opening,
    rechargesMicros: recharges,
    chargesMicros: amounts((f) => f.charged !== null),
    priorPeriodMicros: amounts((f) => f.charged === 'prior'),
    chargesPostedLaterMicros: amounts((f) => f.charged !== null && !f.postedInPeriod),
    chargesOfOtherStatementsMicros: amounts((f) => f.charged === null && f.postedInPeriod),
    adjustmentsMicros: adjustments,
    internalTransfersMicros: internal,
    otherByKind: other,
    closingMicros: closing,
    credit: creditLines(wallet),
  };
}

const CREDIT_LINES: readonly (keyof CreditLines)[] = [
  'creditOpeningMicros',
  'creditsGrantedMicros',
  'creditsMovedInMicros',
  'creditsUsedMicros',
  'creditsMovedOutMicros',
  'creditsExpiredMicros',
  'creditClosingMicros',
];

/**
 * The wallet's credit lines, refused unless they tie out: what expired is read from the
 * ledger's credit_expiry movement, the rest from the grants, so a grant that disagrees with
 * the ledger shows here.
 */
function creditLines(wallet: WalletFigures): CreditLines {
  const expiry = wallet.movements.find((movement) => movement.kind === 'credit_expiry');
  const lines: CreditLines = {
    creditOpeningMicros: parseWireMicros(wallet.credit.openingMicros),
    creditsGrantedMicros: parseWireMicros(wallet.credit.grantedMicros),
    creditsMovedInMicros: parseWireMicros(wallet.credit.movedInMicros),
    creditsUsedMicros: parseWireMicros(wallet.credit.usedMicros),
    creditsMovedOutMicros: parseWireMicros(wallet.credit.movedOutMicros),
    creditsExpiredMicros: expiry === undefined ? 0n : -parseWireMicros(expiry.amountMicros),
    creditClosingMicros: parseWireMicros(wallet.credit.closingMicros),
  };
  const derived =
    lines.creditOpeningMicros +
    lines.creditsGrantedMicros +
    lines.creditsMovedInMicros -
    lines.creditsUsedMicros -
    lines.creditsMovedOutMicros -
    lines.creditsExpiredMicros;
  if (derived !== lines.creditClosingMicros) {
    throw new StatementDoesNotTieOut(
      `wallet ${wallet.walletId}: credit opening + granted + moved in − used − moved out − expired = ${derived} ≠ closing ${lines.creditClosingMicros}`,
    );
  }
  return lines;
}

function creditTotals(wallets: readonly CreditLines[]): CreditLines {
  return Object.fromEntries(
    CREDIT_LINES.map((line) => [line, sum(wallets.map((credit) => credit[line]))]),
  ) as Record<keyof CreditLines, bigint>;
}

function creditView(credit: CreditLines): Record<keyof CreditLines, MicrosString> {
  return Object.fromEntries(
    CREDIT_LINES.map((line) => [line, toWireMicros(credit[line])]),
  ) as Record<keyof CreditLines, MicrosString>;
}

/**
 * Charges per workspace and resource across the tenant's wallets, corrections folded in (the
 * period's usage is all of one month).
 */
function linesOf(figures: readonly UsageFigure[]): UsageLine[] {
  return priorPeriodLines(figures).map(({ namespace, resource, amountMicros }) => ({
    namespace,
    resource,
    amountMicros,
  }));
}

/** The same, per month the usage was in. */
function priorPeriodLines(figures: readonly UsageFigure[]): PriorPeriodLine[] {
  const byKey = new Map<string, PriorPeriodLine>();
  for (const figure of figures) {
    const key = `${figure.usageMonth}\u0000${figure.namespace}\u0000${figure.resource}`;
    byKey.set(key, {
      month: figure.usageMonth,
      namespace: figure.namespace,
      resource: figure.resource,
      amountMicros: (byKey.get(key)?.amountMicros ?? 0n) + parseWireMicros(figure.amountMicros),
    });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.namespace.localeCompare(b.namespace) ||
      a.resource.localeCompare(b.resource),
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
    usageSince: figures.usageSince,
    usageCutoff: figures.usageCutoff,
    openingMicros: toWireMicros(totals.openingMicros),
    rechargesMicros: toWireMicros(totals.rechargesMicros),
    chargesMicros: toWireMicros(totals.chargesMicros),
    priorPeriodMicros: toWireMicros(totals.priorPeriodMicros),
    chargesPostedLaterMicros: toWireMicros(totals.chargesPostedLaterMicros),
    chargesOfOtherStatementsMicros: toWireMicros(totals.chargesOfOtherStatementsMicros),
    adjustmentsMicros: toWireMicros(totals.adjustmentsMicros),
    otherMicros: toWireMicros(totals.otherMicros),
    closingMicros: toWireMicros(totals.closingMicros),
    ...creditView(totals.credit),
    wallets: statement.wallets.map((wallet) => ({
      walletId: wallet.walletId,
      kind: wallet.kind,
      subAccountName: wallet.subAccountName,
      openingMicros: toWireMicros(wallet.openingMicros),
      rechargesMicros: toWireMicros(wallet.rechargesMicros),
      chargesMicros: toWireMicros(wallet.chargesMicros),
      priorPeriodMicros: toWireMicros(wallet.priorPeriodMicros),
      chargesPostedLaterMicros: toWireMicros(wallet.chargesPostedLaterMicros),
      chargesOfOtherStatementsMicros: toWireMicros(wallet.chargesOfOtherStatementsMicros),
      adjustmentsMicros: toWireMicros(wallet.adjustmentsMicros),
      internalTransfersMicros: toWireMicros(wallet.internalTransfersMicros),
      otherMicros: toWireMicros(sum([...wallet.otherByKind.values()])),
      closingMicros: toWireMicros(wallet.closingMicros),
      ...creditView(wallet.credit),
    })),
    usage: statement.usage.map((line) => ({
      namespace: line.namespace,
      resource: line.resource,
      amountMicros: toWireMicros(line.amountMicros),
    })),
    priorPeriod: statement.priorPeriod.map((line) => ({
      month: line.month,
      namespace: line.namespace,
      resource: line.resource,
      amountMicros: toWireMicros(line.amountMicros),
    })),
    other: [...statement.otherByKind].map(([kind, amount]) => ({
      kind,
      amountMicros: toWireMicros(amount),
    })),
  };
}

// Statements stored before usage was charged by hour charged exactly what their period posted.
const BY_POSTING_TIME = {
  priorPeriodMicros: toWireMicros(0n),
  chargesPostedLaterMicros: toWireMicros(0n),
  chargesOfOtherStatementsMicros: toWireMicros(0n),
};
type ChargeSplit = keyof typeof BY_POSTING_TIME;
type StoredBeforeUsageHours = Omit<
  StatementBody,
  ChargeSplit | 'usageSince' | 'usageCutoff' | 'priorPeriod' | 'wallets' | keyof CreditLines
> & { wallets: Omit<WalletStatementView, ChargeSplit | keyof CreditLines>[] };

/**
 * A stored statement's body. One stored before usage was charged by hour lacks the fields that
 * came with it: its split of the charges is zero, its prior-period lines none, and its window
 * the period itself (`usage_cutoff` was back-filled with the period end). One stored before
 * promotional credit had grants has no credit lines: zero (its bonuses are in `other`). One
 * stored before moved credit had its own lines has none moved: zero (a move then counted as
 * used by one wallet and granted to the other, and is read as stored).
 */
export function storedStatementBody(figures: unknown, usageCutoff: Date): StatementBody {
  return withCreditLines(byUsageHour(figures, usageCutoff));
}

type StoredBeforeCredit = Omit<StatementBody, keyof CreditLines | 'wallets'> & {
  wallets: Omit<WalletStatementView, keyof CreditLines>[];
};

function byUsageHour(figures: unknown, usageCutoff: Date): StoredBeforeCredit {
  if ('priorPeriod' in (figures as StatementBody)) return figures as StoredBeforeCredit;
  const body = figures as StoredBeforeUsageHours;
  return {
    ...body,
    ...BY_POSTING_TIME,
    usageSince: body.periodStart,
    usageCutoff: usageCutoff.toISOString(),
    priorPeriod: [],
    wallets: body.wallets.map((wallet) => ({ ...wallet, ...BY_POSTING_TIME })),
  };
}

/** A statement's credit lines when the tenant had no promotional credit. */
export const NO_CREDIT_LINES = creditView({
  creditOpeningMicros: 0n,
  creditsGrantedMicros: 0n,
  creditsMovedInMicros: 0n,
  creditsUsedMicros: 0n,
  creditsMovedOutMicros: 0n,
  creditsExpiredMicros: 0n,
  creditClosingMicros: 0n,
});

/** The credit lines a stored body lacks, zero; the ones it has, as stored. */
function withCreditLines(body: StoredBeforeCredit | StatementBody): StatementBody {
  return {
    ...NO_CREDIT_LINES,
    ...body,
    wallets: body.wallets.map((wallet) => ({ ...NO_CREDIT_LINES, ...wallet })),
  };
}
