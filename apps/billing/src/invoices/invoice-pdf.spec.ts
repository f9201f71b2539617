import { toWireMicros } from '@tally/money';
import type { StatementBody } from '@tally/transport';
import { NO_CREDIT_LINES } from '../statements/statement';
import { renderInvoicePdf } from './invoice-pdf';

const statement: StatementBody = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  tenantName: 'Acme',
  currency: 'USD',
  periodStart: '2026-10-01T00:00:00.000Z',
  periodEnd: '2026-11-01T00:00:00.000Z',
  usageSince: '2026-10-01T01:05:00.000Z',
  usageCutoff: '2026-11-01T01:05:00.000Z',
  openingMicros: toWireMicros(0n),
  rechargesMicros: toWireMicros(100000000n),
  chargesMicros: toWireMicros(1499000n),
  priorPeriodMicros: toWireMicros(-1000n),
  chargesPostedLaterMicros: toWireMicros(20000n),
  chargesOfOtherStatementsMicros: toWireMicros(0n),
  adjustmentsMicros: toWireMicros(0n),
  otherMicros: toWireMicros(0n),
  closingMicros: toWireMicros(98521000n),
  ...NO_CREDIT_LINES,
  wallets: [],
  usage: [{ namespace: 'web', resource: 'CPU', amountMicros: toWireMicros(1500000n) }],
  priorPeriod: [
    { month: '2026-09', namespace: 'web', resource: 'CPU', amountMicros: toWireMicros(-1000n) },
  ],
  other: [],
};

describe('invoice PDF', () => {
  it('renders the same bytes for the same invoice', async () => {
    const invoice = {
      number: '2026-000001',
      issuedAt: new Date('2026-11-01T00:10:00.000Z'),
      totalMicros: 1_499_000n,
      statement,
    };
    const first = await renderInvoicePdf(invoice);
    const second = await renderInvoicePdf(invoice);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });
});
