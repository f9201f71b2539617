// The Nest provider the debt state machine will inject: built from the metering config alone.
import { Test } from '@nestjs/testing';
import { loadMeteringConfig } from '@tally/metering/metering.config';
import {
  NAMESPACE_SUSPENDER,
  type NamespaceSuspender,
} from '@tally/metering/suspension/namespace-suspender';
import { SuspensionModule } from '@tally/metering/suspension/suspension.module';
import { SuspensionErrorCode } from '@tally/metering/suspension/suspension.errors';
import { suspensionSuite } from './suspension-suite';

const ctx = suspensionSuite();

it('provides NAMESPACE_SUSPENDER on the cluster named by KUBECONFIG, with reclaim off by default', async () => {
  const config = loadMeteringConfig({ KUBECONFIG: ctx.cluster.meteringKubeConfigFile() });
  const moduleRef = await Test.createTestingModule({
    imports: [SuspensionModule.forRoot(config)],
  }).compile();
  const suspender = moduleRef.get<NamespaceSuspender>(NAMESPACE_SUSPENDER);
  const ns = await ctx.fixtures.newNamespace();
  await ctx.fixtures.deployment(ns, 'web', 2);

  await suspender.suspend(ns, 'debt');
  expect((await ctx.fixtures.get('deployments', ns, 'web')).spec.replicas).toBe(0);
  await expect(suspender.reclaim(ns)).rejects.toMatchObject({
    reason: SuspensionErrorCode.RECLAIM_DISABLED,
  });
  await suspender.resume(ns);
  expect((await ctx.fixtures.get('deployments', ns, 'web')).spec.replicas).toBe(2);
  await moduleRef.close();
});

it('refuses a bad setting at start-up', () => {
  expect(() => loadMeteringConfig({ TALLY_RECLAIM_ENABLED: 'yes' })).toThrow(
    /TALLY_RECLAIM_ENABLED/,
  );
});
