import type { StatementBody } from '@tally/transport';
import { renderInvoicePdf } from './invoice-pdf';

const statement: StatementBody = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  tenantName: 'Acme',
  currency: 'USD',
  periodStart: '2026-10-01T00:00:00.000Z',
  periodEnd: '2026-11-01T00:00:00.000Z',
  openingMicros: '0',
  rechargesMicros: '100000000',
  chargesMicros: '1500000',
  adjustmentsMicros: '0',
  otherMicros: '0',
  closingMicros: '98500000',
  wallets: [],
  usage: [{ namespace: 'web', resource: 'CPU', amountMicros: '1500000' }],
  other: [],
};

describe('invoice PDF', () => {
  it('renders the same bytes for the same invoice', async () => {
    const invoice = {
      number: '2026-000001',
      issuedAt: new Date('2026-11-01T00:10:00.000Z'),
      totalMicros: 1_500_000n,
      statement,
    };
    const first = await renderInvoicePdf(invoice);
    const second = await renderInvoicePdf(invoice);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });
});
