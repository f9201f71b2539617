import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@tally/errors';
import { parseWireMicros } from '@tally/money';
import type { Authenticated, MicrosString, RpcRequest, RpcResponse } from '@tally/transport';
import { TenantAccess } from '../access/tenant-access';
import { SubAccountRepository } from '../sub-accounts/sub-account.repository';
import { SpendingCapRepository } from './spending-cap.repository';

type SetSpendingCapInput = RpcRequest<'account.spendingCaps.set'>['input'];

/**
 * Sets (or, with null, removes) the monthly spending cap of one workspace or one sub-account.
 * Metering hears of it at once (SPENDING_CAP_CHANGED) and suspends or resumes the scope.
 */
@Injectable()
export class SetSpendingCap {
  constructor(
    private readonly caps: SpendingCapRepository,
    private readonly subAccounts: SubAccountRepository,
    private readonly access: TenantAccess,
  ) {}

  async execute({
    principal,
    input,
  }: Authenticated<SetSpendingCapInput>): Promise<RpcResponse<'account.spendingCaps.set'>> {
    const { workspaceId, subAccountId } = input;
    if ((workspaceId == null) === (subAccountId == null)) {
      throw badInput('Give exactly one of workspaceId and subAccountId', {
        reason: 'ONE_SCOPE_REQUIRED',
      });
    }
    if (workspaceId != null) {
      const workspace = await this.caps.workspace(workspaceId);
      if (workspace === null) throw notFound('Workspace', workspaceId);
      await this.access.assert(principal, workspace.tenantId, 'limit');
      // Only then the amount: a caller without the right learns nothing about their input.
      const cap = capFrom(input.monthlyCapMicros);
      return { workspace: await this.caps.capWorkspace(workspace.id, cap), subAccount: null };
    }
    const [subAccount] = await this.subAccounts.byIds([subAccountId!]);
    if (subAccount === undefined) throw notFound('SubAccount', subAccountId!);
    await this.access.assert(principal, subAccount.tenantId, 'limit');
    const cap = capFrom(input.monthlyCapMicros);
    return { workspace: null, subAccount: await this.caps.capSubAccount(subAccount.id, cap) };
  }
}

/** A monthly cap: null (none) or zero and up (zero stops the scope's spending altogether). */
function capFrom(micros: MicrosString | null): bigint | null {
  if (micros === null) return null;
  return parseWireMicros(micros, { sign: 'non-negative', label: 'monthlyCap' });
}
