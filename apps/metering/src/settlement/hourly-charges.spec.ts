import { toWireMicros } from '@tally/money';
import type { PriceBookView, WorkspacePlacementView } from '@tally/transport';
import { hourlyCharges } from './hourly-charges';
import { describeUnpriced } from './settle-hour';

const CORE_HOUR = 3_600_000_000n;

const book = (currency: string, cpuMicros: bigint): PriceBookView => ({
  id: `book-${currency}`,
  version: 1,
  currency,
  effectiveFrom: '1970-01-01T00:00:00.000Z',
  createdBy: null,
  reason: null,
  createdAt: '1970-01-01T00:00:00.000Z',
  prices: [
    {
      resource: 'CPU',
      unit: 'core-hour',
      pricePerUnitHourMicros: toWireMicros(cpuMicros),
      scale: 0,
    },
  ],
});

const placement = (namespace: string, currency: string): WorkspacePlacementView => ({
  namespace,
  tenantId: `tenant-${namespace}`,
  walletId: `wallet-${namespace}`,
  currency,
});

describe('hourlyCharges', () => {
  const usage = ['eur', 'usd', 'xts', 'kube-system'].map((namespace) => ({
    namespace,
    resource: 'CPU' as const,
    quantity: CORE_HOUR,
    sampleCount: 60,
  }));
  const placements = new Map(
    [placement('eur', 'EUR'), placement('usd', 'USD'), placement('xts', 'XTS')].map((p) => [
      p.namespace,
      p,
    ]),
  );
  const books = new Map([
    ['USD', book('USD', 30_000n)],
    ['EUR', book('EUR', 20_000n)],
  ]);

  it('prices each namespace with the book of its wallet’s currency, and says which', () => {
    const { charges } = hourlyCharges(usage, placements, books);
    expect(charges.map((c) => [c.namespace, c.currency, c.totalMicros])).toEqual([
      ['eur', 'EUR', 20_000n],
      ['usd', 'USD', 30_000n],
    ]);
  });

  it('flags a namespace with an unproven gap although every minute has a sample', () => {
    const { charges } = hourlyCharges(usage, placements, books, new Set(['usd']));
    expect(charges.map((c) => [c.namespace, c.shortHour])).toEqual([
      ['eur', false],
      ['usd', true],
    ]);
  });

  it('charges no namespace whose currency has no book, and names it', () => {
    const { charges, unpriced, unattributed } = hourlyCharges(usage, placements, books);
    expect(charges.map((c) => c.namespace)).not.toContain('xts');
    expect(unpriced).toEqual([{ namespace: 'xts', walletId: 'wallet-xts', currency: 'XTS' }]);
    expect(unattributed).toEqual(['kube-system']);
  });
});

describe('describeUnpriced', () => {
  const hour = new Date('2026-01-01T05:00:00Z');

  it('is null when everything was priced', () => {
    expect(describeUnpriced(hour, [])).toBeNull();
  });

  it('names the hour, each currency and its first namespaces', () => {
    const unpriced = ['a', 'b', 'c', 'd', 'e', 'f'].map((namespace) => ({
      namespace,
      walletId: 'w',
      currency: 'XTS',
    }));
    expect(
      describeUnpriced(hour, [...unpriced, { namespace: 'g', walletId: 'w', currency: 'XXX' }]),
    ).toBe(
      "not charged: no price book in force at 2026-01-01T05:00:00.000Z for the currency of these namespaces' wallets: 6 in XTS (a, b, c, d, e, …); 1 in XXX (g)",
    );
  });
});
