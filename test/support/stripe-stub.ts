import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  readonly path: string;
  readonly body: URLSearchParams;
  readonly idempotencyKey: string | undefined;
}

/**
 * Stands in for Stripe's API (which cannot be reached from here): answers Checkout Session
 * creation and listing, and records each call. `pay(sessionId)` marks a session paid as
 * Stripe would once the payer is through.
 */
export class StripeStub {
  readonly requests: StubRequest[] = [];
  private readonly sessions = new Map<string, Record<string, unknown>>();
  private server?: Server;

  /** `port` 0 lets the OS pick; a fixed one lets a test bring "Stripe" up where it was down. */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const body = new URLSearchParams(text);
        const key = req.headers['idempotency-key'];
        this.requests.push({
          path: req.url ?? '',
          body,
          idempotencyKey: typeof key === 'string' ? key : undefined,
        });
        if (req.method === 'GET' && req.url?.startsWith('/v1/checkout/sessions')) {
          const data = [...this.sessions.values()];
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ object: 'list', url: '/v1/checkout/sessions', has_more: false, data }),
          );
          return;
        }
        if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
          const session = this.session(body, typeof key === 'string' ? key : randomUUID());
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(session));
          return;
        }
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'no route' } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  pay(sessionId: string, paymentIntent = `pi_${randomUUID().replace(/-/g, '')}`): void {
    for (const session of this.sessions.values()) {
      if (session.id !== sessionId) continue;
      Object.assign(session, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: paymentIntent,
      });
    }
  }

  sessionCalls(): StubRequest[] {
    return this.requests.filter((r) => r.path === '/v1/checkout/sessions');
  }

  private session(body: URLSearchParams, key: string): Record<string, unknown> {
    const known = this.sessions.get(key);
    if (known) return known;
    const id = `cs_test_${randomUUID().replace(/-/g, '')}`;
    const session = {
      id,
      object: 'checkout.session',
      url: `https://checkout.stripe.test/pay/${id}`,
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      created: Math.floor(Date.now() / 1000),
      amount_total: Number(body.get('line_items[0][price_data][unit_amount]')),
      currency: body.get('line_items[0][price_data][currency]'),
      client_reference_id: body.get('client_reference_id'),
      metadata: {
        rechargeId: body.get('metadata[rechargeId]'),
        walletId: body.get('metadata[walletId]'),
        tenantId: body.get('metadata[tenantId]'),
      },
    };
    this.sessions.set(key, session);
    return session;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
