import type { StatementBody } from '@tally/transport';
import { renderInvoicePdf } from './invoice-pdf';

const statement: StatementBody = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  tenantName: 'Acme',
  currency: 'USD',
  periodStart: '2026-10-01T00:00:00.000Z',
  periodEnd: '2026-11-01T00:00:00.000Z',
  usageSince: '2026-10-01T01:05:00.000Z',
  usageCutoff: '2026-11-01T01:05:00.000Z',
  openingMicros: '0',
  rechargesMicros: '100000000',
  chargesMicros: '1499000',
  priorPeriodMicros: '-1000',
  chargesPostedLaterMicros: '20000',
  chargesOfOtherStatementsMicros: '0',
  adjustmentsMicros: '0',
  otherMicros: '0',
  closingMicros: '98521000',
  wallets: [],
  usage: [{ namespace: 'web', resource: 'CPU', amountMicros: '1500000' }],
  priorPeriod: [{ month: '2026-09', namespace: 'web', resource: 'CPU', amountMicros: '-1000' }],
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
