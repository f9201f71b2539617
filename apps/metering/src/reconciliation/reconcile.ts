import { Injectable, Logger } from '@nestjs/common';
import { badInput } from '@tally/errors';
import type { ReconciliationFinding, ReconciliationReportView } from '@tally/transport';
import { PrismaService } from '@tally/prisma';
import { LockSpace, withAdvisoryLock } from '../advisory-lock';
import { CheckLedger } from './check-ledger';
import { CorrectCharges } from './correct-charges';
import { CrossCheckSources } from './cross-check-sources';
import { ReconciliationRepository } from './reconciliation.repository';

const HOUR_MS = 3_600_000;
const MAX_RANGE_DAYS = 31;
/** A report keeps this many findings; the counts are always complete. */
const MAX_FINDINGS = 1000;

/**
 * One reconciliation run over the hours of [from, to): correct flagged charges, compare the
 * sources, check the ledger, and write it all down in a report finance can read. Runs one at
 * a time across workers, so two runs never number the same adjustment.
 */
@Injectable()
export class Reconcile {
  private readonly logger = new Logger(Reconcile.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly reconciliations: ReconciliationRepository,
    private readonly correctCharges: CorrectCharges,
    private readonly crossCheck: CrossCheckSources,
    private readonly checkLedger: CheckLedger,
  ) {}

  async execute(
    from: Date,
    to: Date,
    trigger: 'schedule' | 'finance',
    requestedBy: string | null = null,
  ): Promise<ReconciliationReportView> {
    assertRange(from, to);
    return withAdvisoryLock(this.prisma.pool, [LockSpace.Reconciliation, 0], async () => {
      const id = await this.reconciliations.start(trigger, requestedBy, from, to);
      try {
        const corrections = await this.correctCharges.execute(id, from, to);
        const mismatches = await this.crossCheck.execute(from, to);
        const ledger = await this.checkLedger.execute(from, to);
        const findings: ReconciliationFinding[] = [
          ...corrections.findings,
          ...mismatches,
          ...ledger,
        ];
        const report = await this.reconciliations.finish(id, 'SUCCEEDED', {
          hoursChecked: await this.reconciliations.settledHourCount(from, to),
          flaggedHours: corrections.flaggedHours,
          refilledSamples: corrections.refilledSamples,
          adjustments: corrections.adjustments,
          adjustedMicros: corrections.adjustedMicros,
          sourceMismatches: mismatches.length,
          ledgerMismatches: ledger.length,
          findings: findings.slice(0, MAX_FINDINGS),
        });
        this.logger.log({ ...report, findings: findings.length }, 'reconciliation finished');
        return report;
      } catch (error) {
        await this.reconciliations.finish(id, 'FAILED', EMPTY, String(error));
        throw error;
      }
    });
  }
}

const EMPTY = {
  hoursChecked: 0,
  flaggedHours: 0,
  refilledSamples: 0,
  adjustments: 0,
  adjustedMicros: 0n,
  sourceMismatches: 0,
  ledgerMismatches: 0,
  findings: [],
};

function assertRange(from: Date, to: Date): void {
  if (
    Number.isNaN(from.getTime()) ||
    Number.isNaN(to.getTime()) ||
    from.getTime() % HOUR_MS !== 0 ||
    to.getTime() % HOUR_MS !== 0 ||
    from >= to
  ) {
    throw badInput('from and to must be whole UTC hours, from before to', { reason: 'BAD_RANGE' });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR_MS) {
    throw badInput(`A reconciliation spans at most ${MAX_RANGE_DAYS} days`, {
      reason: 'RANGE_TOO_LONG',
    });
  }
}
