import { BudgetTopUpRepository } from '@tally/account/budgets/budget-top-up.repository';
import { TopUpMonthlyBudgets, monthOf } from '@tally/account/budgets/top-up-monthly-budgets';
import { SubAccountRepository } from '@tally/account/sub-accounts/sub-account.repository';
import { TenantRepository } from '@tally/account/tenants/tenant.repository';
import { AccountContext } from '../support/account-context';

describe('monthly sub-account budgets', () => {
  let ctx: AccountContext;
  let topUp: TopUpMonthlyBudgets;

  beforeAll(() => {
    ctx = AccountContext.create();
    topUp = new TopUpMonthlyBudgets(
      new SubAccountRepository(ctx.prisma),
      new TenantRepository(ctx.prisma),
      new BudgetTopUpRepository(ctx.prisma, ctx.ledger),
    );
  });
  afterAll(() => ctx.close());

  async function budgeted(tenantBalance: bigint, budget: bigint) {
    const tenant = await ctx.newTenant();
    if (tenantBalance > 0n) await ctx.credit(tenant.walletId, tenantBalance);
    const sub = await ctx.newSubAccount(tenant.tenantId);
    await ctx.prisma.subAccount.update({
      where: { id: sub.subAccountId },
      data: { monthlyBudgetMicros: budget },
    });
    return { tenant, sub };
  }

  it('knows the month a moment falls in, in UTC', () => {
    expect(monthOf(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-01');
    expect(monthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('moves each budget exactly once per month, however often and concurrently the job runs', async () => {
    const { tenant, sub } = await budgeted(100_000_000n, 30_000_000n);
    const month = '2031-03-01';
    await Promise.all([topUp.execute(month), topUp.execute(month), topUp.execute(month)]);
    await topUp.execute(month);
    expect(await ctx.balanceOf(sub.walletId)).toBe(30_000_000n);
    expect(await ctx.balanceOf(tenant.walletId)).toBe(70_000_000n);

    await topUp.execute('2031-04-01');
    expect(await ctx.balanceOf(sub.walletId)).toBe(60_000_000n);
    const rows = await ctx.prisma.budgetTopUp.findMany({
      where: { subAccountId: sub.subAccountId },
    });
    expect(rows.map((r) => r.movedMicros)).toEqual([30_000_000n, 30_000_000n]);
  });

  it('moves what the tenant has and records the shortfall', async () => {
    const { tenant, sub } = await budgeted(12_000_000n, 30_000_000n);
    await topUp.execute('2032-01-01');
    expect(await ctx.balanceOf(sub.walletId)).toBe(12_000_000n);
    expect(await ctx.balanceOf(tenant.walletId)).toBe(0n);
    const [row] = await ctx.prisma.budgetTopUp.findMany({
      where: { subAccountId: sub.subAccountId },
    });
    expect(row).toMatchObject({
      budgetMicros: 30_000_000n,
      movedMicros: 12_000_000n,
      shortfallMicros: 18_000_000n,
    });

    // A recharge later in the month does not trigger a second top-up for that month.
    await ctx.credit(tenant.walletId, 50_000_000n);
    await topUp.execute('2032-01-01');
    expect(await ctx.balanceOf(sub.walletId)).toBe(12_000_000n);
  });

  it('moves credit the budget takes as credit of the same expiry', async () => {
    const { tenant, sub } = await budgeted(10_000_000n, 12_000_001n);
    const expiresAt = new Date(Date.now() + 5 * 86_400_000);
    await ctx.grant(tenant.walletId, 5_000_000n, expiresAt);
    await topUp.execute('2032-03-01');
    // 10 paid, then 2.000001 of the grant: that part is the sub-account's credit now.
    expect(await ctx.remainingCredit(tenant.walletId)).toEqual([2_999_999n]);
    expect(await ctx.grants.byWallets([sub.walletId])).toEqual([
      expect.objectContaining({
        amountMicros: '2000001',
        remainingMicros: '2000001',
        expiresAt: expiresAt.toISOString(),
      }),
    ]);
    expect(await ctx.balanceOf(sub.walletId)).toBe(12_000_001n);
  });

  it('records an empty tenant wallet as a full shortfall without posting anything', async () => {
    const { sub } = await budgeted(0n, 5_000_000n);
    await topUp.execute('2033-06-01');
    const [row] = await ctx.prisma.budgetTopUp.findMany({
      where: { subAccountId: sub.subAccountId },
    });
    expect(row).toMatchObject({
      movedMicros: 0n,
      shortfallMicros: 5_000_000n,
      transactionId: null,
    });
    expect(await ctx.invariants()).toEqual({
      totalSum: 0n,
      unbalancedWallets: 0,
      unbalancedTransactions: 0,
    });
  });
});
