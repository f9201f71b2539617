// Runs one suspender operation in a process of its own, so a test can SIGKILL it midway:
//   KUBECONFIG=... node -r ts-node/register/transpile-only -r tsconfig-paths/register \
//     test/suspension/run-suspender.ts suspend|resume NAMESPACE
import { loadKubeConfig } from '@tally/metering/kube/kube-config';
import { createNamespaceSuspender } from '@tally/metering/suspension/create-namespace-suspender';
import { TEST_SUSPENDER_OPTIONS } from './suspender-options';

async function main(): Promise<void> {
  const [operation, namespace] = process.argv.slice(2);
  const suspender = await createNamespaceSuspender(
    loadKubeConfig(process.env.KUBECONFIG),
    TEST_SUSPENDER_OPTIONS,
  );
  if (operation === 'suspend') await suspender.suspend(namespace, 'debt');
  else if (operation === 'resume') await suspender.resume(namespace);
  else throw new Error(`unknown operation ${operation}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
