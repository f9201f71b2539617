import { FakeSuspensionCluster } from '@tally/testing';
import { ReclaimNamespace, type ReclaimSettings } from './reclaim-namespace';
import { SuspensionErrorCode } from './suspension.errors';

const at = new Date('2026-11-22T10:00:00Z');
const suspended = () => {
  const cluster = new FakeSuspensionCluster()
    .add('deployments', 'web', { replicas: 0 }, { 'tally.dev/saved-replicas': '3' })
    .add('cronjobs', 'report', { suspend: true });
  cluster.annotations = { 'tally.dev/state': 'suspended', 'hpa.tally.dev/web': '{}' };
  cluster.quota = true;
  return cluster;
};
const reclaim = (cluster: FakeSuspensionCluster, settings: Partial<ReclaimSettings> = {}) =>
  new ReclaimNamespace(
    cluster,
    { enabled: true, deletePersistentVolumeClaims: false, ...settings },
    () => at,
  ).execute('ns');

describe('ReclaimNamespace', () => {
  it('deletes the workloads, keeps PVCs and the quota, drops saved HPAs and marks reclaimed', async () => {
    const cluster = suspended();
    await reclaim(cluster);

    expect(cluster.log).toEqual([
      'read namespace',
      'annotate tally.dev/state=reclaiming',
      'delete all horizontalpodautoscalers',
      'delete all cronjobs',
      'delete all deployments',
      'delete all statefulsets',
      'annotate hpa.tally.dev/web=null,tally.dev/state=reclaimed,tally.dev/reclaimed-at=2026-11-22T10:00:00.000Z',
    ]);
    expect(cluster.pvcs).toEqual(['data']);
    expect(cluster.quota).toBe(true);
  });

  it('deletes PVCs only when that is enabled too', async () => {
    const cluster = suspended();
    await reclaim(cluster, { deletePersistentVolumeClaims: true });
    expect(cluster.pvcs).toEqual([]);
  });

  it('does nothing at all while disabled', async () => {
    const cluster = suspended();
    await expect(reclaim(cluster, { enabled: false })).rejects.toMatchObject({
      reason: SuspensionErrorCode.RECLAIM_DISABLED,
    });
    expect(cluster.log).toEqual([]);
  });

  it('refuses a namespace that is not suspended', async () => {
    const cluster = suspended();
    cluster.annotations = {};
    await expect(reclaim(cluster)).rejects.toMatchObject({
      reason: SuspensionErrorCode.NOT_SUSPENDED,
    });
    expect(cluster.objects.deployments).toHaveLength(1);
  });
});
