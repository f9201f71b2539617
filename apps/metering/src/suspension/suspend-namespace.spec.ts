import { FakeSuspensionCluster } from '@tally/testing';
import { SuspendNamespace } from './suspend-namespace';

const at = new Date('2026-11-22T10:00:00Z');
const tenant = () =>
  new FakeSuspensionCluster()
    .add('deployments', 'web', { replicas: 3 })
    .add('statefulsets', 'db', { replicas: 2 })
    .add('cronjobs', 'report', { suspend: false })
    .add('horizontalpodautoscalers', 'web', { minReplicas: 2, maxReplicas: 5 });
const suspend = (cluster: FakeSuspensionCluster) =>
  new SuspendNamespace(cluster, () => at).execute('ns', 'debt');

describe('SuspendNamespace', () => {
  it('marks suspending, adds the quota, removes HPAs before scaling down, and marks suspended last', async () => {
    const cluster = tenant();
    await suspend(cluster);

    expect(cluster.log).toEqual([
      'read namespace',
      'annotate tally.dev/state=suspending,tally.dev/suspended-at=2026-11-22T10:00:00.000Z,tally.dev/reason=debt',
      'ensure quota',
      'list horizontalpodautoscalers',
      expect.stringMatching(/^annotate hpa\.tally\.dev\/web=\{/),
      'delete horizontalpodautoscalers/web',
      'list deployments',
      'update deployments/web',
      'list statefulsets',
      'update statefulsets/db',
      'list cronjobs',
      'update cronjobs/report',
      'annotate tally.dev/state=suspended',
    ]);
    expect(JSON.parse(cluster.annotations['hpa.tally.dev/web'])).toEqual({
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { minReplicas: 2, maxReplicas: 5 },
    });
  });

  it('leaves the namespace `suspending` when a step fails, and a re-run completes it', async () => {
    const cluster = tenant();
    cluster.failOn = 'update statefulsets/db';
    await expect(suspend(cluster)).rejects.toMatchObject({ code: 500 });
    expect(cluster.annotations['tally.dev/state']).toBe('suspending');
    expect(cluster.find('deployments', 'web')?.spec).toEqual({ replicas: 0 });

    cluster.failOn = undefined;
    await suspend(cluster);
    expect(cluster.annotations['tally.dev/state']).toBe('suspended');
    expect(cluster.find('statefulsets', 'db')?.metadata.annotations).toEqual({
      'tally.dev/saved-replicas': '2',
    });
  });

  it('saves replicas once: a re-run does not overwrite the saved value with 0', async () => {
    const cluster = tenant();
    await suspend(cluster);
    cluster.log.length = 0;
    await suspend(cluster);

    expect(
      cluster.log.filter((call) => call.startsWith('update') || call.startsWith('annotate')),
    ).toEqual([]);
    expect(cluster.find('deployments', 'web')?.metadata.annotations).toEqual({
      'tally.dev/saved-replicas': '3',
    });
  });

  it("takes a tenant's scale-up while suspended as the value to restore", async () => {
    const cluster = tenant();
    await suspend(cluster);
    cluster.find('deployments', 'web')!.spec = { replicas: 6 };
    await suspend(cluster);
    expect(cluster.find('deployments', 'web')).toMatchObject({
      metadata: { annotations: { 'tally.dev/saved-replicas': '6' } },
      spec: { replicas: 0 },
    });
  });

  it('keeps the first suspension time and an already suspended CronJob as suspended', async () => {
    const cluster = tenant().add('cronjobs', 'paused', { suspend: true });
    cluster.annotations['tally.dev/suspended-at'] = '2026-11-01T00:00:00.000Z';
    await suspend(cluster);
    expect(cluster.annotations['tally.dev/suspended-at']).toBe('2026-11-01T00:00:00.000Z');
    expect(cluster.find('cronjobs', 'paused')?.metadata.annotations).toEqual({
      'tally.dev/saved-suspend': 'true',
    });
  });
});
