import type { InvoiceView, MonthRunSummary, StatementView } from '@tally/transport';
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
  total: BigInt(view.totalMicros),
  currency: view.currency,
  issuedAt: new Date(view.issuedAt),
  pdfUrl: invoicePdfPath(view.id),
  voidReason: view.voidReason,
});

export const toStatement = (view: StatementView): Statement => ({
  tenantId: view.tenantId,
  currency: view.currency,
  periodStart: new Date(view.periodStart),
  periodEnd: new Date(view.periodEnd),
  final: view.final,
  usageSince: new Date(view.usageSince),
  usageCutoff: view.usageCutoff === null ? null : new Date(view.usageCutoff),
  opening: BigInt(view.openingMicros),
  recharges: BigInt(view.rechargesMicros),
  charges: BigInt(view.chargesMicros),
  priorPeriod: BigInt(view.priorPeriodMicros),
  chargesPostedLater: BigInt(view.chargesPostedLaterMicros),
  chargesOfOtherStatements: BigInt(view.chargesOfOtherStatementsMicros),
  adjustments: BigInt(view.adjustmentsMicros),
  other: BigInt(view.otherMicros),
  closing: BigInt(view.closingMicros),
  wallets: view.wallets.map((w) => ({
    walletId: w.walletId,
    kind: w.kind,
    subAccountName: w.subAccountName,
    opening: BigInt(w.openingMicros),
    recharges: BigInt(w.rechargesMicros),
    charges: BigInt(w.chargesMicros),
    priorPeriod: BigInt(w.priorPeriodMicros),
    chargesPostedLater: BigInt(w.chargesPostedLaterMicros),
    chargesOfOtherStatements: BigInt(w.chargesOfOtherStatementsMicros),
    adjustments: BigInt(w.adjustmentsMicros),
    internalTransfers: BigInt(w.internalTransfersMicros),
    other: BigInt(w.otherMicros),
    closing: BigInt(w.closingMicros),
  })),
  usage: view.usage.map((u) => ({
    namespace: u.namespace,
    resource: u.resource,
    amount: BigInt(u.amountMicros),
  })),
  priorPeriodLines: view.priorPeriod.map((p) => ({
    month: p.month,
    namespace: p.namespace,
    resource: p.resource,
    amount: BigInt(p.amountMicros),
  })),
  otherLines: view.other.map((o) => ({ kind: o.kind, amount: BigInt(o.amountMicros) })),
  invoiceId: view.invoiceId,
});

export const toMonthRun = (summary: MonthRunSummary): MonthRun => ({
  ...summary,
  usageCutoff: new Date(summary.usageCutoff),
});
