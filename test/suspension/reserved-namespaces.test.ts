// The suspender's own refusal of reserved namespaces (defence in depth behind createWorkspace),
// against a real kube-apiserver, as the metering service account: its ClusterRole could scale
// kube-system's Deployments, so only the refusal keeps CoreDNS running.
import { randomBytes } from 'node:crypto';
import { SuspensionErrorCode } from '@tally/metering/suspension/suspension.errors';
import { suspensionSuite } from './suspension-suite';

const ctx = suspensionSuite();
const reclaimOn = { reclaim: { enabled: true, deletePersistentVolumeClaims: false } };

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => 'done',
    (error: { reason?: string; code?: string }) => `${error.code}:${error.reason}`,
  );

describe('reserved namespaces', () => {
  it('never suspends or reclaims kube-system, default or a configured one, and touches nothing', async () => {
    const { fixtures } = ctx;
    const coreDns = `coredns-${randomBytes(4).toString('hex')}`;
    await fixtures.deployment('kube-system', coreDns, 2);
    await fixtures.deployment('default', coreDns, 1);
    const platform = await fixtures.newNamespace('platform');
    await fixtures.deployment(platform, 'console', 3);
    const before = {
      kubeSystem: await fixtures.snapshot('kube-system'),
      default: await fixtures.snapshot('default'),
      platform: await fixtures.snapshot(platform),
    };
    const suspender = await ctx.suspender({ ...reclaimOn, reservedNamespaces: [platform] });

    const refused = `FORBIDDEN:${SuspensionErrorCode.RESERVED_NAMESPACE}`;
    for (const namespace of ['kube-system', 'default', platform]) {
      expect(await refusal(suspender.suspend(namespace, 'debt'))).toBe(refused);
      expect(await refusal(suspender.reclaim(namespace))).toBe(refused);
    }

    // In a batch, the reserved namespace fails on its own and the tenant's is suspended.
    const tenant = await fixtures.newNamespace();
    await fixtures.deployment(tenant, 'web', 2);
    const outcomes = await suspender.suspendAll(['kube-system', tenant], 'debt');
    expect(outcomes.map((o) => [o.namespace, o.ok])).toEqual([
      ['kube-system', false],
      [tenant, true],
    ]);
    expect((await fixtures.get('deployments', tenant, 'web')).spec.replicas).toBe(0);

    expect(await fixtures.snapshot('kube-system')).toEqual(before.kubeSystem);
    expect((await fixtures.get('deployments', 'kube-system', coreDns)).spec.replicas).toBe(2);
    expect(await fixtures.snapshot('default')).toEqual(before.default);
    expect(await fixtures.snapshot(platform)).toEqual(before.platform);
  });
});
