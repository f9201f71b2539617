import { CachedPodNamespaces, PodRef } from './pod-namespaces';

describe('CachedPodNamespaces', () => {
  it('lists once, answers from the cache, lists again on a miss at most every minRefreshMs', async () => {
    let now = 0;
    let pods: PodRef[] = [{ uid: 'a', namespace: 'alpha' }];
    const listPods = jest.fn(async () => pods);
    const namespaces = new CachedPodNamespaces(listPods, 10_000, () => now);

    expect(await namespaces.namespaceOf('a')).toBe('alpha');
    expect(await namespaces.namespaceOf('a')).toBe('alpha');
    expect(listPods).toHaveBeenCalledTimes(1);

    pods = [...pods, { uid: 'b', namespace: 'beta' }];
    expect(await namespaces.namespaceOf('b')).toBeUndefined(); // listed too recently
    now = 10_000;
    expect(await namespaces.namespaceOf('b')).toBe('beta');
    expect(listPods).toHaveBeenCalledTimes(2);
  });
});
