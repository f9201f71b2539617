import { once } from 'node:events';
import type { Response } from 'express';

/**
 * Sends chunks as the client takes them (waiting for `drain`, so a slow download holds one
 * chunk in memory, not the export). The first chunk is read before anything is sent: an
 * error there (a wallet no longer readable) is still an ordinary error response. A later
 * error ends the response unfinished, so the download fails instead of looking complete.
 */
export async function streamResponse(
  res: Response,
  chunks: AsyncIterable<string>,
  startResponse: (res: Response) => void,
  onBrokenStream: (error: unknown) => void,
): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  startResponse(res);
  try {
    for (let next = first; !next.done; next = await iterator.next()) {
      if (!res.write(next.value)) await drainedOrClosed(res);
      if (res.destroyed) {
        await iterator.return?.();
        return;
      }
    }
    res.end();
  } catch (error) {
    onBrokenStream(error);
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

async function drainedOrClosed(res: Response): Promise<void> {
  const abort = new AbortController();
  await Promise.race([
    once(res, 'drain', { signal: abort.signal }),
    once(res, 'close', { signal: abort.signal }),
  ]).finally(() => abort.abort());
}
