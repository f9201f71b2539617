import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@tally/billing/webhooks/webhook-signature';

export interface Received {
  readonly path: string;
  readonly body: string;
  readonly signature: string;
  readonly eventId: string;
  readonly at: number;
}

/** An integrator's receiver: verifies every signature, answers per path. */
export class Receiver {
  readonly received: Received[] = [];
  readonly secrets = new Map<string, string>();
  private readonly failuresLeft = new Map<string, number>();
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failFirst(path: string, times: number): void {
    this.failuresLeft.set(path, times);
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    if (path === '/hang') {
      this.hanging.push(res);
      return;
    }
    const signature = String(req.headers['tally-signature'] ?? '');
    const secret = this.secrets.get(path);
    const valid =
      secret !== undefined &&
      verifySignature(secret, body, signature, Math.floor(Date.now() / 1000));
    if (!valid) {
      res.writeHead(400).end('bad signature');
      return;
    }
    this.received.push({
      path,
      body,
      signature,
      eventId: String(req.headers['tally-event-id']),
      at: Date.now(),
    });
    const left = this.failuresLeft.get(path) ?? 0;
    if (left > 0) {
      this.failuresLeft.set(path, left - 1);
      res.writeHead(500).end('try later');
      return;
    }
    res.writeHead(204).end();
  }
}
