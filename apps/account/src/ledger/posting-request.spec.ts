import { MoneyErrorReason, toWireMicros } from '@tally/money';
import { rawWireMicros, reasonOf } from '@tally/testing';
import {
  postingLine,
  revenueAccount,
  SystemAccount,
  type LedgerAccountName,
  type PostingRequest,
} from '@tally/transport';
import fc from 'fast-check';
import { postingsFrom } from './posting-request';

const WALLET = '0b2c8c1e-5d4f-4a7b-9c3d-2e1f0a9b8c7d';

const request = (lines: PostingRequest['lines']): PostingRequest => ({
  kind: 'usage',
  idempotencyKey: 'charge:web:2026-01-01T00:00:00.000Z',
  lines,
});

describe('postingsFrom', () => {
  it('reads what billing and metering build with postingLine', () => {
    const [posting] = postingsFrom([
      request([postingLine({ walletId: WALLET }, -30n), postingLine(revenueAccount('CPU'), 30n)]),
    ]);
    expect(posting.lines).toEqual([
      { account: { walletId: WALLET }, amountMicros: -30n },
      { account: { system: SystemAccount.RevenueCpu }, amountMicros: 30n },
    ]);
  });

  it('round-trips any lines built through the shared contract', () => {
    const micros = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    const account = fc.oneof(
      fc.uuid().map((walletId) => ({ walletId })),
      fc.constantFrom(...Object.values(SystemAccount)).map((system) => ({ system })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(account, micros), { maxLength: 8 }), (lines) => {
        const [posting] = postingsFrom([request(lines.map(([a, m]) => postingLine(a, m)))]);
        expect(posting.lines).toEqual(lines.map(([a, m]) => ({ account: a, amountMicros: m })));
      }),
    );
  });

  it('refuses an account it does not know', () => {
    const line = {
      account: 'system:treasury' as LedgerAccountName,
      amountMicros: toWireMicros(1n),
    };
    expect(reasonOf(() => postingsFrom([request([line])]))).toBe('UNKNOWN_ACCOUNT');
  });

  it.each([
    ['12.0', MoneyErrorReason.MALFORMED],
    ['12.5', MoneyErrorReason.MALFORMED],
    ['', MoneyErrorReason.EMPTY],
    ['9223372036854775808', MoneyErrorReason.OVERFLOW],
  ])('refuses the amount %p (%s)', (text, reason) => {
    const line = { ...postingLine({ walletId: WALLET }, 1n), amountMicros: rawWireMicros(text) };
    expect(reasonOf(() => postingsFrom([request([line])]))).toBe(reason);
  });

  const bonus = (expiresAt: string): PostingRequest => ({
    kind: 'bonus',
    idempotencyKey: 'stripe-bonus:cs_1',
    grant: { expiresAt },
    lines: [
      postingLine({ walletId: WALLET }, 5n),
      postingLine({ system: SystemAccount.PromotionalCredit }, -5n),
    ],
  });

  it('reads a grant of promotional credit as a recharge bonus with its expiry', () => {
    const [posting] = postingsFrom([bonus('2027-01-31T00:00:00.000Z')]);
    expect(posting.grant).toEqual({
      source: 'BONUS',
      expiresAt: new Date('2027-01-31T00:00:00.000Z'),
    });
    expect(postingsFrom([request([])])[0].grant).toBeUndefined();
  });

  it('reads the bonus a claw-back names, and refuses the name on any other kind', () => {
    const clawback: PostingRequest = {
      kind: 'bonus_clawback',
      idempotencyKey: 'stripe-bonus-clawback:r1:5000000',
      clawsBack: 'stripe-bonus:cs_1',
      lines: [
        postingLine({ walletId: WALLET }, -5n),
        postingLine({ system: SystemAccount.PromotionalCredit }, 5n),
      ],
    };
    expect(postingsFrom([clawback])[0].clawsBack).toBe('stripe-bonus:cs_1');
    expect(postingsFrom([request([])])[0].clawsBack).toBeUndefined();
    expect(reasonOf(() => postingsFrom([{ ...clawback, kind: 'refund' }]))).toBe('NOT_A_CLAWBACK');
  });

  it.each(['2027-01-31', 'tomorrow', '2027-01-31T00:00:00+01:00'])(
    'refuses the grant expiry %p',
    (text) => {
      expect(reasonOf(() => postingsFrom([bonus(text)]))).toBe('BAD_EXPIRY');
    },
  );
});
