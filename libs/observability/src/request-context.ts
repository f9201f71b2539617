import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids from clients are echoed into logs and other services: keep them short and printable.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestId(candidate?: unknown): string {
  return typeof candidate === 'string' && acceptableRequestId.test(candidate)
    ? candidate
    : randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
