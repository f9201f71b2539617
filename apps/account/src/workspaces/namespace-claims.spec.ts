import { DomainError, ErrorCode } from '@tally/errors';
import { FakeClusterNamespaces } from '@tally/testing';
import { loadAccountConfig } from '../account.config';
import { NamespaceClaims } from './namespace-claims';

const TENANT = 'tenant-1';

const failure = async (call: () => unknown) => {
  try {
    await call();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...error.details };
    throw error;
  }
  return 'ok';
};

describe('NamespaceClaims', () => {
  const cluster = new FakeClusterNamespaces({
    'pre-made': { exists: true, tenantLabel: TENANT },
    unlabelled: { exists: true, tenantLabel: null },
    theirs: { exists: true, tenantLabel: 'tenant-2' },
    unreachable: new DomainError(ErrorCode.INTERNAL, 'The metering service is unreachable'),
  });
  const claims = (env: Record<string, string> = {}) =>
    new NamespaceClaims(loadAccountConfig({ NODE_ENV: 'test', ...env }), cluster);

  it.each(['kube-system', 'kube-public', 'kube-node-lease', 'default', 'tally-system'])(
    'refuses the reserved namespace %s with BAD_USER_INPUT',
    async (namespace) => {
      expect(await failure(() => claims().assertNotReserved(namespace))).toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'RESERVED_NAMESPACE',
      });
    },
  );

  it('refuses what TALLY_RESERVED_NAMESPACES adds, and nothing else', async () => {
    const configured = claims({ TALLY_RESERVED_NAMESPACES: 'monitoring,openshift-*' });
    expect(await failure(() => configured.assertNotReserved('openshift-dns'))).toMatchObject({
      reason: 'RESERVED_NAMESPACE',
    });
    expect(await failure(() => configured.assertNotReserved('team-a'))).toBe('ok');
  });

  it('admits a namespace the cluster does not have, or has labelled for this tenant', async () => {
    expect(await failure(() => claims().assertClaimable('brand-new', TENANT))).toBe('ok');
    expect(await failure(() => claims().assertClaimable('pre-made', TENANT))).toBe('ok');
  });

  it.each(['unlabelled', 'theirs'])(
    'refuses %s, which exists without this tenant’s label, with CONFLICT',
    async (namespace) => {
      expect(await failure(() => claims().assertClaimable(namespace, TENANT))).toMatchObject({
        code: ErrorCode.CONFLICT,
        reason: 'NAMESPACE_NOT_TENANTS',
      });
    },
  );

  it('fails closed, retryable, when the cluster cannot be asked', async () => {
    expect(await failure(() => claims().assertClaimable('unreachable', TENANT))).toMatchObject({
      code: ErrorCode.INTERNAL,
      reason: 'CLUSTER_UNAVAILABLE',
      retryable: true,
    });
  });

  it('asks no cluster with TALLY_NAMESPACE_CLUSTER_CHECK=off, which production refuses', async () => {
    cluster.asked.length = 0;
    const off = claims({ TALLY_NAMESPACE_CLUSTER_CHECK: 'off' });
    expect(await failure(() => off.assertClaimable('unlabelled', TENANT))).toBe('ok');
    expect(cluster.asked).toEqual([]);
    expect(() =>
      loadAccountConfig({ NODE_ENV: 'production', TALLY_NAMESPACE_CLUSTER_CHECK: 'off' }),
    ).toThrow(/TALLY_NAMESPACE_CLUSTER_CHECK: must be required when NODE_ENV=production/);
  });
});
