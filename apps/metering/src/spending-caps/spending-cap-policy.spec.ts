import type { SpendingCapView } from '@tally/transport';
import { assessCaps, monthStart, type CapHold } from './spending-cap-policy';

const now = new Date('2026-12-04T03:00:00Z');
const cap = (capMicros: string, namespaces = ['team-a']): SpendingCapView => ({
  scopeId: 'scope-1',
  scopeKind: 'WORKSPACE',
  tenantId: 'tenant-1',
  walletId: 'wallet-1',
  capMicros: capMicros as SpendingCapView['capMicros'],
  namespaces,
});
const hold = (change: Partial<CapHold> = {}): CapHold => ({
  scopeId: 'scope-1',
  scopeKind: 'WORKSPACE',
  tenantId: 'tenant-1',
  walletId: 'wallet-1',
  namespaces: ['team-a'],
  month: monthStart(now),
  capMicros: 5_000_000n,
  spentMicros: 5_000_000n,
  since: new Date('2026-12-03T00:00:00Z'),
  ...change,
});
const spent = (entries: Record<string, bigint>) => new Map(Object.entries(entries));
const kinds = (decisions: ReturnType<typeof assessCaps>) => decisions.map((d) => d.kind);

describe('assessCaps', () => {
  it('holds a scope once its month spend reaches the cap, across all its namespaces', () => {
    const caps = [cap('5000000', ['team-a', 'team-b'])];
    expect(
      assessCaps(caps, spent({ 'team-a': 2_000_000n, 'team-b': 2_999_999n }), new Map(), now),
    ).toEqual([]);
    const [decision] = assessCaps(
      caps,
      spent({ 'team-a': 2_000_000n, 'team-b': 3_000_000n }),
      new Map(),
      now,
    );
    expect(decision).toMatchObject({
      kind: 'reach',
      hold: {
        scopeId: 'scope-1',
        capMicros: 5_000_000n,
        spentMicros: 5_000_000n,
        month: new Date('2026-12-01T00:00:00Z'),
        namespaces: ['team-a', 'team-b'],
        since: now,
      },
    });
  });

  it('holds a scope with a zero cap even before it spends', () => {
    expect(kinds(assessCaps([cap('0')], new Map(), new Map(), now))).toEqual(['reach']);
  });

  it('changes nothing while a held scope stays at or over its cap', () => {
    const holds = new Map([['scope-1', hold()]]);
    expect(assessCaps([cap('5000000')], spent({ 'team-a': 7_000_000n }), holds, now)).toEqual([]);
  });

  it('releases a held scope whose cap was raised above the spend, or removed', () => {
    const holds = new Map([['scope-1', hold()]]);
    const raised = assessCaps([cap('9000000')], spent({ 'team-a': 5_000_000n }), holds, now);
    expect(raised).toEqual([expect.objectContaining({ kind: 'release', hold: hold() })]);
    const removed = assessCaps([], spent({ 'team-a': 5_000_000n }), holds, now);
    expect(removed).toEqual([{ kind: 'release', hold: hold(), why: 'the cap was removed' }]);
  });

  it('releases a scope held last month when the new month starts below the cap', () => {
    const holds = new Map([['scope-1', hold({ month: new Date('2026-11-01T00:00:00Z') })]]);
    const [decision] = assessCaps([cap('5000000')], new Map(), holds, now);
    expect(decision).toMatchObject({ kind: 'release', why: 'a new month began' });
  });

  it('suspends namespaces that joined a held scope', () => {
    const holds = new Map([['scope-1', hold()]]);
    const [decision] = assessCaps(
      [cap('5000000', ['team-a', 'team-c'])],
      spent({ 'team-a': 6_000_000n }),
      holds,
      now,
    );
    expect(decision).toMatchObject({ kind: 'extend', added: ['team-c'] });
    expect(decision.hold.namespaces).toEqual(['team-a', 'team-c']);
  });

  it('counts the month in UTC', () => {
    expect(monthStart(new Date('2026-12-31T23:59:59.999Z'))).toEqual(
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(monthStart(new Date('2027-01-01T00:00:00Z'))).toEqual(new Date('2027-01-01T00:00:00Z'));
  });
});
