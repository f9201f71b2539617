import { Inject, Injectable } from '@nestjs/common';
import { parseWireMicros } from '@tally/money';
import type { ReconciliationFinding } from '@tally/transport';
import { METERING_CONFIG, type MeteringConfig } from '../metering.config';
import { LedgerClient } from '../peers/ledger.client';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { chargeKey } from '../settlement/charge-posting';
import { ReconciliationRepository } from './reconciliation.repository';

const KEYS_PER_CALL = 5000;

/**
 * The ledger's invariants (Σ entries = 0, every balance = Σ its entries) and metering's own:
 * every posted charge of the range is in the ledger exactly once with its frozen total, and
 * every namespace-hour with billed usage in a settled hour has a charge.
 */
@Injectable()
export class CheckLedger {
  constructor(
    @Inject(METERING_CONFIG) private readonly config: MeteringConfig,
    private readonly reconciliations: ReconciliationRepository,
    private readonly ledger: LedgerClient,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  async execute(from: Date, to: Date): Promise<ReconciliationFinding[]> {
    const findings: ReconciliationFinding[] = [];
    const audit = await this.ledger.audit();
    if (audit.entriesSumMicros !== '0') {
      findings.push({ kind: 'ledger', detail: `entries sum to ${audit.entriesSumMicros}, not 0` });
    }
    for (const wallet of audit.walletsOutOfBalance) {
      findings.push({
        kind: 'ledger',
        detail: `wallet ${wallet.walletId} balance ${wallet.balanceMicros} ≠ Σ entries ${wallet.entriesSumMicros}`,
      });
    }
    findings.push(...(await this.chargesInLedger(from, to)), ...(await this.uncharged(from, to)));
    return findings;
  }

  private async chargesInLedger(from: Date, to: Date): Promise<ReconciliationFinding[]> {
    const charges = await this.reconciliations.postedCharges(from, to);
    const findings: ReconciliationFinding[] = [];
    for (let i = 0; i < charges.length; i += KEYS_PER_CALL) {
      const chunk = charges.slice(i, i + KEYS_PER_CALL);
      const posted = new Map(
        (await this.ledger.byKeys(chunk.map((c) => chargeKey(c.namespace, c.hour)))).map((p) => [
          p.idempotencyKey,
          p,
        ]),
      );
      for (const charge of chunk) {
        const key = chargeKey(charge.namespace, charge.hour);
        const entry = posted.get(key);
        const detail =
          entry === undefined
            ? `${key} belongs to a posted hour but is not in the ledger`
            : entry.walletId !== charge.walletId ||
                parseWireMicros(entry.walletAmountMicros) !== -charge.totalMicros
              ? `${key} is in the ledger as ${entry.walletAmountMicros} on ${entry.walletId}, frozen as -${charge.totalMicros} on ${charge.walletId}`
              : null;
        if (detail !== null) {
          findings.push({
            kind: entry === undefined ? 'missing_charge' : 'ledger',
            namespace: charge.namespace,
            hour: charge.hour.toISOString(),
            detail,
          });
        }
      }
    }
    return findings;
  }

  private async uncharged(from: Date, to: Date): Promise<ReconciliationFinding[]> {
    const rows = await this.reconciliations.usageWithoutCharge(
      from,
      to,
      this.config.TALLY_BILLING_SOURCE,
    );
    if (rows.length === 0) return [];
    // Usage of a namespace nobody owns is not a missing charge; of one somebody owns now, it is.
    const placements = await this.workspaces.placements([...new Set(rows.map((r) => r.namespace))]);
    return rows
      .filter((row) => placements.has(row.namespace))
      .map((row) => ({
        kind: 'missing_charge' as const,
        namespace: row.namespace,
        hour: row.hour.toISOString(),
        detail: 'usage in a settled hour without a charge (workspace created after settlement?)',
      }));
  }
}
