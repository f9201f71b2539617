import { capEvents, isCapTopic, SpendingCapTopic, stillHeld } from './spending-cap-events';
import type { CapHold } from './spending-cap-policy';

const now = new Date('2026-12-04T03:00:00Z');
const hold: CapHold = {
  scopeId: 'scope-1',
  scopeKind: 'SUB_ACCOUNT',
  tenantId: 'tenant-1',
  walletId: 'wallet-1',
  namespaces: ['team-a', 'team-b'],
  month: new Date('2026-12-01T00:00:00Z'),
  capMicros: 5_000_000n,
  spentMicros: 5_250_000n,
  since: now,
};
const topics = (events: ReturnType<typeof capEvents>) => events.map((e) => e.topic);

describe('capEvents', () => {
  it('suspends every namespace of a scope reaching its cap, for SPENDING_CAP, and mails once', () => {
    const events = capEvents({ kind: 'reach', hold }, now);
    expect(topics(events)).toEqual([SpendingCapTopic.Suspend, SpendingCapTopic.Notify]);
    expect(events[0].payload).toEqual({
      scopeId: 'scope-1',
      walletId: 'wallet-1',
      namespaces: ['team-a', 'team-b'],
      reason: 'SPENDING_CAP: 5.250000 spent this month, cap 5.000000',
    });
    expect(events[1].payload).toMatchObject({
      reached: true,
      capMicros: '5000000',
      spentMicros: '5250000',
      scopeKind: 'SUB_ACCOUNT',
    });
  });

  it('suspends only the namespaces that joined a held scope, without a new notice', () => {
    const events = capEvents({ kind: 'extend', hold, added: ['team-c'] }, now);
    expect(topics(events)).toEqual([SpendingCapTopic.Suspend]);
    expect(events[0].payload).toMatchObject({ namespaces: ['team-c'] });
  });

  it('resumes a released scope and says why', () => {
    const events = capEvents({ kind: 'release', hold, why: 'the cap was removed' }, now);
    expect(topics(events)).toEqual([SpendingCapTopic.Resume, SpendingCapTopic.Notify]);
    expect(events[1].payload).toMatchObject({ reached: false, why: 'the cap was removed' });
  });

  it("re-suspends a held scope on the sweep, and only cap topics are the suspender's cap work", () => {
    expect(stillHeld(hold)).toMatchObject({
      topic: SpendingCapTopic.Suspend,
      payload: { namespaces: ['team-a', 'team-b'] },
    });
    expect(isCapTopic(SpendingCapTopic.Resume)).toBe(true);
    expect(isCapTopic(SpendingCapTopic.Notify)).toBe(false);
    expect(isCapTopic('wallet.resume')).toBe(false);
  });
});
