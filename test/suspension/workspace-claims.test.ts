// createWorkspace asks the real cluster (through metering, as its service account) whether
// the namespace already exists and whose it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { outcome, type GraphQLReply } from '../identity/identity-fixtures';
import { GatewaySuite } from '../support/gateway-suite';
import { KubeCluster } from '../support/kube-cluster';
import { freePort } from '../support/ports';
import { NamespaceFixtures } from './namespace-fixtures';

const CREATE_WS = `mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { namespace } }`;
const WORKSPACE = `query ($ns: String!) { workspace(namespace: $ns) { namespace } }`;

describe('createWorkspace and the namespaces already in the cluster', () => {
  const suite = new GatewaySuite();
  let kube: KubeCluster;
  let fixtures: NamespaceFixtures;
  let tenant: Awaited<ReturnType<GatewaySuite['newTenant']>>;

  beforeAll(async () => {
    kube = await KubeCluster.start();
    fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    await suite.start(['gateway', 'account', 'billing', 'metering'], {
      KUBECONFIG: kube.meteringKubeConfigFile(),
      TALLY_NAMESPACE_CLUSTER_CHECK: 'required',
    });
    tenant = await suite.newTenant('Claims');
  }, 90_000);
  afterAll(async () => {
    await suite.stop();
    await kube?.stop();
  });

  const create = (namespace: string) =>
    suite.gql(tenant.owner, CREATE_WS, { input: { tenantId: tenant.id, namespace } });
  const workspaceExists = async (namespace: string) =>
    (await suite.gql<{ workspace: unknown }>(tenant.owner, WORKSPACE, { ns: namespace })).data!
      .workspace !== null;
  const details = (reply: GraphQLReply<unknown>) => reply.errors?.[0]?.extensions;

  it('takes a namespace the cluster does not have yet, or one labelled for the tenant', async () => {
    const fresh = `fresh-${Date.now().toString(36)}`;
    expect(outcome(await create(fresh))).toBe('OK');
    const premade = await fixtures.newNamespace('premade', tenant.id);
    expect(outcome(await create(premade))).toBe('OK');
  });

  it('refuses with CONFLICT a namespace that exists without the tenant’s label', async () => {
    const other = await suite.newTenant('Other');
    const unlabelled = await fixtures.newNamespace('someone');
    const theirs = await fixtures.newNamespace('theirs', other.id);
    for (const namespace of [unlabelled, theirs]) {
      const reply = await create(namespace);
      expect(outcome(reply)).toBe('CONFLICT');
      expect(details(reply)).toMatchObject({ reason: 'NAMESPACE_NOT_TENANTS', namespace });
      expect(reply.errors![0].message).toMatch(/tally\.dev\/tenant=<tenant id>/);
      expect(await workspaceExists(namespace)).toBe(false);
    }
  });

  it('refuses kube-system before asking the cluster, which has it', async () => {
    const reply = await create('kube-system');
    expect(outcome(reply)).toBe('BAD_USER_INPUT');
    expect(details(reply)).toMatchObject({ reason: 'RESERVED_NAMESPACE' });
  });

  it('fails closed, with a retryable error, when the API server cannot be reached', async () => {
    // The same credentials, pointed at a port nothing listens on.
    const dead = `${kube.meteringKubeConfigFile()}.dead`;
    const config = readFileSync(kube.meteringKubeConfigFile(), 'utf8');
    writeFileSync(
      dead,
      config.replace(/https:\/\/127\.0\.0\.1:\d+/g, `https://127.0.0.1:${await freePort()}`),
    );
    await suite.cluster.restart('metering', { KUBECONFIG: dead });

    const namespace = `unchecked-${Date.now().toString(36)}`;
    const reply = await create(namespace);
    expect(outcome(reply)).toBe('INTERNAL');
    expect(details(reply)).toMatchObject({
      reason: 'CLUSTER_UNAVAILABLE',
      retryable: true,
      namespace,
    });
    expect(await workspaceExists(namespace)).toBe(false);

    await suite.cluster.restart('metering', { KUBECONFIG: kube.meteringKubeConfigFile() });
    expect(outcome(await create(namespace))).toBe('OK');
  });
});
