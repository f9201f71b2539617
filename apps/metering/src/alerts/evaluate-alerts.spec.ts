import { toWireMicros } from '@tally/money';
import type { RpcClient, WalletView } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import type { LiveWallet } from '../pending/live-balances';
import type { AlertRepository, AlertMove, StoredAlert } from './alert.repository';
import { EvaluateAlerts } from './evaluate-alerts';

const now = new Date('2026-12-04T10:30:00Z');
const TENANT = '00000000-0000-4000-8000-0000000000f0';
const SUB = '00000000-0000-4000-8000-0000000000f1';
const walletId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function live(i: number, availableMicros: bigint, subAccountId: string | null = null): LiveWallet {
  const wallet: WalletView = {
    id: walletId(i),
    tenantId: TENANT,
    kind: subAccountId === null ? 'TENANT' : 'SUB_ACCOUNT',
    subAccountId,
    balanceMicros: toWireMicros(availableMicros),
    currency: 'USD',
    debtState: 'NORMAL',
  };
  return {
    wallet,
    balanceMicros: availableMicros,
    availableMicros,
    pendingMicros: 0n,
    spendRateMicros: 0n,
    pendingThrough: null,
    runsOutAt: null,
  };
}

function alert(i: number, over: Partial<StoredAlert>): StoredAlert {
  return {
    id: `alert-${i}`,
    tenantId: TENANT,
    walletId: walletId(i),
    subAccountId: null,
    kind: 'AVAILABLE_BALANCE_BELOW',
    amountMicros: null,
    percent: null,
    hours: null,
    state: 'OK',
    lastTransitionAt: null,
    sequence: 0,
    createdAt: now,
    ...over,
  };
}

/** The repository and account service as the evaluation sees them, counting every call. */
function world(alerts: readonly StoredAlert[], spend: Map<string, bigint>, wins = true) {
  const calls: string[] = [];
  const moves: { move: AlertMove; events: readonly OutboxMessage[] }[] = [];
  const repository: Pick<AlertRepository, 'ofWallets' | 'monthSpend' | 'transition'> = {
    ofWallets: async (ids) => {
      calls.push(`ofWallets ${ids.length}`);
      const byWallet = new Map<string, StoredAlert[]>();
      for (const a of alerts.filter((a) => ids.includes(a.walletId))) {
        byWallet.set(a.walletId, [...(byWallet.get(a.walletId) ?? []), a]);
      }
      return byWallet;
    },
    monthSpend: async (ids, since) => {
      calls.push(`monthSpend ${ids.length} since ${since.toISOString()}`);
      return spend;
    },
    transition: async (move, events) => {
      moves.push({ move, events });
      return wins;
    },
  };
  const rpc = {
    send: async (pattern: string, { input }: { input: { ids: string[] } }) => {
      calls.push(`${pattern} ${input.ids.join(',')}`);
      return [{ id: SUB, monthlyBudgetMicros: toWireMicros(10_000n) }];
    },
  } as Pick<RpcClient, 'send'>;
  return { calls, moves, evaluate: new EvaluateAlerts(repository, rpc) };
}

describe('EvaluateAlerts', () => {
  const chunk = Array.from({ length: 500 }, (_, i) => live(i, 10_000_000n));

  it('costs one query for a chunk without alerts', async () => {
    const { calls, moves, evaluate } = world([], new Map());
    expect(await evaluate.execute(chunk, now)).toBe(0);
    expect(calls).toEqual(['ofWallets 500']);
    expect(moves).toEqual([]);
  });

  it('reads spend and budgets once a chunk, for the alerts that need them, and moves the crossed ones', async () => {
    const lives = [...chunk];
    lives[7] = live(7, 10_000_000n, SUB);
    const alerts = [
      alert(3, { amountMicros: 20_000_000n }), // 10 < 20: fires
      alert(4, { amountMicros: 1_000_000n }), // 10 ≥ 1: stays OK
      alert(5, { kind: 'MONTHLY_SPEND_ABOVE', amountMicros: 5n, state: 'TRIGGERED', sequence: 1 }),
      alert(7, { kind: 'MONTHLY_BUDGET_PERCENT_ABOVE', percent: 80, subAccountId: SUB }),
    ];
    // Wallet 5 spent nothing this month (resolves); wallet 7 spent 80 % of its 0.01.
    const { calls, moves, evaluate } = world(alerts, new Map([[walletId(7), 8_000n]]));

    expect(await evaluate.execute(lives, now)).toBe(3);
    expect(calls.sort()).toEqual([
      `account.subAccounts.byIds ${SUB}`,
      'monthSpend 2 since 2026-12-01T00:00:00.000Z',
      'ofWallets 500',
    ]);
    expect(moves.map(({ move }) => [move.alert.id, move.to, move.observed])).toEqual([
      ['alert-3', 'TRIGGERED', '10000000'],
      ['alert-5', 'OK', '0'],
      ['alert-7', 'TRIGGERED', '8000'],
    ]);
    const [, resolved] = moves;
    expect(resolved.events.map((e) => [e.topic, e.payload.type ?? e.payload.state])).toEqual([
      ['alert.notify', 'OK'],
      ['outbound.event', 'alert.resolved'],
    ]);
    expect(resolved.events[1].payload).toMatchObject({
      order: { key: 'alert:alert-5', sequence: 2 },
      data: { threshold: '5', sequence: 2, state: 'OK' },
    });
  });

  it('counts nothing when another evaluator recorded the transition first', async () => {
    const { moves, evaluate } = world([alert(3, { amountMicros: 20_000_000n })], new Map(), false);
    expect(await evaluate.execute(chunk, now)).toBe(0);
    expect(moves).toHaveLength(1);
  });
});
