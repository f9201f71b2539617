import { forEachNamespace } from './for-each-namespace';

describe('forEachNamespace', () => {
  it('reports every namespace in order, failures included, without stopping at one', async () => {
    const outcomes = await forEachNamespace(['a', 'b', 'c', 'd'], 2, async (ns) => {
      if (ns === 'b') throw new Error('b is broken');
    });
    expect(outcomes).toEqual([
      { namespace: 'a', ok: true },
      { namespace: 'b', ok: false, error: new Error('b is broken') },
      { namespace: 'c', ok: true },
      { namespace: 'd', ok: true },
    ]);
  });

  it('never runs more than `concurrency` at once, and a slow namespace does not hold up the rest', async () => {
    let running = 0;
    let peak = 0;
    const finished: string[] = [];
    const delays: Record<string, number> = { slow: 50, a: 1, b: 1, c: 1, d: 1 };
    await forEachNamespace(Object.keys(delays), 3, async (ns) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, delays[ns]));
      running--;
      finished.push(ns);
    });
    expect(peak).toBe(3);
    expect(finished.at(-1)).toBe('slow');
  });

  it('handles an empty list', async () => {
    await expect(forEachNamespace([], 4, async () => undefined)).resolves.toEqual([]);
  });
});
