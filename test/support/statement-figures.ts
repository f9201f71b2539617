/** Statements as the GraphQL API answers them, and the equation their lines obey. */

/** The money of a statement, or of one wallet's part of it. */
export interface StatementFiguresReply {
  opening: string;
  recharges: string;
  charges: string;
  priorPeriod: string;
  chargesPostedLater: string;
  chargesOfOtherStatements: string;
  adjustments: string;
  /** Per wallet only; the tenant's `other` includes them (they net to zero). */
  internalTransfers?: string;
  other: string;
  closing: string;
}

export interface StatementReply extends StatementFiguresReply {
  final: boolean;
  usageSince: string;
  usageCutoff: string | null;
  invoiceId: string | null;
  wallets: (StatementFiguresReply & { walletId: string })[];
  usage: { namespace: string; resource: string; amount: string }[];
  priorPeriodLines: { month: string; namespace: string; resource: string; amount: string }[];
  otherLines: { kind: string; amount: string }[];
}

/** The closing balance the statement's lines add up to (the equation of statement.ts). */
export function tiedOut(figures: StatementFiguresReply): bigint {
  const micros = (amount = '0') => BigInt(toMicros(amount));
  return (
    micros(figures.opening) +
    micros(figures.recharges) -
    micros(figures.charges) +
    micros(figures.chargesPostedLater) -
    micros(figures.chargesOfOtherStatements) +
    micros(figures.adjustments) +
    micros(figures.internalTransfers) +
    micros(figures.other)
  );
}

export function toMicros(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [units, fraction = ''] = decimal.replace('-', '').split('.');
  const micros = BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return (negative ? -micros : micros).toString();
}

/** Promotional credit's own account on a statement (or one wallet's part of it). */
export interface CreditLinesReply {
  creditOpening: string;
  creditsGranted: string;
  /** Credit that arrived from, or left for, the tenant's other wallets (absent: not asked). */
  creditsMovedIn?: string;
  creditsUsed: string;
  creditsMovedOut?: string;
  creditsExpired: string;
  creditClosing: string;
}

/** The open credit a statement's credit lines add up to. */
export function creditTiedOut(lines: CreditLinesReply): bigint {
  const micros = (amount = '0') => BigInt(toMicros(amount));
  return (
    micros(lines.creditOpening) +
    micros(lines.creditsGranted) +
    micros(lines.creditsMovedIn) -
    micros(lines.creditsUsed) -
    micros(lines.creditsMovedOut) -
    micros(lines.creditsExpired)
  );
}
