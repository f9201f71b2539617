// Suspend and resume against a real kube-apiserver 1.20, as the metering service account with
// exactly the ClusterRole of k8s/metering-rbac.yaml.
import { SuspensionErrorCode } from '@tally/metering/suspension/suspension.errors';
import { suspensionSuite } from './suspension-suite';

const ctx = suspensionSuite();

describe('suspend', () => {
  it('stops every workload, saves what it had, and marks the namespace suspended', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender();

    await suspender.suspend(ns, 'debt');

    const annotations = await fixtures.namespaceAnnotations(ns);
    expect(annotations['tally.dev/state']).toBe('suspended');
    expect(annotations['tally.dev/reason']).toBe('debt');
    expect(Date.parse(annotations['tally.dev/suspended-at'])).toBeGreaterThan(Date.now() - 60_000);
    const snapshot = await fixtures.snapshot(ns);
    expect(snapshot.quotas).toEqual([
      {
        name: 'tally-suspended',
        hard: {
          pods: '0',
          'requests.cpu': '0',
          'requests.memory': '0',
          'limits.cpu': '0',
          'limits.memory': '0',
          'requests.storage': '0',
          persistentvolumeclaims: '0',
        },
      },
    ]);
    expect(snapshot.deployments).toEqual({
      web: { replicas: 0, 'tally.dev/saved-replicas': '3' },
      worker: { replicas: 0, 'tally.dev/saved-replicas': '2' },
      idle: { replicas: 0, 'tally.dev/saved-replicas': '0' },
      // The server defaulted the missing field to 1 at creation.
      defaulted: { replicas: 0, 'tally.dev/saved-replicas': '1' },
    });
    expect(snapshot.statefulsets).toEqual({
      db: { replicas: 0, 'tally.dev/saved-replicas': '2' },
      cache: { replicas: 0, 'tally.dev/saved-replicas': '1' },
    });
    expect(snapshot.cronjobs).toEqual({
      report: { suspend: true, 'tally.dev/saved-suspend': 'false' },
      paused: { suspend: true, 'tally.dev/saved-suspend': 'true' },
    });
    expect(snapshot.hpas).toEqual({});
    expect(Object.keys(snapshot.namespace).sort()).toEqual([
      'hpa.tally.dev/db',
      'hpa.tally.dev/web',
      'tally.dev/reason',
      'tally.dev/state',
    ]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender();
    await suspender.suspend(ns, 'debt');
    const once = await fixtures.snapshot(ns);
    const suspendedAt = (await fixtures.namespaceAnnotations(ns))['tally.dev/suspended-at'];

    await suspender.suspend(ns, 'debt');

    expect(await fixtures.snapshot(ns)).toEqual(once);
    expect((await fixtures.namespaceAnnotations(ns))['tally.dev/suspended-at']).toBe(suspendedAt);
  });

  it('suspends, on the next run (sweep), workloads created while suspended', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender();
    await suspender.suspend(ns, 'debt');

    await fixtures.deployment(ns, 'late', 4);
    await fixtures.cronJob(ns, 'late', false);
    await fixtures.hpa(
      ns,
      'late',
      { kind: 'Deployment', name: 'late' },
      { min: 4, max: 9, cpu: 50 },
    );
    await suspender.suspend(ns, 'debt');

    const snapshot = await fixtures.snapshot(ns);
    expect(snapshot.deployments.late).toEqual({ replicas: 0, 'tally.dev/saved-replicas': '4' });
    expect(snapshot.cronjobs.late).toEqual({ suspend: true, 'tally.dev/saved-suspend': 'false' });
    expect(snapshot.hpas).toEqual({});

    await suspender.resume(ns);
    expect((await fixtures.get('deployments', ns, 'late')).spec.replicas).toBe(4);
    expect((await fixtures.get('cronjobs', ns, 'late')).spec.suspend).toBe(false);
    expect((await fixtures.get('horizontalpodautoscalers', ns, 'late')).spec).toMatchObject({
      minReplicas: 4,
      maxReplicas: 9,
    });
  });

  it("takes a tenant's change to a suspended object as the value to restore, and suspends it again", async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const suspender = await ctx.suspender();
    await suspender.suspend(ns, 'debt');

    // The tenant (or their CD pipeline) scales up and unpauses while suspended.
    await fixtures.patch('deployments', ns, 'web', { spec: { replicas: 5 } });
    await fixtures.patch('cronjobs', ns, 'paused', { spec: { suspend: false } });
    // Scaling to 0 by hand looks like suspension itself: the saved value stays.
    await suspender.suspend(ns, 'debt');

    const snapshot = await fixtures.snapshot(ns);
    expect(snapshot.deployments.web).toEqual({ replicas: 0, 'tally.dev/saved-replicas': '5' });
    expect(snapshot.cronjobs.paused).toEqual({ suspend: true, 'tally.dev/saved-suspend': 'false' });

    await suspender.resume(ns);
    expect((await fixtures.get('deployments', ns, 'web')).spec.replicas).toBe(5);
    expect((await fixtures.get('cronjobs', ns, 'paused')).spec.suspend).toBe(false);
    expect((await fixtures.get('deployments', ns, 'worker')).spec.replicas).toBe(2);
  });

  it('fails with NAMESPACE_NOT_FOUND for a namespace that does not exist', async () => {
    const suspender = await ctx.suspender();
    await expect(suspender.suspend('no-such-namespace', 'debt')).rejects.toMatchObject({
      reason: SuspensionErrorCode.NAMESPACE_NOT_FOUND,
    });
  });
});

describe('resume', () => {
  it('restores exactly what was saved and leaves no trace of the suspension', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const before = await fixtures.snapshot(ns);
    const suspender = await ctx.suspender();
    await suspender.suspend(ns, 'debt');

    await suspender.resume(ns);

    const after = await fixtures.snapshot(ns);
    expect(after).toEqual(before);
    // Spelled out, so a broken snapshot() cannot hide a wrong restore.
    expect(after.deployments).toEqual({
      web: { replicas: 3 },
      worker: { replicas: 2 },
      idle: { replicas: 0 },
      defaulted: { replicas: 1 },
    });
    expect(after.statefulsets).toEqual({ db: { replicas: 2 }, cache: { replicas: 1 } });
    expect(after.cronjobs).toEqual({ report: { suspend: false }, paused: { suspend: true } });
    expect(after.hpas.web).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 7,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } },
        },
      ],
    });
    expect(after.hpas.db).toMatchObject({ minReplicas: 1, maxReplicas: 3 });
    expect(after.quotas).toEqual([]);
    expect(await fixtures.namespaceAnnotations(ns)).toEqual({});
  });

  it('is idempotent, and passes over a namespace that was never suspended', async () => {
    const { fixtures } = ctx;
    const ns = await fixtures.newNamespace();
    await fixtures.populate(ns);
    const before = await fixtures.snapshot(ns);
    const suspender = await ctx.suspender();

    await suspender.resume(ns);
    expect(await fixtures.snapshot(ns)).toEqual(before);

    await suspender.suspend(ns, 'debt');
    await suspender.resume(ns);
    await suspender.resume(ns);
    expect(await fixtures.snapshot(ns)).toEqual(before);
  });
});

describe('many namespaces', () => {
  it('one failing namespace does not stop the others', async () => {
    const { fixtures } = ctx;
    const [a, b] = [await fixtures.newNamespace(), await fixtures.newNamespace()];
    await fixtures.populate(a);
    await fixtures.populate(b);
    const suspender = await ctx.suspender({ concurrency: 2 });

    const outcomes = await suspender.suspendAll([a, 'no-such-namespace', b], 'debt');

    expect(outcomes.map((o) => [o.namespace, o.ok])).toEqual([
      [a, true],
      ['no-such-namespace', false],
      [b, true],
    ]);
    expect(outcomes[1]).toMatchObject({
      error: { reason: SuspensionErrorCode.NAMESPACE_NOT_FOUND },
    });
    for (const ns of [a, b]) {
      expect((await fixtures.namespaceAnnotations(ns))['tally.dev/state']).toBe('suspended');
    }
    const resumed = await suspender.resumeAll([a, 'no-such-namespace', b]);
    expect(resumed.map((o) => o.ok)).toEqual([true, false, true]);
  });
});
