import { parseWireMicros } from '@tally/money';
import type {
  InvoiceView,
  MonthRunSummary,
  StatementView,
  WalletStatementView,
} from '@tally/transport';
import { Invoice, InvoiceStatus, MonthRun, Statement } from './invoice.models';

/** Where an invoice's PDF is served (InvoicePdfController), relative to the gateway. */
export const invoicePdfPath = (id: string) => `/invoices/${id}/pdf`;

export const toInvoice = (view: InvoiceView): Invoice => ({
  id: view.id,
  number: view.number,
  tenantId: view.tenantId,
  periodStart: new Date(view.periodStart),
  periodEnd: new Date(view.periodEnd),
  status: InvoiceStatus[view.status],
  total: parseWireMicros(view.totalMicros),
  currency: view.currency,
  issuedAt: new Date(view.issuedAt),
  pdfUrl: invoicePdfPath(view.id),
  voidReason: view.voidReason,
  reissueOf: view.reissueOfId,
});

export const toStatement = (view: StatementView): Statement => ({
  tenantId: view.tenantId,
  currency: view.currency,
  periodStart: new Date(view.periodStart),
  periodEnd: new Date(view.periodEnd),
  final: view.final,
  usageSince: new Date(view.usageSince),
  usageCutoff: view.usageCutoff === null ? null : new Date(view.usageCutoff),
  opening: parseWireMicros(view.openingMicros),
  recharges: parseWireMicros(view.rechargesMicros),
  charges: parseWireMicros(view.chargesMicros),
  priorPeriod: parseWireMicros(view.priorPeriodMicros),
  chargesPostedLater: parseWireMicros(view.chargesPostedLaterMicros),
  chargesOfOtherStatements: parseWireMicros(view.chargesOfOtherStatementsMicros),
  adjustments: parseWireMicros(view.adjustmentsMicros),
  other: parseWireMicros(view.otherMicros),
  closing: parseWireMicros(view.closingMicros),
  ...creditLines(view),
  wallets: view.wallets.map((w) => ({
    walletId: w.walletId,
    kind: w.kind,
    subAccountName: w.subAccountName,
    opening: parseWireMicros(w.openingMicros),
    recharges: parseWireMicros(w.rechargesMicros),
    charges: parseWireMicros(w.chargesMicros),
    priorPeriod: parseWireMicros(w.priorPeriodMicros),
    chargesPostedLater: parseWireMicros(w.chargesPostedLaterMicros),
    chargesOfOtherStatements: parseWireMicros(w.chargesOfOtherStatementsMicros),
    adjustments: parseWireMicros(w.adjustmentsMicros),
    internalTransfers: parseWireMicros(w.internalTransfersMicros),
    other: parseWireMicros(w.otherMicros),
    closing: parseWireMicros(w.closingMicros),
    ...creditLines(w),
  })),
  usage: view.usage.map((u) => ({
    namespace: u.namespace,
    resource: u.resource,
    amount: parseWireMicros(u.amountMicros),
  })),
  priorPeriodLines: view.priorPeriod.map((p) => ({
    month: p.month,
    namespace: p.namespace,
    resource: p.resource,
    amount: parseWireMicros(p.amountMicros),
  })),
  otherLines: view.other.map((o) => ({ kind: o.kind, amount: parseWireMicros(o.amountMicros) })),
  invoiceId: view.invoiceId,
});

function creditLines(view: WalletStatementView | StatementView) {
  return {
    creditOpening: parseWireMicros(view.creditOpeningMicros),
    creditsGranted: parseWireMicros(view.creditsGrantedMicros),
    creditsMovedIn: parseWireMicros(view.creditsMovedInMicros),
    creditsUsed: parseWireMicros(view.creditsUsedMicros),
    creditsMovedOut: parseWireMicros(view.creditsMovedOutMicros),
    creditsExpired: parseWireMicros(view.creditsExpiredMicros),
    creditClosing: parseWireMicros(view.creditClosingMicros),
  };
}

export const toMonthRun = (summary: MonthRunSummary): MonthRun => ({
  ...summary,
  usageCutoff: new Date(summary.usageCutoff),
});
