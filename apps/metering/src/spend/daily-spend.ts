import { Injectable } from '@nestjs/common';
import { notFound } from '@tally/errors';
import { toWireMicros } from '@tally/money';
import {
  RpcClient,
  type Authenticated,
  type DailySpendView,
  type IsoTime,
  type Principal,
  type SpendGrouping,
} from '@tally/transport';
import { badRange, notWholeDays, rangeTooLong, unknownGrouping } from './spend.errors';
import { SpendRepository } from './spend.repository';

const DAY_MS = 86_400_000;
/** A quarter: the longest a chart of days stays readable. */
export const MAX_RANGE_DAYS = 92;
const GROUPINGS: readonly SpendGrouping[] = ['NAMESPACE', 'SUB_ACCOUNT', 'RESOURCE'];

type Input = { tenantId: string; from: IsoTime; to: IsoTime; groupBy: SpendGrouping };

/**
 * Tenant.dailySpend: a tenant's settled spending per UTC day, split by namespace, sub-account
 * or resource. The account service decides what the caller may read: a tenant it may not read
 * is NOT_FOUND, and only the wallets it answers are summed.
 */
@Injectable()
export class DailySpend {
  constructor(
    private readonly rpc: RpcClient,
    private readonly spending: SpendRepository,
  ) {}

  async execute({ principal, input }: Authenticated<Input>): Promise<DailySpendView[]> {
    const wallets = await this.readableWallets(principal, input.tenantId);
    const { from, to } = wholeDays(input.from, input.to);
    if (!GROUPINGS.includes(input.groupBy)) throw unknownGrouping(input.groupBy);
    const rows = await this.spending.dailySpend([...wallets.keys()], from, to, input.groupBy);
    return rows.map((row) => ({
      day: row.day,
      // Each wallet is one sub-account's or the tenant's own, so keys stay one per group.
      key: input.groupBy === 'SUB_ACCOUNT' ? wallets.get(row.key)! : row.key,
      amountMicros: toWireMicros(row.amountMicros),
    }));
  }

  /** Each wallet of the tenant the caller may read, with the key SUB_ACCOUNT reports it by. */
  private async readableWallets(
    principal: Principal,
    tenantId: string,
  ): Promise<Map<string, string>> {
    const [tenant] = await this.rpc.send('account.tenants.byIds', {
      principal,
      input: { ids: [tenantId] },
    });
    if (tenant === undefined) throw notFound('Tenant', tenantId);
    const subAccounts = await this.rpc.send('account.subAccounts.byTenants', {
      principal,
      input: { ids: [tenant.id] },
    });
    return new Map([
      [tenant.walletId, tenant.id],
      ...subAccounts.map((sub) => [sub.walletId, sub.id] as const),
    ]);
  }
}

/** [from, to) as dates when both are UTC midnights, from before to, at most MAX_RANGE_DAYS. */
export function wholeDays(fromIso: IsoTime, toIso: IsoTime): { from: Date; to: Date } {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badRange();
  if (from.getTime() % DAY_MS !== 0 || to.getTime() % DAY_MS !== 0) throw notWholeDays();
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw rangeTooLong(MAX_RANGE_DAYS);
  return { from, to };
}
