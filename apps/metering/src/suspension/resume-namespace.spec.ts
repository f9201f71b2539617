import { FakeSuspensionCluster } from '@tally/testing';
import { ResumeNamespace } from './resume-namespace';
import { SuspendNamespace } from './suspend-namespace';
import { SuspensionErrorCode } from './suspension.errors';

const tenant = () =>
  new FakeSuspensionCluster()
    .add('deployments', 'web', { replicas: 3 })
    .add('cronjobs', 'paused', { suspend: true })
    .add('horizontalpodautoscalers', 'web', { minReplicas: 2, maxReplicas: 5 });
const resume = (cluster: FakeSuspensionCluster) => new ResumeNamespace(cluster).execute('ns');

describe('ResumeNamespace', () => {
  it('lifts the quota first, restores replicas, then HPAs, then CronJobs, and clears the marks last', async () => {
    const cluster = tenant();
    await new SuspendNamespace(cluster).execute('ns', 'debt');
    cluster.log.length = 0;

    await resume(cluster);

    expect(cluster.log).toEqual([
      'read namespace',
      'annotate tally.dev/state=resuming',
      'delete quota',
      'list deployments',
      'update deployments/web',
      'list statefulsets',
      'create horizontalpodautoscalers/web',
      'annotate hpa.tally.dev/web=null',
      'list cronjobs',
      'update cronjobs/paused',
      'annotate tally.dev/state=null,tally.dev/suspended-at=null,tally.dev/reason=null,tally.dev/reclaimed-at=null',
    ]);
    expect(cluster.find('deployments', 'web')).toEqual({
      metadata: { name: 'web', annotations: {} },
      spec: { replicas: 3 },
    });
    expect(cluster.find('cronjobs', 'paused')?.spec).toEqual({ suspend: true });
    expect(cluster.find('horizontalpodautoscalers', 'web')?.spec).toEqual({
      minReplicas: 2,
      maxReplicas: 5,
    });
    expect(cluster.annotations).toEqual({});
  });

  it('refuses a saved value it cannot read instead of guessing', async () => {
    const cluster = new FakeSuspensionCluster().add(
      'deployments',
      'web',
      { replicas: 0 },
      {
        'tally.dev/saved-replicas': 'three',
      },
    );
    await expect(resume(cluster)).rejects.toMatchObject({
      reason: SuspensionErrorCode.SAVED_VALUE_INVALID,
    });
    expect(cluster.find('deployments', 'web')?.spec).toEqual({ replicas: 0 });
  });

  it('changes nothing in a namespace that was never suspended', async () => {
    const cluster = tenant();
    await resume(cluster);
    expect(
      cluster.log.filter((call) => call.startsWith('update') || call.startsWith('create')),
    ).toEqual([]);
    expect(cluster.objects).toEqual(tenant().objects);
  });
});
