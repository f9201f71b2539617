import { Agent, request } from 'node:http';

/**
 * POSTs over a pool of kept-alive connections with node:http, which costs the client a
 * fraction of what `fetch` does: on a small machine the load generator shares the cores with
 * the apps it measures, and should take as little of them as it can.
 */
export class HttpPoster {
  private readonly agent: Agent;

  constructor(
    private readonly url: URL,
    connections: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Answers the response's status once its body is read. */
  post(body: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
