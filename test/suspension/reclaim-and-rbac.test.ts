// Reclaim, and what the metering service account may not do: both against a real
// kube-apiserver with the ClusterRole of k8s/metering-rbac.yaml.
import { CoreV1Api } from '@kubernetes/client-node';
import { SuspensionErrorCode } from '@tally/metering/suspension/suspension.errors';
import { suspensionSuite } from './suspension-suite';

const ctx = suspensionSuite();
const reclaimOn = { reclaim: { enabled: true, deletePersistentVolumeClaims: false } };

describe('reclaim', () => {
  it('deletes the workloads of a suspended namespace, keeps the namespace, its PVCs and the quota', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    await fixtures.pvc(ns, 'data');
    const suspender = await ctx.suspender(reclaimOn);
    await suspender.suspend(ns, 'debt');
    // An HPA made after the last sweep is reclaimed too.
    await fixtures.hpa(
      ns,
      'late',
      { kind: 'Deployment', name: 'web' },
      { min: 1, max: 2, cpu: 50 },
    );

    await suspender.reclaim(ns);

    const snapshot = await fixtures.snapshot(ns);
    expect(snapshot).toMatchObject({
      deployments: {},
      statefulsets: {},
      cronjobs: {},
      hpas: {},
      quotas: [{ name: 'tally-suspended' }],
    });
    // No saved HPA is left to come back on resume: its target is gone.
    expect(snapshot.namespace).toEqual({
      'tally.dev/state': 'reclaimed',
      'tally.dev/reason': 'debt',
    });
    expect(await fixtures.namespaceExists(ns)).toBe(true);
    expect(await fixtures.pvcNames(ns)).toEqual(['data']);

    // Idempotent; a sweep suspends what the tenant deploys afterwards and keeps `reclaimed`.
    await suspender.reclaim(ns);
    await fixtures.deployment(ns, 'redeployed', 2);
    await suspender.suspend(ns, 'debt');
    expect(await fixtures.snapshot(ns)).toMatchObject({
      namespace: { 'tally.dev/state': 'reclaimed' },
      deployments: { redeployed: { replicas: 0, 'tally.dev/saved-replicas': '2' } },
    });

    // A later resume lifts the quota and the marks.
    await suspender.resume(ns);
    expect(await fixtures.snapshot(ns)).toMatchObject({ quotas: [], namespace: {} });
    expect(await fixtures.pvcNames(ns)).toEqual(['data']);
  });

  it('is refused while TALLY_RECLAIM_ENABLED is off, and touches nothing', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender();
    await suspender.suspend(ns, 'debt');
    const before = await fixtures.snapshot(ns);

    await expect(suspender.reclaim(ns)).rejects.toMatchObject({
      reason: SuspensionErrorCode.RECLAIM_DISABLED,
    });
    expect(await fixtures.snapshot(ns)).toEqual(before);
  });

  it('is refused for a namespace that is not suspended', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender(reclaimOn);

    await expect(suspender.reclaim(ns)).rejects.toMatchObject({
      reason: SuspensionErrorCode.NOT_SUSPENDED,
    });
    expect(Object.keys((await fixtures.snapshot(ns)).deployments)).toHaveLength(4);
  });
});

describe('the metering service account', () => {
  it('may not delete namespaces, read secrets or create workloads', async () => {
    const { cluster, fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    const core = cluster.meteringKubeConfig().makeApiClient(CoreV1Api);

    await expect(core.deleteNamespace({ name: ns })).rejects.toMatchObject({ code: 403 });
    await expect(core.listNamespacedSecret({ namespace: ns })).rejects.toMatchObject({ code: 403 });
    await expect(core.readNamespacedSecret({ namespace: ns, name: 'x' })).rejects.toMatchObject({
      code: 403,
    });
    await expect(
      core.createNamespacedPod({
        namespace: ns,
        body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      }),
    ).rejects.toMatchObject({ code: 403 });
    expect(await fixtures.namespaceExists(ns)).toBe(true);
  });

  it('lacks PVC deletion until the ClusterRole grants it: the 403 surfaces, nothing is retried or hidden', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    await fixtures.pvc(ns, 'data');
    const suspender = await ctx.suspender({
      reclaim: { enabled: true, deletePersistentVolumeClaims: true },
    });
    await suspender.suspend(ns, 'debt');

    await expect(suspender.reclaim(ns)).rejects.toMatchObject({ code: 403 });
    expect(await fixtures.pvcNames(ns)).toEqual(['data']);
    // Not marked reclaimed: a re-run, once the permission is granted, finishes the job.
    expect((await fixtures.namespaceAnnotations(ns))['tally.dev/state']).toBe('reclaiming');
  });
});
