import { FakeRpcClient } from '@tally/testing';
import type { PriceBookView, Principal } from '@tally/transport';
import { RequestReadsFactory } from './request-reads';

const owner: Principal = { kind: 'api_key', apiKeyId: 'k1', tenantId: 't1' };
const book: PriceBookView = {
  id: 'book-1',
  version: 1,
  currency: 'USD',
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  reason: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  prices: [],
};

describe('RequestReads', () => {
  // Each answer is a new object, so a shared answer is recognisable by identity.
  const rpc = new FakeRpcClient()
    .answer('billing.invoices.byTenant', () => [])
    .answer('billing.webhooks.byTenant', () => [])
    .answer('billing.priceBook.current', () => ({ ...book }));
  const send = jest.spyOn(rpc, 'send');
  const factory = new RequestReadsFactory(rpc);
  beforeEach(() => send.mockClear());

  it('sends identical reads of one request once, concurrent or not', async () => {
    const request = {};
    const reads = factory.for(request, owner);
    const first = await Promise.all(
      Array.from({ length: 10 }, () => reads.send('billing.invoices.byTenant', { tenantId: 't1' })),
    );
    const later = await factory.for(request, owner).send('billing.invoices.byTenant', {
      tenantId: 't1',
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('billing.invoices.byTenant', {
      principal: owner,
      input: { tenantId: 't1' },
    });
    expect(new Set([...first, later]).size).toBe(1);
  });

  it('sends a read again for other input, another message or another request', async () => {
    const reads = factory.for({}, owner);
    await reads.send('billing.invoices.byTenant', { tenantId: 't1' });
    await reads.send('billing.invoices.byTenant', { tenantId: 't2' });
    await reads.send('billing.webhooks.byTenant', { tenantId: 't1' });
    await factory.for({}, owner).send('billing.invoices.byTenant', { tenantId: 't1' });
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('shares a failure the same way, within the request only', async () => {
    send.mockRejectedValueOnce(new Error('billing is down'));
    const reads = factory.for({}, owner);
    await expect(reads.send('billing.priceBook.current', {})).rejects.toThrow('billing is down');
    await expect(reads.send('billing.priceBook.current', {})).rejects.toThrow('billing is down');
    await expect(factory.for({}, owner).send('billing.priceBook.current', {})).resolves.toEqual(
      book,
    );
    expect(send).toHaveBeenCalledTimes(2);
  });
});
