import { toWireMicros } from '@tally/money';
import type { CreditFigures, StatementFigures, UsageFigure, WalletFigures } from '@tally/transport';
import {
  buildStatement,
  StatementDoesNotTieOut,
  storedStatementBody,
  toStatementView,
} from './statement';

const credit = (micros: Partial<Record<keyof CreditFigures, bigint>>): CreditFigures => {
  const line = (name: keyof CreditFigures) => toWireMicros(micros[name] ?? 0n);
  return {
    openingMicros: line('openingMicros'),
    grantedMicros: line('grantedMicros'),
    movedInMicros: line('movedInMicros'),
    usedMicros: line('usedMicros'),
    movedOutMicros: line('movedOutMicros'),
    closingMicros: line('closingMicros'),
  };
};

const wallet = (id: string, over: Partial<WalletFigures>): WalletFigures => ({
  walletId: id,
  kind: 'SUB_ACCOUNT',
  subAccountId: null,
  subAccountName: null,
  openingMicros: toWireMicros(0n),
  closingMicros: toWireMicros(0n),
  movements: [],
  credit: credit({}),
  ...over,
});

/** Usage of March charged in March and posted in March, unless said otherwise. */
const used = (
  walletId: string,
  namespace: string,
  resource: string,
  amount: bigint,
  over: Partial<UsageFigure> = {},
): UsageFigure => ({
  walletId,
  namespace,
  resource,
  kind: 'usage',
  usageMonth: '2026-03',
  charged: 'period',
  postedInPeriod: true,
  amountMicros: toWireMicros(amount),
  ...over,
});

const figures = (over: Partial<StatementFigures> = {}): StatementFigures => ({
  tenantId: 't',
  tenantName: 'Acme',
  currency: 'USD',
  periodStart: '2026-03-01T00:00:00.000Z',
  periodEnd: '2026-04-01T00:00:00.000Z',
  usageSince: '2026-03-01T00:00:00.000Z',
  usageCutoff: '2026-04-01T01:05:00.000Z',
  wallets: [
    wallet('main', {
      kind: 'TENANT',
      openingMicros: toWireMicros(100n),
      closingMicros: toWireMicros(1097n),
      movements: [
        { kind: 'recharge', amountMicros: toWireMicros(1000n), transactions: 1 },
        { kind: 'transfer', amountMicros: toWireMicros(-40n), transactions: 1 },
        { kind: 'usage', amountMicros: toWireMicros(-13n), transactions: 2 },
        { kind: 'bonus', amountMicros: toWireMicros(50n), transactions: 1 },
      ],
    }),
    wallet('dev', {
      closingMicros: toWireMicros(33n),
      movements: [
        { kind: 'transfer', amountMicros: toWireMicros(40n), transactions: 1 },
        { kind: 'usage', amountMicros: toWireMicros(-9n), transactions: 3 },
        { kind: 'usage_adjustment', amountMicros: toWireMicros(2n), transactions: 1 },
      ],
    }),
  ],
  usage: [
    used('main', 'web', 'CPU', 10n),
    used('main', 'web', 'MEMORY', 3n),
    used('dev', 'ci', 'CPU', 9n),
    used('dev', 'ci', 'CPU', -2n, { kind: 'usage_adjustment' }),
  ],
  ...over,
});

/** The tenant wallet of `figures()` with its usage and closing balance replaced. */
const mainWith = (closing: bigint, movedByUsage: bigint): WalletFigures =>
  wallet('main', {
    kind: 'TENANT',
    openingMicros: toWireMicros(100n),
    closingMicros: toWireMicros(closing),
    movements: [
      { kind: 'recharge', amountMicros: toWireMicros(1000n), transactions: 1 },
      { kind: 'usage', amountMicros: toWireMicros(movedByUsage), transactions: 2 },
    ],
  });

/** `figures()` with the tenant wallet's bonus of 50 a grant, 20 of older credit, some expired. */
const withCredit = (expiredMicros: bigint, closingCredit: bigint) => {
  const base = figures();
  const main = base.wallets[0];
  return {
    ...base,
    wallets: [
      {
        ...main,
        closingMicros: toWireMicros(1097n - expiredMicros),
        movements: [
          ...main.movements,
          { kind: 'credit_expiry', amountMicros: toWireMicros(-expiredMicros), transactions: 1 },
        ],
        credit: credit({
          openingMicros: 20n,
          grantedMicros: 50n,
          usedMicros: 13n,
          closingMicros: closingCredit,
        }),
      },
      base.wallets[1],
    ],
  };
};

/**
 * `figures()` with 20 of credit open in the tenant wallet, of which its transfer of 40 to dev
 * took 15 (paid money being short): dev spends 7 of it, and `movedIn` of it is said to arrive.
 */
const withMovedCredit = (movedIn: bigint) => {
  const [main, dev] = figures().wallets;
  return figures({
    wallets: [
      { ...main, credit: credit({ openingMicros: 20n, movedOutMicros: 15n, closingMicros: 5n }) },
      {
        ...dev,
        credit: credit({ movedInMicros: movedIn, usedMicros: 7n, closingMicros: movedIn - 7n }),
      },
    ],
  });
};

describe('buildStatement', () => {
  it('sums wallets into tenant totals, nets own transfers, folds corrections into charges', () => {
    const view = toStatementView(buildStatement(figures()));
    expect(view).toMatchObject({
      openingMicros: '100',
      rechargesMicros: '1000',
      chargesMicros: '20',
      priorPeriodMicros: '0',
      chargesPostedLaterMicros: '0',
      chargesOfOtherStatementsMicros: '0',
      adjustmentsMicros: '0',
      otherMicros: '50',
      closingMicros: '1130',
      usageSince: '2026-03-01T00:00:00.000Z',
      usageCutoff: '2026-04-01T01:05:00.000Z',
      other: [{ kind: 'bonus', amountMicros: '50' }],
      usage: [
        { namespace: 'ci', resource: 'CPU', amountMicros: '7' },
        { namespace: 'web', resource: 'CPU', amountMicros: '10' },
        { namespace: 'web', resource: 'MEMORY', amountMicros: '3' },
      ],
      priorPeriod: [],
    });
    expect(view.wallets.map((w) => w.internalTransfersMicros)).toEqual(['-40', '40']);
  });

  it('charges the last hour of the period, posted after its end, and says so', () => {
    // 23:00 on the 31st (5) was posted after midnight: the wallet moved by 13 in March only.
    const late = used('main', 'web', 'CPU', 5n, { postedInPeriod: false });
    const built = buildStatement(
      figures({
        wallets: [mainWith(1087n, -13n)],
        usage: [used('main', 'web', 'CPU', 10n), used('main', 'web', 'MEMORY', 3n), late],
      }),
    );
    expect(toStatementView(built)).toMatchObject({
      chargesMicros: '18',
      chargesPostedLaterMicros: '5',
      chargesOfOtherStatementsMicros: '0',
      closingMicros: '1087',
      usage: [
        { namespace: 'web', resource: 'CPU', amountMicros: '15' },
        { namespace: 'web', resource: 'MEMORY', amountMicros: '3' },
      ],
    });
    const { totals: t } = built;
    expect(
      t.openingMicros +
        t.rechargesMicros -
        t.chargesMicros +
        t.chargesPostedLaterMicros -
        t.chargesOfOtherStatementsMicros +
        t.adjustmentsMicros +
        t.otherMicros,
    ).toBe(t.closingMicros);
  });

  it('leaves the previous month’s late hour to its statement and shows prior-period lines', () => {
    // Posted in March: 23:00 of February (4, on February's statement: posted before its
    // cutoff) and a correction for a February hour posted after February closed (-1, here).
    const built = buildStatement(
      figures({
        usageSince: '2026-03-01T01:05:00.000Z',
        wallets: [mainWith(1084n, -16n)],
        usage: [
          used('main', 'web', 'CPU', 13n),
          used('main', 'web', 'CPU', 4n, { usageMonth: '2026-02', charged: null }),
          used('main', 'web', 'CPU', -1n, {
            usageMonth: '2026-02',
            charged: 'prior',
            kind: 'usage_adjustment',
          }),
        ],
      }),
    );
    expect(toStatementView(built)).toMatchObject({
      chargesMicros: '12',
      priorPeriodMicros: '-1',
      chargesPostedLaterMicros: '0',
      chargesOfOtherStatementsMicros: '4',
      usage: [{ namespace: 'web', resource: 'CPU', amountMicros: '13' }],
      priorPeriod: [{ month: '2026-02', namespace: 'web', resource: 'CPU', amountMicros: '-1' }],
    });
    // 100 + 1000 − 12 + 0 − 4 = 1084
    expect(built.totals.closingMicros).toBe(1084n);
  });

  it('refuses figures whose wallet does not tie out to its closing balance', () => {
    const broken = figures();
    const wallets = [
      { ...broken.wallets[0], closingMicros: toWireMicros(1096n) },
      broken.wallets[1],
    ];
    expect(() => buildStatement({ ...broken, wallets })).toThrow(StatementDoesNotTieOut);
  });

  it('refuses usage posted in the period that does not add up to the charges moved', () => {
    const broken = figures();
    expect(() => buildStatement({ ...broken, usage: broken.usage.slice(1) })).toThrow(
      /usage posted in the period 3 ≠ charges moved 13/,
    );
    // Usage said to be posted later, although the wallet moved by it in the period.
    const misplaced = broken.usage.map((f, i) => (i === 0 ? { ...f, postedInPeriod: false } : f));
    expect(() => buildStatement({ ...broken, usage: misplaced })).toThrow(StatementDoesNotTieOut);
  });

  it('shows granted, used and expired credit as their own lines, expiry as the ledger moved it', () => {
    const view = toStatementView(buildStatement(withCredit(7n, 50n)));
    const lines = {
      creditOpeningMicros: '20',
      creditsGrantedMicros: '50',
      creditsMovedInMicros: '0',
      creditsUsedMicros: '13',
      creditsMovedOutMicros: '0',
      creditsExpiredMicros: '7',
      creditClosingMicros: '50',
    };
    expect(view).toMatchObject({ ...lines, closingMicros: '1123', otherMicros: '43' });
    expect(view.wallets[0]).toMatchObject(lines);
    expect(view.wallets[1]).toMatchObject({ creditsGrantedMicros: '0', creditClosingMicros: '0' });
  });

  it('refuses credit lines that do not tie out with the ledger’s expiry', () => {
    // The grants say 7 expired (closing 50), the ledger moved 8 out.
    expect(() => buildStatement(withCredit(8n, 50n))).toThrow(
      /credit opening \+ granted \+ moved in − used − moved out − expired = 49 ≠ closing 50/,
    );
  });

  it('shows credit moved between own wallets as moved out and in, neither used nor granted', () => {
    const view = toStatementView(buildStatement(withMovedCredit(15n)));
    expect(view.wallets.map((w) => [w.creditsMovedOutMicros, w.creditsMovedInMicros])).toEqual([
      ['15', '0'],
      ['0', '15'],
    ]);
    expect(view.wallets[0]).toMatchObject({ creditsUsedMicros: '0', creditClosingMicros: '5' });
    expect(view.wallets[1]).toMatchObject({ creditsGrantedMicros: '0', creditClosingMicros: '8' });
    // For the tenant, the move is in and out of its own wallets: granted and used are untouched.
    expect(view).toMatchObject({
      creditOpeningMicros: '20',
      creditsGrantedMicros: '0',
      creditsMovedInMicros: '15',
      creditsUsedMicros: '7',
      creditsMovedOutMicros: '15',
      creditsExpiredMicros: '0',
      creditClosingMicros: '13',
    });
  });

  it('refuses a tenant whose credit moved in is not what its wallets moved out', () => {
    // Each wallet ties out on its own (dev: 0 + 14 − 7 = 7), the tenant's move does not.
    expect(() => buildStatement(withMovedCredit(14n))).toThrow(
      /credit moved in 14 ≠ moved out 15 between own wallets/,
    );
  });
});

describe('storedStatementBody', () => {
  it('reads a statement stored before usage was charged by hour as charged by posting time', () => {
    const { usageSince, usageCutoff, priorPeriod, ...legacy } = toStatementView(
      buildStatement(figures()),
    );
    void [usageSince, usageCutoff, priorPeriod];
    const body = storedStatementBody(legacy, new Date('2026-04-01T00:00:00Z'));
    expect(body).toMatchObject({
      usageSince: '2026-03-01T00:00:00.000Z',
      usageCutoff: '2026-04-01T00:00:00.000Z',
      priorPeriod: [],
      priorPeriodMicros: '0',
      chargesPostedLaterMicros: '0',
      chargesOfOtherStatementsMicros: '0',
      chargesMicros: '20',
    });
    expect(body.wallets[0]).toMatchObject({ chargesPostedLaterMicros: '0', chargesMicros: '13' });
  });

  it('reads a statement stored before moved credit had its lines as having none moved', () => {
    const view = toStatementView(buildStatement(withCredit(7n, 50n)));
    const strip = <T extends object>(body: T) =>
      Object.fromEntries(Object.entries(body).filter(([key]) => !/^creditsMoved/.test(key)));
    const legacy = { ...strip(view), wallets: view.wallets.map(strip) };
    const body = storedStatementBody(legacy, new Date('2026-04-01T01:05:00Z'));
    expect(body).toEqual(view);
    expect(body.wallets[0]).toMatchObject({
      creditsGrantedMicros: '50',
      creditsMovedInMicros: '0',
      creditsMovedOutMicros: '0',
    });
  });

  it('reads a statement stored before promotional credit had grants as having no credit', () => {
    const view = toStatementView(buildStatement(figures()));
    const strip = <T extends object>(body: T) =>
      Object.fromEntries(Object.entries(body).filter(([key]) => !/^credit/.test(key)));
    const legacy = { ...strip(view), wallets: view.wallets.map(strip) };
    const body = storedStatementBody(legacy, new Date('2026-04-01T01:05:00Z'));
    expect(body).toEqual(view);
  });
});
