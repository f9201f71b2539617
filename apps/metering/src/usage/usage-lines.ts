import { Injectable } from '@nestjs/common';
import { badInput } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import type { Authenticated, IsoTime, UsageLineView } from '@tally/transport';
import { WorkspaceDirectory } from '../peers/workspace-directory';
import { billingQuantity } from '../settlement/pricing';
import { SettlementRepository } from '../settlement/settlement.repository';

const MAX_RANGE_DAYS = 31;

/**
 * Workspace.usage: the settled hourly lines of [from, to), one per resource used, as charged.
 * Hours not settled yet have no lines. Another tenant's namespace answers nothing, exactly
 * like a namespace that does not exist.
 */
@Injectable()
export class UsageLines {
  constructor(
    private readonly workspaces: WorkspaceDirectory,
    private readonly settlements: SettlementRepository,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<{ namespace: string; from: IsoTime; to: IsoTime }>): Promise<UsageLineView[]> {
    if (!(await this.workspaces.mayRead(principal, input.namespace))) return [];
    const from = new Date(input.from);
    const to = new Date(input.to);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw badInput('from must be an instant before to', { reason: 'BAD_RANGE' });
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw badInput(`A usage range spans at most ${MAX_RANGE_DAYS} days`, {
        reason: 'RANGE_TOO_LONG',
      });
    }
    const charges = await this.settlements.chargesOf(input.namespace, from, to);
    return charges.flatMap((charge) =>
      charge.lines.map((line) => ({
        namespace: charge.namespace,
        hour: charge.hour.toISOString(),
        resource: line.resource,
        quantity: billingQuantity(line.resource, line.quantity),
        amountMicros: toWireMicros(line.amountMicros),
      })),
    );
  }
}
