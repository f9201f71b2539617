import { randomUUID } from 'node:crypto';
import { outcome } from '../identity/identity-fixtures';
import { AccountContext } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { waitFor } from '../support/ports';
import {
  creditTiedOut,
  tiedOut,
  toMicros,
  type CreditLinesReply,
  type StatementReply,
} from '../support/statement-figures';

const UNIT = 1_000_000n;
const GRANT = `mutation ($walletId: ID!, $amount: Money!, $expiresAt: DateTime!, $reason: String!, $key: String) {
  grantCredit(walletId: $walletId, amount: $amount, expiresAt: $expiresAt, reason: $reason, idempotencyKey: $key) {
    id source amount remaining used expired reason expiresAt expiredAt } }`;
const CREDITS = `query ($id: ID!) { wallet(id: $id) { balance credits { id source amount remaining used expired expiredAt } } }`;
const CREDIT_LINES =
  'creditOpening creditsGranted creditsMovedIn creditsUsed creditsMovedOut creditsExpired creditClosing';
const STATEMENT = `query ($tenantId: ID!, $month: String!) {
  statement(tenantId: $tenantId, month: $month) {
    opening recharges charges priorPeriod chargesPostedLater chargesOfOtherStatements adjustments
    other closing otherLines { kind amount } ${CREDIT_LINES}
    wallets { walletId opening recharges charges priorPeriod chargesPostedLater
      chargesOfOtherStatements adjustments internalTransfers other closing ${CREDIT_LINES} }
  }
}`;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const TRANSFER = `mutation ($input: TransferInput!) { transfer(input: $input) { id } }`;

interface Grant {
  id: string;
  source: string;
  amount: string;
  remaining: string;
  used: string;
  expired: string;
  reason: string;
  expiresAt: string;
  expiredAt: string | null;
}
type CreditsReply = { wallet: { balance: string; credits: Grant[] } };

const fmt = (micros: bigint) => `${micros / UNIT}.${(micros % UNIT).toString().padStart(6, '0')}`;
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * Promotional credit through the public API with the real apps: finance grants it, the wallet
 * lists it with what is left, bad input is refused with its reason, and the expiry job takes
 * out exactly what is left, once, even when it is killed halfway and run again.
 */
describe('expiring promotional credit', () => {
  const suite = new GatewaySuite();
  let ctx: AccountContext;
  let finance: string;

  beforeAll(async () => {
    ctx = AccountContext.create();
    await suite.start(['gateway', 'account', 'billing'], { TALLY_CREDIT_EXPIRY_SECONDS: '1' });
    finance = suite.jwt((await suite.fixtures.newUser('FINANCE')).externalId);
  });
  afterAll(async () => {
    await suite.stop();
    await ctx.close();
  });

  const grant = (token: string, variables: Record<string, unknown>) =>
    suite.gql<{ grantCredit: Grant }>(token, GRANT, {
      amount: '5',
      expiresAt: inHours(24),
      reason: 'welcome credit',
      ...variables,
    });
  const credits = async (walletId: string) =>
    (await suite.admin<CreditsReply>(CREDITS, { id: walletId })).data!.wallet;

  it('grants credit that the wallet lists with what is left, and replays it once', async () => {
    const { walletId } = await suite.newTenant('Granted');
    const key = randomUUID();
    const expiresAt = inHours(48);
    const first = await grant(finance, { walletId, expiresAt, key });
    expect(first.errors).toBeUndefined();
    expect(first.data!.grantCredit).toMatchObject({
      source: 'GRANT',
      amount: '5.000000',
      remaining: '5.000000',
      used: '0.000000',
      expired: '0.000000',
      reason: 'welcome credit',
      expiresAt,
      expiredAt: null,
    });
    const again = await grant(finance, { walletId, expiresAt, key });
    expect(again.data!.grantCredit.id).toBe(first.data!.grantCredit.id);
    // Without a key, the same grant sent twice is one grant too.
    const sooner = inHours(24);
    const unkeyed = await grant(suite.adminKey, { walletId, amount: '2', expiresAt: sooner });
    const unkeyedAgain = await grant(suite.adminKey, { walletId, amount: '2', expiresAt: sooner });
    expect(unkeyedAgain.data!.grantCredit.id).toBe(unkeyed.data!.grantCredit.id);

    await ctx.charge(walletId, 3n * UNIT);
    const wallet = await credits(walletId);
    expect(wallet.balance).toBe('4.000000');
    // Soonest expiry first: the 2 expiring tomorrow went first, then 1 of the 5.
    expect(wallet.credits.map((c) => [c.amount, c.remaining, c.used])).toEqual([
      ['2.000000', '0.000000', '2.000000'],
      ['5.000000', '4.000000', '1.000000'],
    ]);
  });

  it('refuses bad input with its reason, and another tenant’s wallet as a missing one', async () => {
    const { walletId, owner } = await suite.newTenant('Refused');
    const { walletId: theirs } = await suite.newTenant('Theirs');
    const refusal = async (token: string, variables: Record<string, unknown>) => {
      const reply = await grant(token, { walletId, ...variables });
      return [reply.errors?.[0]?.extensions?.code, reply.errors?.[0]?.extensions?.reason];
    };
    expect(await refusal(finance, { amount: '0' })).toEqual(['BAD_USER_INPUT', 'NOT_POSITIVE']);
    expect(await refusal(finance, { amount: '-1' })).toEqual(['BAD_USER_INPUT', 'NOT_POSITIVE']);
    expect(await refusal(finance, { expiresAt: inHours(-1) })).toEqual([
      'BAD_USER_INPUT',
      'EXPIRY_IN_PAST',
    ]);
    expect(await refusal(finance, { reason: ' ' })).toEqual(['BAD_USER_INPUT', 'BAD_REASON']);
    expect(await refusal(finance, { walletId: randomUUID() })).toEqual(['NOT_FOUND', undefined]);
    // The tenant's owner may not grant credit, and another tenant's wallet does not exist for it.
    expect(outcome(await grant(owner, { walletId }))).toBe('FORBIDDEN');
    expect(outcome(await grant(owner, { walletId: theirs }))).toBe('NOT_FOUND');
    expect((await credits(walletId)).credits).toEqual([]);
  });

  async function expiredOf(walletId: string): Promise<number> {
    const { rows } = await ctx.prisma.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account.credit_grants
        WHERE wallet_id = $1 AND expired_at IS NOT NULL`,
      [walletId],
    );
    return rows[0].n;
  }

  async function expiryRuns(): Promise<number> {
    const text = await (await fetch(`${suite.cluster.url('account')}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('tally_jobs_total{queue="credit-expiry",outcome="completed"}'));
    return line === undefined ? 0 : Number(line.split(' ').pop());
  }

  async function expiries(walletId: string) {
    const { rows } = await ctx.prisma.pool.query<{ key: string; amount: string }>(
      `SELECT t.idempotency_key AS key, e.amount_micros::text AS amount
         FROM account.ledger_transactions t JOIN account.ledger_entries e ON e.transaction_id = t.id
        WHERE t.kind = 'credit_expiry' AND e.wallet_id = $1 ORDER BY t.idempotency_key`,
      [walletId],
    );
    return rows;
  }

  it('expires each grant exactly once when the job is killed halfway and run again', async () => {
    const GRANTS = 400;
    const { walletId } = await suite.newTenant('Expiring');
    await suite.admin(ADJUST, {
      input: { walletId, amount: '100', reason: 'paid', idempotencyKey: randomUUID() },
    });
    // A few through the API, the rest as billing posts bonuses (faster: the job must find
    // hundreds due at once).
    const expiresAt = new Date(Date.now() + 10_000);
    const viaApi = await Promise.all(
      Array.from({ length: 25 }, () =>
        grant(finance, {
          walletId,
          amount: '1',
          expiresAt: expiresAt.toISOString(),
          key: randomUUID(),
        }),
      ),
    );
    expect(viaApi.flatMap((r) => r.errors ?? [])).toEqual([]);
    for (let i = 25; i < GRANTS; i += 25) {
      await Promise.all(Array.from({ length: 25 }, () => ctx.grant(walletId, UNIT, expiresAt)));
    }
    await ctx.charge(walletId, 30_500_000n); // 30.5 of the 400 granted are spent
    expect(Date.now()).toBeLessThan(expiresAt.getTime()); // all in place before they are due

    // Killed as soon as the first grant has expired: the run is far from done.
    await waitFor(
      'the first expiry',
      async () => ((await expiredOf(walletId)) > 0 ? true : undefined),
      60_000,
      10,
    );
    const account = suite.cluster.apps.get('account')!.child;
    await new Promise((resolve) => {
      account.once('exit', resolve);
      account.kill('SIGKILL');
    });
    const atKill = await expiredOf(walletId);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(GRANTS);
    await suite.cluster.restart('account');

    await waitFor(
      'every grant expired after the restart',
      async () => ((await expiredOf(walletId)) === GRANTS ? true : undefined),
      60_000,
    );
    const posted = await expiries(walletId);
    expect(new Set(posted.map((p) => p.key)).size).toBe(posted.length);
    expect(posted.reduce((sum, p) => sum - BigInt(p.amount), 0n)).toBe(369_500_000n);
    const wallet = await credits(walletId);
    expect(wallet.balance).toBe('100.000000'); // 100 paid + 400 credit − 30.5 spent − 369.5 expired
    expect(wallet.credits.every((c) => c.remaining === '0.000000' && c.expiredAt !== null)).toBe(
      true,
    );
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });

    // Two more runs of the job change nothing.
    const runs = await expiryRuns();
    await waitFor('two more expiry runs', async () =>
      (await expiryRuns()) >= runs + 2 ? true : undefined,
    );
    expect(await expiries(walletId)).toEqual(posted);
    expect((await credits(walletId)).balance).toBe('100.000000');
  });

  it('moves credit a transfer takes as credit that expires when its grant would have', async () => {
    const { id: tenantId, walletId, owner } = await suite.newTenant('Moving');
    const { walletId: department } = await suite.newSubAccount(tenantId);
    await suite.admin(ADJUST, {
      input: { walletId, amount: '1', reason: 'paid', idempotencyKey: randomUUID() },
    });
    const expiresAt = new Date(Date.now() + 10_000).toISOString();
    const granted = await grant(finance, { walletId, amount: '5', expiresAt, key: randomUUID() });
    expect(granted.errors).toBeUndefined();

    // 1 paid, then 2.000001 of the grant: that part arrives as a grant of the same expiry.
    const input = { fromWalletId: walletId, toWalletId: department, amount: '3.000001' };
    const moved = await suite.gql(owner, TRANSFER, { input: { ...input, idempotencyKey: 'm1' } });
    expect(outcome(moved)).toBe('OK');
    expect(
      outcome(await suite.gql(owner, TRANSFER, { input: { ...input, idempotencyKey: 'm1' } })),
    ).toBe('OK');
    expect((await credits(department)).credits).toEqual([
      expect.objectContaining({ source: 'GRANT', amount: '2.000001', remaining: '2.000001' }),
    ]);
    expect(await ctx.grants.byWallets([department])).toEqual([
      expect.objectContaining({ expiresAt: granted.data!.grantCredit.expiresAt }),
    ]);

    await waitFor('the moved credit expired', async () =>
      (await credits(department)).credits.every((c) => c.expiredAt !== null) ? true : undefined,
    );
    const [expiry] = await expiries(department);
    expect(BigInt(expiry.amount)).toBe(-2_000_001n);
    expect(await credits(department)).toMatchObject({
      balance: '1.000000', // 3.000001 − 2.000001 expired
      credits: [expect.objectContaining({ remaining: '0.000000', expired: '2.000001' })],
    });
    await waitFor('the source grant expired', async () =>
      (await credits(walletId)).credits.every((c) => c.expiredAt !== null) ? true : undefined,
    );
    expect((await credits(walletId)).balance).toBe('0.000000'); // 1 + 5 − 3.000001 − 2.999999

    const month = new Date().toISOString().slice(0, 7);
    type Reply = StatementReply & CreditLinesReply & { wallets: CreditLinesReply[] };
    const reply = await suite.gql<{ statement: Reply }>(owner, STATEMENT, { tenantId, month });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    for (const lines of [statement, ...statement.wallets]) {
      expect(creditTiedOut(lines)).toBe(BigInt(toMicros(lines.creditClosing)));
      expect(lines.creditClosing).toBe('0.000000');
    }
    expect(tiedOut(statement)).toBe(1n * UNIT);
  });

  it('states credit a transfer moves between own wallets as moved out and in, not used and granted', async () => {
    const { id: tenantId, walletId, owner } = await suite.newTenant('Moved lines');
    const { walletId: department } = await suite.newSubAccount(tenantId);
    await suite.admin(ADJUST, {
      input: { walletId, amount: '1', reason: 'paid', idempotencyKey: randomUUID() },
    });
    const granted = await grant(finance, { walletId, amount: '5', expiresAt: inHours(48) });
    expect(granted.errors).toBeUndefined();
    await ctx.charge(walletId, 500_001n); // spent from the grant: 4.499999 credit, 1 paid left
    // 1 paid, then 2.000001 of the grant, which arrives in the department as a grant.
    const input = { fromWalletId: walletId, toWalletId: department, amount: '3.000001' };
    const moved = await suite.gql(owner, TRANSFER, { input: { ...input, idempotencyKey: 'ml1' } });
    expect(outcome(moved)).toBe('OK');
    await ctx.charge(department, 250_000n); // spent from the moved credit

    const month = new Date().toISOString().slice(0, 7);
    type WalletLines = StatementReply['wallets'][number] & CreditLinesReply;
    type Reply = Omit<StatementReply, 'wallets'> & CreditLinesReply & { wallets: WalletLines[] };
    const reply = await suite.gql<{ statement: Reply }>(owner, STATEMENT, { tenantId, month });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    const ofWallet = (id: string) => statement.wallets.find((w) => w.walletId === id)!;
    // Granted is the real grant only, used the real spending only; the move is its own pair.
    expect(statement).toMatchObject({
      creditOpening: '0.000000',
      creditsGranted: '5.000000',
      creditsMovedIn: '2.000001',
      creditsUsed: '0.750001',
      creditsMovedOut: '2.000001',
      creditsExpired: '0.000000',
      creditClosing: '4.249999',
    });
    expect(ofWallet(walletId)).toMatchObject({
      creditsGranted: '5.000000',
      creditsMovedIn: '0.000000',
      creditsUsed: '0.500001',
      creditsMovedOut: '2.000001',
      creditClosing: '2.499998',
    });
    expect(ofWallet(department)).toMatchObject({
      creditsGranted: '0.000000',
      creditsMovedIn: '2.000001',
      creditsUsed: '0.250000',
      creditsMovedOut: '0.000000',
      creditClosing: '1.750001',
    });

    // Tied out to the ledger to the micro-unit: each wallet's balance and open credit, and the
    // moved grants the account service wrote.
    for (const id of [walletId, department]) {
      const lines = ofWallet(id);
      const wallet = await credits(id);
      const open = wallet.credits.reduce((sum, c) => sum + BigInt(toMicros(c.remaining)), 0n);
      expect(lines.creditClosing).toBe(fmt(open));
      expect(creditTiedOut(lines)).toBe(open);
      expect(lines.closing).toBe(wallet.balance);
      expect(tiedOut(lines)).toBe(BigInt(toMicros(wallet.balance)));
    }
    const { rows } = await ctx.prisma.pool.query<{ moved: string }>(
      `SELECT sum(amount_micros)::text AS moved FROM account.credit_grants
        WHERE wallet_id = $1 AND moved_from_grant_id IS NOT NULL`,
      [department],
    );
    expect(rows[0].moved).toBe('2000001');
    expect(creditTiedOut(statement)).toBe(BigInt(toMicros(statement.creditClosing)));
    expect(tiedOut(statement)).toBe(BigInt(toMicros(statement.closing)));
  });

  it('states granted, used and expired credit as their own lines, tied out to the ledger', async () => {
    const { id: tenantId, walletId, owner } = await suite.newTenant('Stated');
    await suite.admin(ADJUST, {
      input: { walletId, amount: '20', reason: 'paid', idempotencyKey: randomUUID() },
    });
    await grant(finance, { walletId, amount: '10', expiresAt: inHours(48), key: randomUUID() });
    const soon = new Date(Date.now() + 3_000).toISOString();
    await grant(finance, { walletId, amount: '4', expiresAt: soon, key: randomUUID() });
    await ctx.charge(walletId, 3n * UNIT); // 3 of the 4 that expire first
    await waitFor('the short grant expired', async () =>
      (await credits(walletId)).credits.some((c) => c.expiredAt !== null) ? true : undefined,
    );

    const month = new Date().toISOString().slice(0, 7);
    type Reply = StatementReply & CreditLinesReply & { wallets: CreditLinesReply[] };
    const reply = await suite.gql<{ statement: Reply }>(owner, STATEMENT, { tenantId, month });
    expect(outcome(reply)).toBe('OK');
    const statement = reply.data!.statement;
    const lines = {
      creditOpening: '0.000000',
      creditsGranted: '14.000000',
      creditsUsed: '3.000000',
      creditsExpired: '1.000000',
      creditClosing: '10.000000',
    };
    expect(statement).toMatchObject({ ...lines, closing: '30.000000' });
    expect(statement.wallets[0]).toMatchObject(lines);
    expect(creditTiedOut(statement)).toBe(BigInt(toMicros(statement.creditClosing)));
    // The balance equation still holds, grants and expiry in `other` by their kinds.
    expect(tiedOut(statement)).toBe(30n * UNIT);
    expect(statement.otherLines).toEqual(
      expect.arrayContaining([
        { kind: 'credit_grant', amount: '14.000000' },
        { kind: 'credit_expiry', amount: '-1.000000' },
      ]),
    );
    expect((await credits(walletId)).balance).toBe(statement.closing);
  });
});
