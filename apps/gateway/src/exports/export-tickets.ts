import { createHash, randomBytes } from 'node:crypto';
import { OnModuleDestroy } from '@nestjs/common';
import type { EntriesFilter, Principal } from '@tally/transport';
import Redis from 'ioredis';

/** What an export link downloads, and as whom: the caller who created it. */
export interface ExportOrder {
  readonly principal: Principal;
  readonly table: 'ledger_entries';
  readonly walletId: string;
  readonly filter: EntriesFilter;
}

/** How long an export link can be opened, once. */
export const EXPORT_TICKET_SECONDS = 300;
const KEY_PREFIX = 'tally:export';

/**
 * Export links: a random ticket, good for one download within five minutes, so a browser can
 * save a large CSV to disk as it streams (a download cannot send an Authorization header).
 * Kept in Redis, where every gateway replica finds it, under the ticket's SHA-256: the keys
 * alone open nothing.
 */
export class ExportTickets implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(redisUrl: string) {
    this.redis = new Redis(redisUrl, { connectionName: 'tally-export-tickets' });
  }

  async issue(order: ExportOrder): Promise<{ ticket: string; expiresAt: Date }> {
    const ticket = randomBytes(32).toString('base64url');
    await this.redis.set(keyOf(ticket), JSON.stringify(order), 'EX', EXPORT_TICKET_SECONDS);
    return { ticket, expiresAt: new Date(Date.now() + EXPORT_TICKET_SECONDS * 1000) };
  }

  /** The order, taken (a second download of the same link finds nothing); null when unknown. */
  async redeem(ticket: string): Promise<ExportOrder | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
    const order = await this.redis.getdel(keyOf(ticket));
    return order === null ? null : (JSON.parse(order) as ExportOrder);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

function keyOf(ticket: string): string {
  return `${KEY_PREFIX}:${createHash('sha256').update(ticket).digest('hex')}`;
}
