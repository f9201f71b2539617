import { DomainError } from '@tally/errors';
import { CreditPaidSessions } from './credit-paid-sessions';
import { RechargeNotYetRecorded } from './stripe-events/stripe-events.errors';
import { FakeLedger, FakeRecharges, recharge } from './stripe-events/stripe-events.fake';
import { sessionFields, type SessionFields } from './stripe-events/stripe-session';

const A = '0a000000-0000-4000-8000-000000000001';
const B = '0b000000-0000-4000-8000-000000000002';

const session = (id: string, rechargeId: string | null, amountTotal: number | null = 2000) =>
  sessionFields({
    id,
    amount_total: amountTotal,
    payment_intent: `pi_${id}`,
    metadata: rechargeId === null ? {} : { rechargeId },
  });

describe('CreditPaidSessions', () => {
  let recharges: FakeRecharges;
  let ledger: FakeLedger;
  let credit: CreditPaidSessions;

  beforeEach(() => {
    recharges = new FakeRecharges();
    recharges.add(recharge(A));
    recharges.add(recharge(B, { bonusMicros: 1_000_000n }));
    ledger = new FakeLedger();
    credit = new CreditPaidSessions(recharges, ledger, { TALLY_BONUS_EXPIRY_DAYS: 30 });
  });

  it('credits every paid session of the batch in one ledger message, bonus from promotional credit', async () => {
    const failures = await credit.execute([session('cs_a', A), session('cs_b', B, 2500)]);
    expect(failures.size).toBe(0);
    expect(ledger.messages).toHaveLength(1);
    expect(ledger.keys()).toEqual(['stripe:cs_a', 'stripe:cs_b', 'stripe-bonus:cs_b']);
    expect(ledger.messages[0][1].lines).toEqual([
      { account: `wallet:${recharges.recharges.get(B)!.walletId}`, amountMicros: '25000000' },
      { account: 'system:stripe_clearing', amountMicros: '-25000000' },
    ]);
    expect(recharges.settled).toEqual([{ status: 'SUCCEEDED', ids: [A, B] }]);
    expect(recharges.recharges.get(A)!.paymentIntentId).toBe('pi_cs_a');
  });

  it('posts a session that comes twice in one batch once', async () => {
    await credit.execute([session('cs_a', A), session('cs_a', A)]);
    expect(ledger.keys()).toEqual(['stripe:cs_a']);
  });

  it('fails a session whose key the ledger holds with other lines, and settles only the others', async () => {
    ledger.conflicting.add('stripe-bonus:cs_b');
    const failures = await credit.execute([session('cs_a', A), session('cs_b', B)]);
    expect([...failures.keys()]).toEqual(['cs_b']);
    const failure = failures.get('cs_b');
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({
      details: { reason: 'LEDGER_CONFLICT', keys: ['stripe-bonus:cs_b'] },
    });
    expect(failure!.message).toBe('The ledger holds other lines under stripe-bonus:cs_b');
    expect(recharges.settled).toEqual([{ status: 'SUCCEEDED', ids: [A] }]);
    expect(recharges.recharges.get(B)!.status).toBe('PENDING');
  });

  it('answers why a session cannot be credited yet, and credits the rest', async () => {
    const sessions: SessionFields[] = [
      session('cs_orphan', '0c000000-0000-4000-8000-000000000003'),
      session('cs_unnamed', null),
      session('cs_no_amount', B, null),
      session('cs_a', A),
    ];
    const failures = await credit.execute(sessions);
    expect(failures.get('cs_orphan')).toBeInstanceOf(RechargeNotYetRecorded);
    expect(failures.get('cs_unnamed')).toBeInstanceOf(RechargeNotYetRecorded);
    expect(failures.get('cs_no_amount')!.message).toBe('session cs_no_amount has no amount_total');
    expect(ledger.keys()).toEqual(['stripe:cs_a']);
  });

  it('asks the ledger nothing when no session is ready', async () => {
    await credit.execute([session('cs_unnamed', null)]);
    expect(ledger.messages).toEqual([]);
    expect(recharges.settled).toEqual([]);
  });
});
