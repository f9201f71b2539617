import type { RpcClient, SpendingCapView } from '@tally/transport';
import type { OutboxMessage } from '../debt/debt.repository';
import { EvaluateSpendingCaps } from './evaluate-spending-caps';
import type { CapHold } from './spending-cap-policy';
import type { SpendingCapRepository } from './spending-cap.repository';

const now = new Date('2026-12-04T10:30:00Z');
const walletId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const chunk = Array.from({ length: 500 }, (_, i) => walletId(i));

const cap = (scopeId: string, capMicros: string, namespaces: string[]): SpendingCapView => ({
  scopeId,
  scopeKind: 'WORKSPACE',
  tenantId: 'tenant-1',
  walletId: walletId(1),
  capMicros: capMicros as SpendingCapView['capMicros'],
  namespaces,
});
const held = (scopeId: string): CapHold => ({
  scopeId,
  scopeKind: 'WORKSPACE',
  tenantId: 'tenant-1',
  walletId: walletId(1),
  namespaces: ['old'],
  month: new Date('2026-12-01T00:00:00Z'),
  capMicros: 1n,
  spentMicros: 1n,
  since: new Date('2026-12-02T00:00:00Z'),
});

/** The account service and the repository as the evaluation sees them, counting every call. */
function world(caps: SpendingCapView[], holds: CapHold[], spend: Map<string, bigint>, wins = true) {
  const calls: string[] = [];
  const changes: [string, string, string[]][] = [];
  const record = (kind: string) => async (hold: CapHold, events: readonly OutboxMessage[]) => {
    changes.push([kind, hold.scopeId, events.map((e) => e.topic)]);
    return wins;
  };
  const repository: Pick<
    SpendingCapRepository,
    'holdsOf' | 'monthSpend' | 'hold' | 'extend' | 'release'
  > = {
    holdsOf: async (ids) => {
      calls.push(`holdsOf ${ids.length}`);
      return new Map(holds.map((h) => [h.scopeId, h]));
    },
    monthSpend: async (namespaces, month) => {
      calls.push(`monthSpend ${namespaces.join(',')} since ${month.toISOString()}`);
      return spend;
    },
    hold: record('hold'),
    extend: record('extend'),
    release: record('release'),
  };
  const rpc = {
    send: async (pattern: string, { input }: { input: { ids: string[] } }) => {
      calls.push(`${pattern} ${input.ids.length}`);
      return caps;
    },
  } as Pick<RpcClient, 'send'>;
  return { calls, changes, evaluate: new EvaluateSpendingCaps(rpc, repository) };
}

describe('EvaluateSpendingCaps', () => {
  it('costs one account call and one query for a chunk without caps or holds', async () => {
    const { calls, changes, evaluate } = world([], [], new Map());
    expect(await evaluate.execute(chunk, now)).toBe(0);
    expect(calls.sort()).toEqual(['account.spendingCaps.byWallets 500', 'holdsOf 500']);
    expect(changes).toEqual([]);
  });

  it("reads the month's spend once for all the chunk's capped namespaces, and records each change", async () => {
    const caps = [
      cap('reached', '1000000', ['a', 'b']),
      cap('under', '5000000', ['c']),
      cap('raised', '9000000', ['d']),
    ];
    const spend = new Map([
      ['a', 600_000n],
      ['b', 400_000n],
      ['c', 10n],
      ['d', 2_000_000n],
    ]);
    const holds = [held('raised'), held('removed')];
    const { calls, changes, evaluate } = world(caps, holds, spend);

    expect(await evaluate.execute(chunk, now)).toBe(3);
    expect(calls.sort()).toEqual([
      'account.spendingCaps.byWallets 500',
      'holdsOf 500',
      'monthSpend a,b,c,d since 2026-12-01T00:00:00.000Z',
    ]);
    expect(changes).toEqual([
      ['hold', 'reached', ['spendingCap.suspend', 'spendingCap.notify']],
      ['release', 'raised', ['spendingCap.resume', 'spendingCap.notify']],
      ['release', 'removed', ['spendingCap.resume', 'spendingCap.notify']],
    ]);
  });

  it('counts nothing when another evaluation recorded the change first', async () => {
    const { changes, evaluate } = world([cap('s', '0', ['a'])], [], new Map(), false);
    expect(await evaluate.execute(chunk, now)).toBe(0);
    expect(changes).toHaveLength(1);
  });
});
