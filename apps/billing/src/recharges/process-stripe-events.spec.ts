import type { Prisma } from '@prisma/client';
import { ProcessStripeEvents } from './process-stripe-events';
import type {
  ApplyingEventHandler,
  StripeEventHandler,
} from './stripe-events/stripe-event-handler';
import { FakeRecharges } from './stripe-events/stripe-events.fake';
import { sessionOf, type SessionFields } from './stripe-events/stripe-session';

/** Records the order things happen in. */
const log: string[] = [];

const paying: StripeEventHandler = {
  kind: 'payment',
  paidSession: (payload) => {
    const session = sessionOf(payload);
    return session.paymentStatus === 'paid' ? session : null;
  },
};

class Applying implements ApplyingEventHandler {
  readonly kind = 'apply';
  async apply(payload: Prisma.JsonValue) {
    const id = (payload as { id: string }).id;
    if (id.startsWith('bad')) throw new Error(`cannot apply ${id}`);
    log.push(`apply ${id}`);
  }
}

class FakeCredit {
  failing = new Map<string, Error>();
  async execute(sessions: readonly SessionFields[]) {
    log.push(`credit ${sessions.map((s) => s.id).join(',')}`);
    return new Map([...this.failing].filter(([id]) => sessions.some((s) => s.id === id)));
  }
}

const session = (id: string, paid = true) => ({
  data: { object: { id, payment_status: paid ? 'paid' : 'unpaid' } },
});

describe('ProcessStripeEvents', () => {
  let recharges: FakeRecharges;
  let credit: FakeCredit;
  let process: ProcessStripeEvents;

  const store = (id: string, type: string, payload: Prisma.JsonValue, processed = false) =>
    recharges.events.set(id, { type, payload, processed });

  beforeEach(() => {
    log.length = 0;
    recharges = new FakeRecharges();
    credit = new FakeCredit();
    const handlers = new Map<string, StripeEventHandler>([
      ['pays', paying],
      ['applies', new Applying()],
    ]);
    process = new ProcessStripeEvents(recharges, { for: (type) => handlers.get(type) }, credit);
  });

  it('credits the paid sessions of the batch together, before applying the other events', async () => {
    store('e1', 'applies', { id: 'r1' });
    store('e2', 'pays', session('cs_1'));
    store('e3', 'pays', session('cs_2'));
    store('e4', 'pays', session('cs_3', false));
    const failures = await process.execute(['e1', 'e2', 'e3', 'e4']);
    expect(failures.size).toBe(0);
    expect(log).toEqual(['credit cs_1,cs_2', 'apply r1']);
    expect(recharges.processed.sort()).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('fails each event on its own, and marks only the applied ones processed', async () => {
    store('ok', 'pays', session('cs_ok'));
    store('refused', 'pays', session('cs_refused'));
    store('malformed', 'pays', { data: {} });
    store('bad', 'applies', { id: 'bad-1' });
    credit.failing.set('cs_refused', new Error('ledger conflict'));
    const failures = await process.execute(['ok', 'refused', 'malformed', 'bad', 'missing']);
    expect(Object.fromEntries([...failures].map(([id, e]) => [id, e.message]))).toEqual({
      refused: 'ledger conflict',
      malformed: 'event has no data.object.id',
      bad: 'cannot apply bad-1',
      missing: 'stripe event missing is not stored',
    });
    expect(recharges.processed).toEqual(['ok']);
  });

  it('skips events applied before, and marks types without a handler processed', async () => {
    store('done', 'pays', session('cs_done'), true);
    store('other', 'customer.created', {});
    await process.execute(['done', 'other', 'other']);
    expect(log).toEqual(['credit ']);
    expect(recharges.processed).toEqual(['other']);
  });
});
