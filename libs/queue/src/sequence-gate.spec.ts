import { decide } from './sequence-gate';

describe('decide (SequenceGate)', () => {
  const free = (delivered: number) => ({ delivered, leased: false });

  it('lets the next item of a key go', () => {
    expect(decide(free(3), 4, true)).toBe('go');
    expect(decide(free(0), 1, true)).toBe('go');
  });

  it('drops an item the key already delivered, or one older than it', () => {
    expect(decide(free(4), 4, true)).toBe('stale');
    expect(decide(free(4), 2, false)).toBe('stale');
    expect(decide({ delivered: 4, leased: true }, 3, true)).toBe('stale');
  });

  it('lets one item of a key go at a time', () => {
    expect(decide({ delivered: 3, leased: true }, 4, true)).toBe('wait');
    expect(decide({ delivered: 3, leased: true }, 9, false)).toBe('wait');
  });

  it('waits for the predecessor while patient, and goes without it after', () => {
    expect(decide(free(3), 5, true)).toBe('wait');
    expect(decide(free(3), 5, false)).toBe('go');
  });
});
