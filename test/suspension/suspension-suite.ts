import {
  createNamespaceSuspender,
  type SuspenderOptions,
} from '@tally/metering/suspension/create-namespace-suspender';
import { KubeCluster } from '../support/kube-cluster';
import { NamespaceFixtures } from './namespace-fixtures';
import { TEST_SUSPENDER_OPTIONS } from './suspender-options';

/** One cluster per test file; the suspender always runs as the metering service account. */
export function suspensionSuite() {
  const ctx = {} as {
    cluster: KubeCluster;
    fixtures: NamespaceFixtures;
    suspender: (options?: Partial<SuspenderOptions>) => ReturnType<typeof createNamespaceSuspender>;
  };
  beforeAll(async () => {
    ctx.cluster = await KubeCluster.start();
    ctx.fixtures = new NamespaceFixtures(ctx.cluster.adminKubeConfig());
    ctx.suspender = (options = {}) =>
      createNamespaceSuspender(ctx.cluster.meteringKubeConfig(), {
        ...TEST_SUSPENDER_OPTIONS,
        ...options,
      });
  }, 90_000);
  afterAll(async () => {
    await ctx.cluster?.stop();
  });
  return ctx;
}
