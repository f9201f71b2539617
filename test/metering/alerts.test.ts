import { randomUUID } from 'node:crypto';
import { AlertRepository } from '@tally/metering/alerts/alert.repository';
import { PrismaService } from '@tally/prisma';
import { outcome } from '../identity/identity-fixtures';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { GatewaySuite } from '../support/gateway-suite';
import { MeteringContext } from '../support/metering-context';
import { waitFor } from '../support/ports';
import { SmtpSink } from '../support/smtp-sink';
import { Receiver } from '../support/webhook-receiver';

const HOUR_MS = 3_600_000;
const ADJUST = `mutation ($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;
const CREATE_ALERT = `mutation ($input: CreateAlertInput!) {
  createAlert(input: $input) { id walletId subAccountId kind amount percent hours state lastTransitionAt }
}`;
const ALERTS = `query ($w: ID!) { alerts(walletId: $w) { id state lastTransitionAt } }`;
const DELETE_ALERT = `mutation ($id: ID!) { deleteAlert(id: $id) { id } }`;
const SET_BUDGET = `mutation ($id: ID!, $a: Money) { setMonthlyBudget(subAccountId: $id, amount: $a) { id } }`;
const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret }
}`;

interface AlertReply {
  id: string;
  state: string;
  lastTransitionAt: string | null;
}

/**
 * Threshold alerts end to end, on a database of their own: the debt sweep (every second here)
 * evaluates each wallet's alerts on its live figures; a crossing fires once — one transition,
 * one e-mail, one signed `alert.triggered` — however many evaluations follow, and clearing it
 * resolves once (`alert.resolved`).
 */
describe('threshold alerts', () => {
  const suite = new GatewaySuite();
  const receiver = new Receiver();
  let database: TestDatabase;
  let metering: MeteringContext;
  let smtp: SmtpSink;
  let prisma: PrismaService;
  let hooks: string;

  beforeAll(async () => {
    database = await createScratchDatabase({ migrated: true });
    metering = MeteringContext.create(database.url);
    // No hour is settled behind the test's back: the charges it writes stay as written.
    await metering.parkSettlementSchedule();
    prisma = metering.prisma;
    smtp = await SmtpSink.start();
    hooks = await receiver.start();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      TALLY_DEBT_SWEEP_SECONDS: '1',
      TALLY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32',
    });
  }, 90_000);
  afterAll(async () => {
    await metering?.close();
    await suite.stop();
    await receiver.stop();
    await smtp?.stop();
    await database?.drop();
  });

  const adjust = (walletId: string, amount: string) =>
    suite.admin(ADJUST, {
      input: { walletId, amount, reason: 'alerts test', idempotencyKey: randomUUID() },
    });

  async function createAlert(token: string, input: Record<string, unknown>) {
    const reply = await suite.gql<{ createAlert: AlertReply }>(token, CREATE_ALERT, { input });
    expect(reply.errors).toBeUndefined();
    return reply.data!.createAlert;
  }

  async function alertState(token: string, walletId: string, id: string, state: string) {
    return waitFor(`alert ${state}`, async () => {
      const reply = await suite.gql<{ alerts: AlertReply[] }>(token, ALERTS, { w: walletId });
      const alert = reply.data?.alerts.find((a) => a.id === id);
      return alert?.state === state ? alert : undefined;
    });
  }

  /** An endpoint of the tenant's that receives (and verifies) its alert events. */
  async function alertEndpoint(owner: string, tenantId: string): Promise<string> {
    const path = `/alerts-${randomUUID().slice(0, 8)}`;
    const reply = await suite.gql<{ createWebhookEndpoint: { secret: string } }>(
      owner,
      CREATE_ENDPOINT,
      {
        input: {
          tenantId,
          url: `${hooks}${path}`,
          eventTypes: ['alert.triggered', 'alert.resolved'],
        },
      },
    );
    expect(outcome(reply)).toBe('OK');
    receiver.secrets.set(path, reply.data!.createWebhookEndpoint.secret);
    return path;
  }

  /** Charges of the wallet in an hour of this month (the sweep looks at wallets charged lately). */
  async function charged(walletId: string, micros: bigint, hour = lastHourThisMonth()) {
    await prisma.pool.query(
      `INSERT INTO metering.usage_charges (hour, namespace, wallet_id, currency, lines, total_micros, short_hour)
       VALUES ($1, $2, $3, 'USD', '[]', $4, false)`,
      [hour, `charged-${randomUUID().slice(0, 8)}`, walletId, micros.toString()],
    );
  }

  /**
   * Waits until the sweep has evaluated the wallet twice more (its wallet_debt row's
   * evaluated_at moved on twice): whatever a replay would send, it has sent by then.
   */
  async function evaluatedTwiceMore(walletId: string): Promise<void> {
    const evaluatedAt = async () => {
      const { rows } = await prisma.pool.query<{ at: Date }>(
        'SELECT evaluated_at AS at FROM metering.wallet_debt WHERE wallet_id = $1',
        [walletId],
      );
      return rows[0]?.at.getTime() ?? 0;
    };
    let seen = await evaluatedAt();
    for (let i = 0; i < 2; i++) {
      const before = seen;
      seen = await waitFor('another evaluation', async () => {
        const now = await evaluatedAt();
        return now > before ? now : undefined;
      });
    }
  }

  async function transitions(alertId: string): Promise<string[]> {
    const { rows } = await prisma.pool.query<{ t: string }>(
      `SELECT sequence || ':' || from_state || '>' || to_state AS t
         FROM metering.alert_transitions WHERE alert_id = $1 ORDER BY sequence`,
      [alertId],
    );
    return rows.map((row) => row.t);
  }

  /** The alert's outbox rows: its e-mails and its webhook events, in the order queued. */
  async function outboxOf(alertId: string): Promise<string[]> {
    const { rows } = await prisma.pool.query<{ what: string }>(
      `SELECT CASE WHEN topic = 'outbound.event' THEN payload->>'type' ELSE topic END AS what
         FROM metering.outbox
        WHERE payload->>'alertId' = $1 OR payload->'data'->>'alertId' = $1
        ORDER BY id`,
      [alertId],
    );
    return rows.map((row) => row.what);
  }

  function mailsOf(alertId: string) {
    return smtp.messages.filter((mail) => mail.raw.includes(`X-Tally-Alert: ${alertId}`));
  }

  function eventsOf(path: string, alertId: string) {
    return receiver
      .on(path)
      .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
      .filter((event) => event.data.alertId === alertId);
  }

  it('fires a balance alert once when the balance drops, and resolves it once on a top-up', async () => {
    const ownerEmail = `owner-${randomUUID()}@example.test`;
    const tenant = await suite.newTenant('Alerted', ownerEmail);
    const path = await alertEndpoint(tenant.owner, tenant.id);
    await adjust(tenant.walletId, '10');
    // A micro-unit of spend keeps the wallet in the sweep (evaluated every second).
    await charged(tenant.walletId, 1n);

    const created = await createAlert(tenant.owner, {
      walletId: tenant.walletId,
      kind: 'AVAILABLE_BALANCE_BELOW',
      amount: '5',
    });
    expect(created).toMatchObject({
      walletId: tenant.walletId,
      subAccountId: null,
      kind: 'AVAILABLE_BALANCE_BELOW',
      amount: '5.000000',
      percent: null,
      hours: null,
      state: 'OK',
      lastTransitionAt: null,
    });

    await adjust(tenant.walletId, '-7');
    const fired = await alertState(tenant.owner, tenant.walletId, created.id, 'TRIGGERED');
    expect(fired.lastTransitionAt).not.toBeNull();
    await waitFor('the e-mail and the webhook', async () =>
      mailsOf(created.id).length > 0 && eventsOf(path, created.id).length > 0 ? true : undefined,
    );
    await evaluatedTwiceMore(tenant.walletId);

    expect(await transitions(created.id)).toEqual(['1:OK>TRIGGERED']);
    expect(await outboxOf(created.id)).toEqual(['alert.notify', 'alert.triggered']);
    const [mail, ...moreMail] = mailsOf(created.id);
    expect(moreMail).toHaveLength(0);
    expect(mail.to).toEqual([ownerEmail]);
    expect(mail.raw).toMatch(/^Subject: Alert: available balance below 5\.0+$/m);
    const [event, ...moreEvents] = eventsOf(path, created.id);
    expect(moreEvents).toHaveLength(0);
    expect(event).toMatchObject({
      type: 'alert.triggered',
      data: {
        walletId: tenant.walletId,
        kind: 'AVAILABLE_BALANCE_BELOW',
        threshold: '5000000',
        state: 'TRIGGERED',
        observed: '3000000',
        sequence: 1,
      },
    });

    await adjust(tenant.walletId, '10');
    const resolved = await alertState(tenant.owner, tenant.walletId, created.id, 'OK');
    expect(Date.parse(resolved.lastTransitionAt!)).toBeGreaterThan(
      Date.parse(fired.lastTransitionAt!),
    );
    await waitFor('the resolved notices', async () =>
      mailsOf(created.id).length > 1 && eventsOf(path, created.id).length > 1 ? true : undefined,
    );
    await evaluatedTwiceMore(tenant.walletId);

    expect(await transitions(created.id)).toEqual(['1:OK>TRIGGERED', '2:TRIGGERED>OK']);
    expect(await outboxOf(created.id)).toEqual([
      'alert.notify',
      'alert.triggered',
      'alert.notify',
      'alert.resolved',
    ]);
    expect(mailsOf(created.id).map((m) => /^Subject: (\w+):/m.exec(m.raw)?.[1])).toEqual([
      'Alert',
      'Resolved',
    ]);
    expect(eventsOf(path, created.id).map((e) => [e.type, e.data.sequence])).toEqual([
      ['alert.triggered', 1],
      ['alert.resolved', 2],
    ]);
  });

  it("fires a budget alert at a percentage of the sub-account's monthly budget", async () => {
    const tenant = await suite.newTenant('Budgeted');
    const path = await alertEndpoint(tenant.owner, tenant.id);
    const sub = await suite.newSubAccount(tenant.id);
    expect((await suite.admin(SET_BUDGET, { id: sub.id, a: '0.01' })).errors).toBeUndefined();
    await charged(sub.walletId, 5_000n); // 50 %

    const created = await createAlert(tenant.owner, {
      walletId: sub.walletId,
      subAccountId: sub.id,
      kind: 'MONTHLY_BUDGET_PERCENT_ABOVE',
      percent: 80,
    });
    expect(created).toMatchObject({ subAccountId: sub.id, percent: 80, amount: null });
    // Seen at 50 % and left OK.
    await evaluatedTwiceMore(sub.walletId);
    expect((await alertState(tenant.owner, sub.walletId, created.id, 'OK')).lastTransitionAt).toBe(
      null,
    );

    await charged(sub.walletId, 3_000n); // 80 % of 0.01, to the micro-unit
    await alertState(tenant.owner, sub.walletId, created.id, 'TRIGGERED');
    // A larger budget puts the month's 0.008 at 40 %.
    expect((await suite.admin(SET_BUDGET, { id: sub.id, a: '0.02' })).errors).toBeUndefined();
    await alertState(tenant.owner, sub.walletId, created.id, 'OK');
    await waitFor('both events', async () =>
      eventsOf(path, created.id).length > 1 ? true : undefined,
    );
    await evaluatedTwiceMore(sub.walletId);

    expect(await transitions(created.id)).toEqual(['1:OK>TRIGGERED', '2:TRIGGERED>OK']);
    expect(
      eventsOf(path, created.id).map((e) => [e.type, e.data.observed, e.data.subAccountId]),
    ).toEqual([
      ['alert.triggered', '8000', sub.id],
      ['alert.resolved', '8000', sub.id],
    ]);
  });

  it('answers TRIGGERED at once for an alert whose condition already holds, and deletes it', async () => {
    const tenant = await suite.newTenant('Already low');
    const created = await createAlert(tenant.owner, {
      walletId: tenant.walletId,
      kind: 'AVAILABLE_BALANCE_BELOW',
      amount: '1',
    });
    expect(created.state).toBe('TRIGGERED');
    expect(await transitions(created.id)).toEqual(['1:OK>TRIGGERED']);

    const deleted = await suite.gql(tenant.owner, DELETE_ALERT, { id: created.id });
    expect(deleted.errors).toBeUndefined();
    const again = await suite.gql(tenant.owner, DELETE_ALERT, { id: created.id });
    expect(outcome(again)).toBe('NOT_FOUND');
    const listed = await suite.gql<{ alerts: AlertReply[] }>(tenant.owner, ALERTS, {
      w: tenant.walletId,
    });
    expect(listed.data!.alerts).toEqual([]);
  });

  it('records a transition once when two evaluations race for it', async () => {
    const tenant = await suite.newTenant('Raced');
    // A wallet that spends nothing never runs out: OK, and nothing evaluates it again.
    const created = await createAlert(tenant.owner, {
      walletId: tenant.walletId,
      kind: 'RUNS_OUT_WITHIN',
      hours: 1,
    });
    const alerts = new AlertRepository(prisma);
    const alert = (await alerts.byId(created.id))!;
    const move = { alert, to: 'TRIGGERED' as const, observed: 'test', at: new Date() };
    // A topic nothing consumes: the race is about the record, not the notices.
    const events = [{ topic: 'test.race', payload: { alertId: alert.id } }];
    const won = await Promise.all([
      alerts.transition(move, events),
      alerts.transition(move, events),
      alerts.transition(move, events),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await transitions(created.id)).toEqual(['1:OK>TRIGGERED']);
    expect(await outboxOf(created.id)).toEqual(['test.race']);
    expect(await alerts.byId(created.id)).toMatchObject({ state: 'TRIGGERED', sequence: 1 });
  });

  it("counts a month's spend as its charges plus the pending usage of hours not frozen", async () => {
    const walletId = randomUUID();
    const now = Date.now();
    const hour = (ago: number) => new Date((Math.floor(now / HOUR_MS) - ago) * HOUR_MS);
    await charged(walletId, 1_000n, hour(3)); // settled: counted once, as a charge
    await charged(walletId, 9_999n, hour(8)); // before `since`
    await prisma.pool.query(
      `INSERT INTO metering.settled_hours (hour, source, price_books, posted_at)
       VALUES ($1, 'prometheus', '[]', now()) ON CONFLICT DO NOTHING`,
      [hour(3)],
    );
    const pending = (at: Date, micros: number) =>
      prisma.pool.query(
        `INSERT INTO metering.pending_usage
           (namespace, hour, wallet_id, currency, amount_micros, through_minute, accrued_at)
         VALUES ($1, $2, $3, 'USD', $4, $2, now())`,
        [`pending-${randomUUID().slice(0, 8)}`, at, walletId, micros],
      );
    await pending(hour(3), 700); // the settled hour's: its charge stands in for it
    await pending(hour(4), 20);
    await pending(hour(8), 300); // before `since`

    const spend = await new AlertRepository(prisma).monthSpend([walletId], hour(5));
    expect(spend.get(walletId)).toBe(1_020n);
  });

  it('refuses bad alerts with their reason, and other tenants’ wallets as missing ones', async () => {
    const tenant = await suite.newTenant('Refused');
    const budgeted = await suite.newSubAccount(tenant.id, 'budgeted');
    await suite.admin(SET_BUDGET, { id: budgeted.id, a: '100' });
    const unbudgeted = await suite.newSubAccount(tenant.id, 'unbudgeted');
    const theirs = await suite.newTenant('Theirs');
    const theirSub = await suite.newSubAccount(theirs.id);
    const refusal = async (input: Record<string, unknown>) => {
      const reply = await suite.gql(tenant.owner, CREATE_ALERT, {
        input: { walletId: tenant.walletId, ...input },
      });
      return [reply.errors?.[0]?.extensions?.code, reply.errors?.[0]?.extensions?.reason];
    };
    const balance = { kind: 'AVAILABLE_BALANCE_BELOW' };
    const budget = { kind: 'MONTHLY_BUDGET_PERCENT_ABOVE' };
    const bad = (reason: string) => ['BAD_USER_INPUT', reason];

    expect(await refusal({ ...balance, amount: '0' })).toEqual(bad('NOT_POSITIVE'));
    expect(await refusal({ kind: 'MONTHLY_SPEND_ABOVE', amount: '-1' })).toEqual(
      bad('NOT_POSITIVE'),
    );
    expect(await refusal(balance)).toEqual(bad('THRESHOLD_MISSING'));
    expect(await refusal({ ...balance, amount: '1', hours: 2 })).toEqual(
      bad('THRESHOLD_NOT_OF_KIND'),
    );
    const onBudget = { ...budget, walletId: budgeted.walletId, subAccountId: budgeted.id };
    expect(await refusal({ ...onBudget, percent: 0 })).toEqual(bad('PERCENT_OUT_OF_RANGE'));
    expect(await refusal({ ...onBudget, percent: 1001 })).toEqual(bad('PERCENT_OUT_OF_RANGE'));
    expect(await refusal({ kind: 'RUNS_OUT_WITHIN', hours: 0 })).toEqual(bad('HOURS_OUT_OF_RANGE'));
    expect(await refusal({ kind: 'RUNS_OUT_WITHIN', hours: -3 })).toEqual(
      bad('HOURS_OUT_OF_RANGE'),
    );
    expect(await refusal({ ...budget, percent: 80 })).toEqual(bad('BUDGET_NEEDS_SUB_ACCOUNT'));
    expect(await refusal({ ...budget, walletId: unbudgeted.walletId, percent: 80 })).toEqual(
      bad('NO_MONTHLY_BUDGET'),
    );
    // The tenant's wallet with a sub-account of its own, and with another tenant's.
    expect(await refusal({ ...balance, amount: '1', subAccountId: budgeted.id })).toEqual(
      bad('SUB_ACCOUNT_NOT_OF_WALLET'),
    );
    expect(await refusal({ ...onBudget, percent: 80, subAccountId: theirSub.id })).toEqual(
      bad('SUB_ACCOUNT_NOT_OF_WALLET'),
    );
    expect(await refusal({ ...balance, amount: '1', walletId: theirs.walletId })).toEqual([
      'NOT_FOUND',
      undefined,
    ]);
    expect(await refusal({ ...balance, amount: '1', walletId: 'not-a-uuid' })).toEqual([
      'NOT_FOUND',
      undefined,
    ]);
    expect(outcome(await suite.gql(tenant.owner, ALERTS, { w: theirs.walletId }))).toBe(
      'NOT_FOUND',
    );
    const theirAlert = await createAlert(theirs.owner, {
      ...balance,
      amount: '1',
      walletId: theirs.walletId,
    });
    expect(outcome(await suite.gql(tenant.owner, DELETE_ALERT, { id: theirAlert.id }))).toBe(
      'NOT_FOUND',
    );
    expect(outcome(await suite.gql(tenant.owner, DELETE_ALERT, { id: 'nope' }))).toBe('NOT_FOUND');
    // The refusals created nothing: only the budget alert below fits.
    await createAlert(tenant.owner, { ...onBudget, percent: 100 });
    const listed = await suite.gql<{ alerts: AlertReply[] }>(tenant.owner, ALERTS, {
      w: budgeted.walletId,
    });
    expect(listed.data!.alerts).toHaveLength(1);
    expect(
      (await suite.gql<{ alerts: AlertReply[] }>(tenant.owner, ALERTS, { w: tenant.walletId }))
        .data!.alerts,
    ).toEqual([]);
  });
});

/** The hour before this one, or this one in the first hour of a month. */
function lastHourThisMonth(): Date {
  const now = new Date();
  const month = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return new Date(Math.max(month, Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS));
}
