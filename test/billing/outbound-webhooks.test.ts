import { randomUUID } from 'node:crypto';
import { postWebhook } from '@tally/billing/webhooks/post-webhook';
import { WebhookAllowList } from '@tally/billing/webhooks/webhook-target';
import { RechargeRepository } from '@tally/billing/recharges/recharge.repository';
import { SystemAccount } from '@tally/account/ledger/ledger.types';
import { PrismaService } from '@tally/prisma';
import { emitOutboundEvent, type OutboundEventType } from '@tally/queue';
import { outcome } from '../identity/identity-fixtures';
import { AccountContext, systemJob } from '../support/account-context';
import { GatewaySuite } from '../support/gateway-suite';
import { Receiver } from '../support/webhook-receiver';

const CREATE_TENANT = `mutation ($input: CreateTenantInput!) { createTenant(input: $input) { id } }`;
const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id tenantId url eventTypes } }
}`;
const GENERATE = `mutation ($month: String!) { generateStatements(month: $month) { issued } }`;
const DELETE_ENDPOINT = `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`;
const ENDPOINTS = `query ($tenantId: ID!) { webhookEndpoints(tenantId: $tenantId) { id url } }`;
const DELIVERIES = `query ($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    edges { cursor node { eventId eventType status attempts { attempt statusCode durationMs error } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('outbound webhooks', () => {
  const suite = new GatewaySuite();
  const receiver = new Receiver();
  let base: string;
  let prisma: PrismaService;
  let ctx: AccountContext;

  beforeAll(async () => {
    base = await receiver.start();
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      TALLY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32',
      TALLY_WEBHOOK_TIMEOUT_MS: '1500',
      TALLY_WEBHOOK_RETRY_BASE_MS: '200',
      TALLY_WEBHOOK_RETRY_MAX_DELAY_MS: '400',
      TALLY_WEBHOOK_RETRY_WINDOW_MS: '3000',
    });
    prisma = new PrismaService({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
    ctx = AccountContext.create(2);
  });

  afterAll(async () => {
    await ctx?.close();
    await prisma?.onApplicationShutdown();
    await suite.stop();
    await receiver.stop();
  });

  async function newTenant() {
    const ownerExternalId = `owner-${randomUUID()}`;
    const reply = await suite.admin<{ createTenant: { id: string } }>(CREATE_TENANT, {
      input: { name: 'Hooks Inc', ownerExternalId },
    });
    return { tenantId: reply.data!.createTenant.id, owner: suite.jwt(ownerExternalId) };
  }

  async function endpoint(
    owner: string,
    tenantId: string,
    path: string,
    eventTypes: OutboundEventType[],
  ) {
    const reply = await suite.gql<{
      createWebhookEndpoint: { secret: string; endpoint: { id: string } };
    }>(owner, CREATE_ENDPOINT, { input: { tenantId, url: `${base}${path}`, eventTypes } });
    expect(outcome(reply)).toBe('OK');
    const created = reply.data!.createWebhookEndpoint;
    receiver.secrets.set(path, created.secret);
    return created.endpoint.id;
  }

  /** What another service does: an outbound event in its outbox, in its own transaction. */
  function emit(tenantId: string, type: OutboundEventType, data: Record<string, string> = {}) {
    return prisma.$transaction((tx) => emitOutboundEvent(tx, 'billing', { tenantId, type, data }));
  }

  it('signs each event so the receiver can verify it, and logs the delivery', async () => {
    const { tenantId, owner } = await newTenant();
    const id = await endpoint(owner, tenantId, '/signed', ['namespace.suspended']);
    const event = await emit(tenantId, 'namespace.suspended', { namespace: 'web' });
    const [got] = await until('the delivery', () => {
      const hits = receiver.on('/signed');
      return hits.length > 0 ? hits : undefined;
    });
    expect(got.eventId).toBe(event.id);
    expect(got.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(got.body)).toEqual({
      id: event.id,
      type: 'namespace.suspended',
      tenantId,
      occurredAt: event.occurredAt,
      data: { namespace: 'web' },
    });
    // Another event type, not subscribed: nothing.
    await emit(tenantId, 'namespace.resumed');
    const log = await until('the log', async () => {
      const reply = await suite.gql<{ webhookDeliveries: DeliveriesReply }>(owner, DELIVERIES, {
        endpointId: id,
      });
      const node = reply.data?.webhookDeliveries.edges[0]?.node;
      return node?.status === 'DELIVERED' ? reply.data!.webhookDeliveries : undefined;
    });
    expect(log.edges).toHaveLength(1);
    expect(log.edges[0].node).toMatchObject({
      eventId: event.id,
      eventType: 'namespace.suspended',
      attempts: [{ attempt: 1, statusCode: 204, error: null }],
    });
    expect(receiver.on('/signed')).toHaveLength(1);
  });

  it('retries after 500s with backoff until the endpoint accepts', async () => {
    const { tenantId, owner } = await newTenant();
    const id = await endpoint(owner, tenantId, '/flaky', ['wallet.state_changed']);
    receiver.failFirst('/flaky', 2);
    await emit(tenantId, 'wallet.state_changed', { state: 'LOW_BALANCE' });
    const node = await until('three attempts', async () => {
      const reply = await suite.gql<{ webhookDeliveries: DeliveriesReply }>(owner, DELIVERIES, {
        endpointId: id,
      });
      const delivery = reply.data?.webhookDeliveries.edges[0]?.node;
      return delivery?.status === 'DELIVERED' ? delivery : undefined;
    });
    expect(node.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    const hits = receiver.on('/flaky');
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.eventId)).size).toBe(1);
    // Backoff: at least the configured 200 ms, then 400 ms, between attempts.
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(180);
    expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(380);
  });

  it('does not let an endpoint that hangs delay another', async () => {
    const { tenantId, owner } = await newTenant();
    const hanging = await endpoint(owner, tenantId, '/hang', ['recharge.failed']);
    await endpoint(owner, tenantId, '/healthy', ['recharge.failed']);
    // Several events for the hanging one first, so it would hold a serial queue for seconds.
    for (let i = 0; i < 3; i += 1) await emit(tenantId, 'recharge.failed', { n: String(i) });
    const started = Date.now();
    await until('the healthy endpoint', () =>
      receiver.on('/healthy').length === 3 ? true : undefined,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    const attempt = await until('a timed-out attempt', async () => {
      const reply = await suite.gql<{ webhookDeliveries: DeliveriesReply }>(owner, DELIVERIES, {
        endpointId: hanging,
        first: 1,
      });
      return reply.data?.webhookDeliveries.edges[0]?.node.attempts[0];
    });
    expect(attempt).toMatchObject({ statusCode: null, error: 'timed out after 1500 ms' });
  });

  it('announces a recharge that succeeds or fails once, in the transaction that settles it', async () => {
    const { tenantId } = await newTenant();
    const recharges = new RechargeRepository(prisma);
    const { recharge } = await recharges.createOnce({
      tenantId,
      walletId: randomUUID(),
      amountMicros: 25_000_000n,
      currency: 'USD',
      idempotencyKey: randomUUID(),
      createdBy: null,
    });
    const paid = [{ id: recharge.id, amountMicros: 25_000_000n }];
    expect(await recharges.settle('SUCCEEDED', paid)).toEqual([recharge.id]);
    expect(await recharges.settle('SUCCEEDED', paid)).toEqual([]);
    const rows = await prisma.$queryRaw<
      { payload: { type: string; data: { rechargeId: string } } }[]
    >`
      SELECT payload FROM billing.outbox
       WHERE topic = 'outbound.event' AND payload->'data'->>'rechargeId' = ${recharge.id}`;
    expect(rows.map((r) => r.payload.type)).toEqual(['recharge.succeeded']);

    const { recharge: failing } = await recharges.createOnce({
      tenantId,
      walletId: randomUUID(),
      amountMicros: 5_000_000n,
      currency: 'USD',
      idempotencyKey: randomUUID(),
      createdBy: null,
    });
    expect(await recharges.settle('FAILED', [{ id: failing.id }])).toEqual([failing.id]);
    expect(await recharges.settle('FAILED', [{ id: failing.id }])).toEqual([]);
    const failed = await prisma.$queryRaw<{ type: string }[]>`
      SELECT payload->>'type' AS type FROM billing.outbox
       WHERE topic = 'outbound.event' AND payload->'data'->>'rechargeId' = ${failing.id}`;
    expect(failed).toEqual([{ type: 'recharge.failed' }]);
  });

  it('delivers invoice.issued when month-end issues an invoice', async () => {
    const { tenantId, owner } = await newTenant();
    await endpoint(owner, tenantId, '/invoices', ['invoice.issued']);
    const [{ id: walletId }] = await prisma.wallet.findMany({ where: { tenantId } });
    // A month no other suite settles an hour of (pastHour() reaches back about 27 years), so
    // this suite can mark all of its hours settled: a month closes only then.
    const hour = new Date('1998-08-03T10:00:00Z');
    await prisma.$executeRaw`
      INSERT INTO metering.settled_hours (hour, source, price_books, posted_at)
      SELECT h, 'prometheus', jsonb_build_array(jsonb_build_object('currency', 'USD', 'id', gen_random_uuid(), 'version', 1)), h + interval '65 minutes'
        FROM generate_series('1998-08-01T00:00:00Z'::timestamptz, '1998-08-31T23:00:00Z', interval '1 hour') h
      ON CONFLICT DO NOTHING`;
    // As settlement posts it: in a batch, which may take the wallet below zero.
    const [posted] = await ctx.postBatch.execute(
      [
        {
          kind: 'usage',
          idempotencyKey: `charge:inv-${randomUUID().slice(0, 8)}:${hour.toISOString()}`,
          usageHour: hour,
          lines: [
            { account: { walletId }, amountMicros: -4_200_000n },
            { account: { system: SystemAccount.RevenueCpu }, amountMicros: 4_200_000n },
          ],
        },
      ],
      systemJob,
    );
    // Posted in the month (the ledger refuses edits; the test lifts its triggers for one UPDATE).
    await prisma.$transaction([
      prisma.$executeRaw`ALTER TABLE account.ledger_entries DISABLE TRIGGER ledger_entries_append_only`,
      prisma.$executeRaw`UPDATE account.ledger_entries SET created_at = ${hour} WHERE transaction_id = ${posted.transactionId}::uuid`,
      prisma.$executeRaw`ALTER TABLE account.ledger_entries ENABLE TRIGGER ledger_entries_append_only`,
      prisma.$executeRaw`UPDATE account.tenants SET created_at = '1998-01-01' WHERE id = ${tenantId}::uuid`,
    ]);
    const run = await suite.admin(GENERATE, { month: '1998-08' });
    expect(outcome(run)).toBe('OK');
    const [hit] = await until('invoice.issued', () => {
      const hits = receiver.on('/invoices');
      return hits.length > 0 ? hits : undefined;
    });
    const event = JSON.parse(hit.body) as {
      type: string;
      tenantId: string;
      data: Record<string, string>;
    };
    expect(event).toMatchObject({
      type: 'invoice.issued',
      tenantId,
      data: {
        totalMicros: '4200000',
        currency: 'USD',
        periodStart: '1998-08-01T00:00:00.000Z',
        periodEnd: '1998-09-01T00:00:00.000Z',
      },
    });
    expect(event.data.number).toMatch(/^\d{4}-\d{6}$/);
  });

  it('refuses private, loopback and link-local targets at registration', async () => {
    const { tenantId, owner } = await newTenant();
    for (const url of [
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/hook',
      'https://[fd00::1]/hook',
      'https://[::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://192.168.1.20/hook',
      'http://example.com/hook',
    ]) {
      const reply = await suite.gql(owner, CREATE_ENDPOINT, {
        input: { tenantId, url, eventTypes: ['invoice.issued'] },
      });
      expect([url, outcome(reply)]).toEqual([url, 'BAD_USER_INPUT']);
    }
    const unknownType = await suite.gql(owner, CREATE_ENDPOINT, {
      input: { tenantId, url: `${base}/x`, eventTypes: ['invoice.paid'] },
    });
    expect(outcome(unknownType)).toBe('BAD_USER_INPUT');
  });

  it('refuses private addresses again at delivery, by IP and through DNS', async () => {
    const none = new WebhookAllowList('');
    for (const url of [`${base}/late`, base.replace('127.0.0.1', 'localhost') + '/late']) {
      const result = await postWebhook(
        { url, secret: 's', eventId: randomUUID(), body: '{}' },
        { timeoutMs: 1000, allow: none },
      );
      expect(result.statusCode).toBeNull();
      expect(result.error).toMatch(/^refused: .*private or reserved/);
    }
    expect(receiver.on('/late')).toHaveLength(0);
  });

  it('answers NOT_FOUND for made-up endpoint ids and for another tenant’s endpoints', async () => {
    const mine = await newTenant();
    const theirs = await newTenant();
    const id = await endpoint(mine.owner, mine.tenantId, '/private', ['invoice.issued']);
    for (const [token, endpointId] of [
      [mine.owner, randomUUID()],
      [mine.owner, 'not-an-id'],
      [theirs.owner, id],
    ] as const) {
      expect(outcome(await suite.gql(token, DELETE_ENDPOINT, { id: endpointId }))).toBe(
        'NOT_FOUND',
      );
      expect(outcome(await suite.gql(token, DELIVERIES, { endpointId }))).toBe('NOT_FOUND');
    }
    expect(outcome(await suite.gql(theirs.owner, ENDPOINTS, { tenantId: mine.tenantId }))).toBe(
      'NOT_FOUND',
    );
    const member = await suite.fixtures.newMember(mine.tenantId, 'MEMBER');
    expect(outcome(await suite.gql(suite.jwt(member.externalId), DELETE_ENDPOINT, { id }))).toBe(
      'FORBIDDEN',
    );
    expect(outcome(await suite.gql(mine.owner, DELETE_ENDPOINT, { id }))).toBe('OK');
    const left = await suite.gql<{ webhookEndpoints: unknown[] }>(mine.owner, ENDPOINTS, {
      tenantId: mine.tenantId,
    });
    expect(left.data!.webhookEndpoints).toEqual([]);
  });
});

interface DeliveriesReply {
  edges: {
    cursor: string;
    node: {
      eventId: string;
      eventType: string;
      status: string;
      attempts: {
        attempt: number;
        statusCode: number | null;
        durationMs: number;
        error: string | null;
      }[];
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
