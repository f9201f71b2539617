import { ErrorCode } from '@tally/errors';
import { reasonOf } from '@tally/testing';
import fc from 'fast-check';
import { RESOURCES } from './billing.contract';
import {
  ledgerAccountName,
  parseLedgerAccount,
  postingLine,
  REVENUE_ACCOUNT_PREFIX,
  revenueAccount,
  SystemAccount,
  type LedgerAccount,
} from './ledger-account';

const refusal = (name: unknown) => reasonOf(() => parseLedgerAccount(name));

const walletId = fc.uuid();
const account: fc.Arbitrary<LedgerAccount> = fc.oneof(
  walletId.map((id) => ({ walletId: id })),
  fc.constantFrom(...Object.values(SystemAccount)).map((system) => ({ system })),
);
// Names near the real ones (prefixes, case, spacing) as well as arbitrary text.
const nearMiss = fc.oneof(
  fc.string(),
  fc.uuid().map((id) => `wallet:${id.toUpperCase()}`),
  fc.uuid().map((id) => `wallet: ${id}`),
  fc.uuid().map((id) => `wallet:${id}\n`),
  fc.constantFrom(...Object.values(SystemAccount)).map((name) => name.toUpperCase()),
  fc.constantFrom(...Object.values(SystemAccount)).map((name) => `${name}:extra`),
  fc.constantFrom('system:', 'wallet:', 'system:revenue:', 'system:revenue:tpu'),
);

describe('ledger accounts', () => {
  it('spells accounts the way the ledger has always stored them', () => {
    const id = '0b2c8c1e-5d4f-4a7b-9c3d-2e1f0a9b8c7d';
    expect(ledgerAccountName({ walletId: id })).toBe(`wallet:${id}`);
    expect(ledgerAccountName({ system: SystemAccount.StripeClearing })).toBe(
      'system:stripe_clearing',
    );
    expect(ledgerAccountName(revenueAccount('NETWORK_EGRESS'))).toBe(
      'system:revenue:network_egress',
    );
  });

  it('has a revenue account for every resource, named after it', () => {
    for (const resource of RESOURCES) {
      expect(ledgerAccountName(revenueAccount(resource))).toBe(
        `${REVENUE_ACCOUNT_PREFIX}${resource.toLowerCase()}`,
      );
    }
    expect(new Set(RESOURCES.map((r) => ledgerAccountName(revenueAccount(r)))).size).toBe(
      RESOURCES.length,
    );
  });

  it('reads back every account it writes: parse(name(a)) equals a', () => {
    fc.assert(
      fc.property(account, (a) => {
        expect(parseLedgerAccount(ledgerAccountName(a))).toEqual(a);
      }),
    );
  });

  it('accepts exactly the names it writes, and refuses everything else with UNKNOWN_ACCOUNT', () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, account.map(ledgerAccountName)), (name) => {
        let parsed: LedgerAccount;
        try {
          parsed = parseLedgerAccount(name);
        } catch {
          expect(refusal(name)).toBe('UNKNOWN_ACCOUNT');
          return;
        }
        expect(ledgerAccountName(parsed)).toBe(name);
      }),
    );
  });

  it.each<unknown>([
    'wallet:not-a-uuid',
    'wallet:0B2C8C1E-5D4F-4A7B-9C3D-2E1F0A9B8C7D',
    'system:revenue:tpu',
    'system:treasury',
    'revenue',
    '',
    42,
    null,
    { walletId: '0b2c8c1e-5d4f-4a7b-9c3d-2e1f0a9b8c7d' },
  ])('refuses %p', (name) => {
    expect(refusal(name)).toBe('UNKNOWN_ACCOUNT');
  });

  it('says which account it does not know, as the caller’s mistake', () => {
    const error: unknown = (() => {
      try {
        return parseLedgerAccount('system:treasury');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'Unknown ledger account system:treasury',
    });
  });

  it('builds posting lines in the wire form', () => {
    const id = '0b2c8c1e-5d4f-4a7b-9c3d-2e1f0a9b8c7d';
    expect(postingLine({ walletId: id }, -12_500_000n)).toEqual({
      account: `wallet:${id}`,
      amountMicros: '-12500000',
    });
    expect(postingLine(revenueAccount('CPU'), 1n)).toEqual({
      account: 'system:revenue:cpu',
      amountMicros: '1',
    });
  });
});
