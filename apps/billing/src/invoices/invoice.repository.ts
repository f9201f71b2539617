import { Injectable } from '@nestjs/common';
import type { Invoice, InvoiceVoid, Prisma } from '@prisma/client';
import { parseWireMicros, toWireMicros } from '@tally/money';
import { PrismaService } from '@tally/prisma';
import { appendToOutbox, AUDIT_RECORD_TOPIC, emitOutboundEvent } from '@tally/queue';
import type { AuditRecordMessage, InvoiceView, StatementBody } from '@tally/transport';

export interface NewStatement {
  readonly tenantId: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly usageCutoff: Date;
  readonly body: StatementBody;
}

/** The tenant's statement before a period (when there is one), and whether a later one exists. */
export interface StatementsAround {
  readonly previous: { readonly periodEnd: Date; readonly usageCutoff: Date } | null;
  readonly laterExists: boolean;
}

export type IssueOutcome =
  | { readonly status: 'issued'; readonly invoice: Invoice | null }
  | { readonly status: 'already-done' };

/** Renders the invoice document once its number is known (inside the issuing transaction). */
export type RenderPdf = (number: string, issuedAt: Date) => Promise<Buffer>;

const INVOICE_COLUMNS = {
  id: true,
  number: true,
  year: true,
  sequence: true,
  tenantId: true,
  statementId: true,
  periodStart: true,
  periodEnd: true,
  currency: true,
  totalMicros: true,
  status: true,
  issuedAt: true,
  reissueOf: true,
  voiding: true,
} as const;

type InvoiceRow = Omit<Invoice, 'pdf'> & { voiding: InvoiceVoid | null };

@Injectable()
export class InvoiceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores the statement and, when `totalMicros` is not zero, issues its invoice, in one
   * transaction: the statement's unique (tenant, period) makes a second run a no-op, and the
   * year's counter row, incremented here, is locked until commit, so concurrent issues queue
   * on it and a rolled-back issue returns its number: numbers have no gaps.
   */
  async issue(
    statement: NewStatement,
    totalMicros: bigint,
    render: RenderPdf,
  ): Promise<IssueOutcome> {
    return this.prisma.$transaction(
      async (tx) => {
        const stored = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO billing.statements
            (id, tenant_id, period_start, period_end, usage_cutoff, currency, opening_micros,
             recharges_micros, charges_micros, prior_period_micros, charges_posted_later_micros,
             charges_of_other_statements_micros, adjustments_micros, other_micros,
             closing_micros, figures)
          VALUES (gen_random_uuid(), ${statement.tenantId}::uuid, ${statement.periodStart},
                  ${statement.periodEnd}, ${statement.usageCutoff}, ${statement.body.currency},
                  ${parseWireMicros(statement.body.openingMicros)}, ${parseWireMicros(statement.body.rechargesMicros)},
                  ${parseWireMicros(statement.body.chargesMicros)},
                  ${parseWireMicros(statement.body.priorPeriodMicros)},
                  ${parseWireMicros(statement.body.chargesPostedLaterMicros)},
                  ${parseWireMicros(statement.body.chargesOfOtherStatementsMicros)},
                  ${parseWireMicros(statement.body.adjustmentsMicros)},
                  ${parseWireMicros(statement.body.otherMicros)}, ${parseWireMicros(statement.body.closingMicros)},
                  ${JSON.stringify(statement.body)}::jsonb)
          ON CONFLICT (tenant_id, period_start) DO NOTHING
          RETURNING id`;
        if (stored.length === 0) return { status: 'already-done' } as const;
        if (totalMicros === 0n) return { status: 'issued', invoice: null } as const;

        const issuedAt = new Date();
        const { year, sequence, number } = await nextNumber(tx, issuedAt);
        const invoice = await tx.invoice.create({
          data: {
            number,
            year,
            sequence,
            tenantId: statement.tenantId,
            statementId: stored[0].id,
            periodStart: statement.periodStart,
            periodEnd: statement.periodEnd,
            currency: statement.body.currency,
            totalMicros,
            status: 'ISSUED',
            issuedAt,
            pdf: new Uint8Array(await render(number, issuedAt)),
          },
        });
        await emitOutboundEvent(tx, 'billing', {
          tenantId: invoice.tenantId,
          type: 'invoice.issued',
          occurredAt: issuedAt,
          data: invoiceEventData(invoice),
        });
        return { status: 'issued', invoice } as const;
      },
      { timeout: 30_000 },
    );
  }

  async byTenant(tenantId: string): Promise<InvoiceView[]> {
    const rows = await this.prisma.invoice.findMany({
      where: { tenantId },
      select: INVOICE_COLUMNS,
      orderBy: [{ periodStart: 'desc' }, { sequence: 'desc' }],
    });
    return rows.map(toInvoiceView);
  }

  async byId(id: string): Promise<InvoiceView | null> {
    const row = await this.prisma.invoice.findUnique({ where: { id }, select: INVOICE_COLUMNS });
    return row && toInvoiceView(row);
  }

  pdfOf(id: string): Promise<{ tenantId: string; number: string; pdf: Uint8Array } | null> {
    return this.prisma.invoice.findUnique({
      where: { id },
      select: { tenantId: true, number: true, pdf: true },
    });
  }

  statementOf(tenantId: string, periodStart: Date) {
    return this.prisma.statement.findUnique({
      where: { tenantId_periodStart: { tenantId, periodStart } },
      select: {
        figures: true,
        usageCutoff: true,
        invoices: { where: { status: { not: 'VOID' } }, select: { id: true } },
      },
    });
  }

  async statementsAround(tenantId: string, periodStart: Date): Promise<StatementsAround> {
    const [previous, later] = await Promise.all([
      this.prisma.statement.findFirst({
        where: { tenantId, periodStart: { lt: periodStart } },
        orderBy: { periodStart: 'desc' },
        select: { periodEnd: true, usageCutoff: true },
      }),
      this.prisma.statement.count({ where: { tenantId, periodStart: { gt: periodStart } } }),
    ]);
    return { previous, laterExists: later > 0 };
  }

  /**
   * ISSUED → VOID with who and why, and its audit record through the outbox, in one
   * transaction; answers false (and writes nothing) when the invoice was not ISSUED.
   */
  async void(id: string, voiding: InvoiceVoiding): Promise<boolean> {
    return this.prisma.$transaction((tx) => voidIn(tx, id, voiding));
  }

  /**
   * Voids the invoice if it is still ISSUED and issues it again under the next number of the
   * year: the same statement, period and total, a new PDF; with `invoice.issued` and the audit
   * records, in one transaction. A voided invoice is reissued once: asked again, the answer is
   * the reissue made first, and nothing is written.
   */
  async reissue(
    original: InvoiceView,
    voiding: InvoiceVoiding,
    reissued: AuditRecordMessage,
    render: (stored: StoredStatement, number: string, issuedAt: Date) => Promise<Buffer>,
  ): Promise<string> {
    return this.prisma.$transaction(
      async (tx) => {
        await voidIn(tx, original.id, voiding);
        const earlier = await tx.invoice.findUnique({
          where: { reissueOf: original.id },
          select: { id: true },
        });
        if (earlier !== null) return earlier.id;
        const { statementId, totalMicros } = await tx.invoice.findUniqueOrThrow({
          where: { id: original.id },
          select: { statementId: true, totalMicros: true },
        });
        const stored = await tx.statement.findUniqueOrThrow({
          where: { id: statementId },
          select: { figures: true, usageCutoff: true },
        });
        const issuedAt = new Date();
        const { year, sequence, number } = await nextNumber(tx, issuedAt);
        const invoice = await tx.invoice.create({
          data: {
            number,
            year,
            sequence,
            tenantId: original.tenantId,
            statementId,
            periodStart: new Date(original.periodStart),
            periodEnd: new Date(original.periodEnd),
            currency: original.currency,
            totalMicros,
            status: 'ISSUED',
            issuedAt,
            reissueOf: original.id,
            pdf: new Uint8Array(await render(stored, number, issuedAt)),
          },
        });
        await emitOutboundEvent(tx, 'billing', {
          tenantId: invoice.tenantId,
          type: 'invoice.issued',
          occurredAt: issuedAt,
          data: invoiceEventData(invoice),
        });
        await appendToOutbox(tx, 'billing', AUDIT_RECORD_TOPIC, {
          ...reissued,
          actionKey: `invoice-reissue:${original.id}`,
          targetId: invoice.id,
        });
        return invoice.id;
      },
      { timeout: 30_000 },
    );
  }
}

/** A statement's figures as stored, and the cutoff they were read with. */
export interface StoredStatement {
  readonly figures: unknown;
  readonly usageCutoff: Date;
}

/** Who voids an invoice and why, with the audit record of it. */
export interface InvoiceVoiding {
  readonly voidedBy: string;
  readonly reason: string;
  readonly audit: AuditRecordMessage;
}

/** The void of an ISSUED invoice inside a transaction; false when it was not ISSUED. */
async function voidIn(tx: Prisma.TransactionClient, id: string, voiding: InvoiceVoiding) {
  const changed = await tx.invoice.updateMany({
    where: { id, status: 'ISSUED' },
    data: { status: 'VOID' },
  });
  if (changed.count === 0) return false;
  await tx.invoiceVoid.create({
    data: { invoiceId: id, voidedBy: voiding.voidedBy, reason: voiding.reason },
  });
  await appendToOutbox(tx, 'billing', AUDIT_RECORD_TOPIC, {
    ...voiding.audit,
    actionKey: `invoice-void:${id}`,
  });
  return true;
}

/**
 * The next number of the issuing year. The counter row stays locked until commit, so
 * concurrent issues queue on it and a rolled-back one gives its number back: no gaps.
 */
async function nextNumber(tx: Prisma.TransactionClient, issuedAt: Date) {
  const year = issuedAt.getUTCFullYear();
  const [{ last_number: sequence }] = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO billing.invoice_counters (year, last_number) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = invoice_counters.last_number + 1
    RETURNING last_number`;
  return { year, sequence, number: `${year}-${String(sequence).padStart(6, '0')}` };
}

function invoiceEventData(invoice: Invoice): Prisma.InputJsonObject {
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    currency: invoice.currency,
    totalMicros: toWireMicros(invoice.totalMicros),
  };
}

function toInvoiceView(row: InvoiceRow): InvoiceView {
  return {
    id: row.id,
    number: row.number,
    tenantId: row.tenantId,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd.toISOString(),
    status: row.status,
    currency: row.currency,
    totalMicros: toWireMicros(row.totalMicros),
    issuedAt: row.issuedAt.toISOString(),
    voidReason: row.voiding?.reason ?? null,
    reissueOfId: row.reissueOf,
  };
}
