import { formatMicros, parseWireMicros } from '@tally/money';
import type { MicrosString, StatementBody } from '@tally/transport';
import PDFDocument from 'pdfkit';

export interface InvoiceDocument {
  readonly number: string;
  readonly issuedAt: Date;
  readonly totalMicros: bigint;
  readonly statement: StatementBody;
}

type TimingField = 'chargesPostedLaterMicros' | 'chargesOfOtherStatementsMicros';

const LEFT = 50;
const AMOUNT_X = 400;
const AMOUNT_WIDTH = 145;

/**
 * Renders an invoice with its statement. Deterministic: the same invoice gives the same bytes
 * (fixed metadata dates, built-in fonts only; pdfkit derives the document id from the metadata), so a stored PDF can be
 * checked against a re-render of its row.
 */
export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const { statement } = invoice;
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    info: {
      Title: `Invoice ${invoice.number}`,
      Author: 'Tally',
      Creator: 'Tally',
      Producer: 'Tally',
      CreationDate: invoice.issuedAt,
      ModDate: invoice.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const money = (micros: bigint | MicrosString) =>
    `${formatMicros(typeof micros === 'bigint' ? micros : parseWireMicros(micros))} ${statement.currency}`;
  const row = (label: string, amount: bigint | MicrosString) => {
    const y = doc.y;
    doc.text(label, LEFT, y, { width: AMOUNT_X - LEFT - 10 });
    const after = doc.y;
    doc.text(money(amount), AMOUNT_X, y, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = Math.max(after, doc.y);
  };
  // Usage is charged by the hour it was used in, balances move when it is posted: these two
  // rows (shown when not zero) are the difference, so the balances still add up.
  const timingRows = (figures: Pick<StatementBody, TimingField>) => {
    if (parseWireMicros(figures.chargesPostedLaterMicros) !== 0n)
      row('Of these, posted to the balance after the period', figures.chargesPostedLaterMicros);
    if (parseWireMicros(figures.chargesOfOtherStatementsMicros) !== 0n)
      row(
        'Usage posted in the period, charged on another statement',
        -parseWireMicros(figures.chargesOfOtherStatementsMicros),
      );
  };

  // Promotional credit's own account, for statements that had any. Credit moved between the
  // tenant's own wallets is in and out of them alike (shown when not zero): neither granted nor used.
  const creditRows = (lines: StatementBody) => {
    const all = [
      lines.creditOpeningMicros,
      lines.creditsGrantedMicros,
      lines.creditsMovedInMicros,
      lines.creditClosingMicros,
    ];
    if (all.every((micros) => parseWireMicros(micros) === 0n)) return;
    doc.font('Helvetica-Bold').fontSize(12).text('Promotional credit', LEFT);
    doc.font('Helvetica').fontSize(10);
    row('Open at the period start', lines.creditOpeningMicros);
    row('Granted', lines.creditsGrantedMicros);
    if (parseWireMicros(lines.creditsMovedInMicros) !== 0n)
      row('Moved in from own wallets', lines.creditsMovedInMicros);
    row('Used', -parseWireMicros(lines.creditsUsedMicros));
    if (parseWireMicros(lines.creditsMovedOutMicros) !== 0n)
      row('Moved out to own wallets', -parseWireMicros(lines.creditsMovedOutMicros));
    row('Expired', -parseWireMicros(lines.creditsExpiredMicros));
    doc.font('Helvetica-Bold');
    row('Open at the period end', lines.creditClosingMicros);
    doc.font('Helvetica').moveDown();
  };

  doc.font('Helvetica-Bold').fontSize(18).text(`Invoice ${invoice.number}`, LEFT);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(`Tenant: ${statement.tenantName} (${statement.tenantId})`);
  doc.text(`Period: ${statement.periodStart} to ${statement.periodEnd} (UTC, end exclusive)`);
  doc.text(`Issued: ${invoice.issuedAt.toISOString()}`);
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(12).text('Usage charges', LEFT);
  doc.font('Helvetica').fontSize(10);
  if (statement.usage.length === 0) doc.text('No usage in this period.', LEFT);
  for (const line of statement.usage)
    row(`${line.namespace} · ${line.resource}`, line.amountMicros);
  if (statement.priorPeriod.length > 0) {
    doc.moveDown(0.3).text('Earlier months, posted after they were closed:', LEFT);
    for (const line of statement.priorPeriod)
      row(`${line.month} · ${line.namespace} · ${line.resource}`, line.amountMicros);
  }
  doc.font('Helvetica-Bold');
  row('Total due for the period', invoice.totalMicros);
  doc.moveDown();

  doc.font('Helvetica-Bold').fontSize(12).text('Statement', LEFT);
  doc.font('Helvetica').fontSize(10);
  row('Opening balance', statement.openingMicros);
  row('Recharges', statement.rechargesMicros);
  row('Usage charges', -parseWireMicros(statement.chargesMicros));
  timingRows(statement);
  row('Adjustments', statement.adjustmentsMicros);
  for (const other of statement.other) row(`Other: ${other.kind}`, other.amountMicros);
  doc.font('Helvetica-Bold');
  row('Closing balance', statement.closingMicros);
  doc.font('Helvetica').moveDown();
  creditRows(statement);

  doc.font('Helvetica-Bold').fontSize(12).text('By wallet', LEFT);
  doc.font('Helvetica').fontSize(10);
  for (const wallet of statement.wallets) {
    const name = wallet.subAccountName === null ? 'Tenant wallet' : wallet.subAccountName;
    doc.moveDown(0.3).font('Helvetica-Bold').text(`${name} (${wallet.walletId})`, LEFT);
    doc.font('Helvetica');
    row('Opening', wallet.openingMicros);
    row('Recharges', wallet.rechargesMicros);
    row('Usage charges', -parseWireMicros(wallet.chargesMicros));
    timingRows(wallet);
    row('Adjustments', wallet.adjustmentsMicros);
    row('Transfers with own wallets', wallet.internalTransfersMicros);
    row('Other', wallet.otherMicros);
    row('Closing', wallet.closingMicros);
  }
  doc.end();
  return done;
}
