import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PostingContext } from '../ledger/ledger.types';
import { CreditGrantRepository } from './credit-grant.repository';

export interface ExpirySummary {
  readonly expired: number;
  readonly expiredMicros: string;
  readonly failed: number;
}

const EXPIRY_JOB: PostingContext = { actor: { type: 'system', id: 'credit-expiry' } };
const BATCH = 500;

/**
 * Expires every grant whose expiry has come, one database transaction each (the remainder's
 * posting and the grant's mark commit together). Killed at any moment, a rerun finds the
 * expired grants marked and takes the others; one failing grant does not stop the rest, and
 * the job fails at the end so it is retried.
 */
@Injectable()
export class ExpireCredits {
  private readonly logger = new Logger(ExpireCredits.name);

  constructor(
    @Inject(CreditGrantRepository)
    private readonly grants: Pick<CreditGrantRepository, 'due' | 'expire'>,
  ) {}

  async execute(): Promise<ExpirySummary> {
    let expired = 0;
    let expiredMicros = 0n;
    const failed = new Set<string>();
    for (;;) {
      const due = (await this.grants.due(BATCH + failed.size)).filter((g) => !failed.has(g.id));
      if (due.length === 0) break;
      for (const grant of due) {
        try {
          const outcome = await this.grants.expire(grant, EXPIRY_JOB);
          if (outcome.status === 'expired') {
            expired++;
            expiredMicros += outcome.expiredMicros;
          }
        } catch (error) {
          this.logger.error({ err: error, grantId: grant.id }, 'credit expiry failed');
          failed.add(grant.id);
        }
      }
    }
    return { expired, expiredMicros: expiredMicros.toString(), failed: failed.size };
  }
}
