import type { StatementFigures, WalletFigures } from '@tally/transport';
import { buildStatement, StatementDoesNotTieOut, toStatementView } from './statement';

const wallet = (id: string, over: Partial<WalletFigures>): WalletFigures => ({
  walletId: id,
  kind: 'SUB_ACCOUNT',
  subAccountId: null,
  subAccountName: null,
  openingMicros: '0',
  closingMicros: '0',
  movements: [],
  ...over,
});

const figures = (over: Partial<StatementFigures> = {}): StatementFigures => ({
  tenantId: 't',
  tenantName: 'Acme',
  currency: 'USD',
  periodStart: '2026-03-01T00:00:00.000Z',
  periodEnd: '2026-04-01T00:00:00.000Z',
  wallets: [
    wallet('main', {
      kind: 'TENANT',
      openingMicros: '100',
      closingMicros: '1097',
      movements: [
        { kind: 'recharge', amountMicros: '1000', transactions: 1 },
        { kind: 'transfer', amountMicros: '-40', transactions: 1 },
        { kind: 'usage', amountMicros: '-13', transactions: 2 },
        { kind: 'bonus', amountMicros: '50', transactions: 1 },
      ],
    }),
    wallet('dev', {
      closingMicros: '33',
      movements: [
        { kind: 'transfer', amountMicros: '40', transactions: 1 },
        { kind: 'usage', amountMicros: '-9', transactions: 3 },
        { kind: 'usage_adjustment', amountMicros: '2', transactions: 1 },
      ],
    }),
  ],
  usage: [
    { walletId: 'main', namespace: 'web', resource: 'CPU', kind: 'usage', amountMicros: '10' },
    { walletId: 'main', namespace: 'web', resource: 'MEMORY', kind: 'usage', amountMicros: '3' },
    { walletId: 'dev', namespace: 'ci', resource: 'CPU', kind: 'usage', amountMicros: '9' },
    {
      walletId: 'dev',
      namespace: 'ci',
      resource: 'CPU',
      kind: 'usage_adjustment',
      amountMicros: '-2',
    },
  ],
  ...over,
});

describe('buildStatement', () => {
  it('sums wallets into tenant totals, nets own transfers, folds corrections into charges', () => {
    const view = toStatementView(buildStatement(figures()));
    expect(view).toMatchObject({
      openingMicros: '100',
      rechargesMicros: '1000',
      chargesMicros: '20',
      adjustmentsMicros: '0',
      otherMicros: '50',
      closingMicros: '1130',
      other: [{ kind: 'bonus', amountMicros: '50' }],
      usage: [
        { namespace: 'ci', resource: 'CPU', amountMicros: '7' },
        { namespace: 'web', resource: 'CPU', amountMicros: '10' },
        { namespace: 'web', resource: 'MEMORY', amountMicros: '3' },
      ],
    });
    expect(view.wallets.map((w) => w.internalTransfersMicros)).toEqual(['-40', '40']);
  });

  it('refuses figures whose wallet does not tie out to its closing balance', () => {
    const broken = figures();
    const wallets = [{ ...broken.wallets[0], closingMicros: '1096' }, broken.wallets[1]];
    expect(() => buildStatement({ ...broken, wallets })).toThrow(StatementDoesNotTieOut);
  });

  it('refuses usage lines that do not add up to the charges', () => {
    const broken = figures();
    expect(() => buildStatement({ ...broken, usage: broken.usage.slice(1) })).toThrow(
      /usage lines/,
    );
  });
});
