import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { DomainError } from '@tally/errors';
import { guardedLookup } from './resolve-target';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { assertPublicAddress, hostnameOf, type WebhookAllowList } from './webhook-target';

export interface WebhookPost {
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly body: string;
}

export interface PostResult {
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

/**
 * One signed POST, never longer than `timeoutMs` from start to response headers. The target
 * is checked again here (an IP literal before connecting; a host name through the lookup
 * used for the connection), since DNS may have changed since the endpoint was registered.
 * Never throws: the outcome, including refusals and network errors, is the result.
 */
export async function postWebhook(
  post: WebhookPost,
  options: { timeoutMs: number; allow: WebhookAllowList },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const url = new URL(post.url);
    const host = hostnameOf(url);
    if (isIP(host) !== 0) assertPublicAddress(host, host, options.allow);
    const timestamp = Math.floor(Date.now() / 1000);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const statusCode = await new Promise<number>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(post.body),
          'user-agent': 'Tally-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(post.secret, post.body, timestamp),
          [EVENT_ID_HEADER]: post.eventId,
        },
        lookup: guardedLookup(options.allow),
        signal: AbortSignal.timeout(options.timeoutMs),
        // A fresh connection each time: a pooled socket would skip the address check.
        agent: false,
      });
      // Only the status matters; the body is drained and dropped. Redirects are not followed
      // (a 3xx is a failure): following one would bypass the address check.
      req.on('response', (res) => {
        res.on('error', () => undefined);
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(post.body);
    });
    return { statusCode, durationMs: elapsed(), error: null };
  } catch (error) {
    return { statusCode: null, durationMs: elapsed(), error: describe(error, options.timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DomainError) return `refused: ${error.message}`;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  return error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
}
