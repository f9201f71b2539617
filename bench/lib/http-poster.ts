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
  async post(body: string, headers: Record<string, string>): Promise<number> {
    return (await this.exchange(body, headers, false)).status;
  }

  /** Answers the response's status and body. */
  postForBody(body: string, headers: Record<string, string>) {
    return this.exchange(body, headers, true);
  }

  private exchange(
    body: string,
    headers: Record<string, string>,
    keepBody: boolean,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          if (keepBody) res.on('data', (chunk: Buffer) => chunks.push(chunk));
          else res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
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
