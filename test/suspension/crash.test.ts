// A suspender killed (SIGKILL) halfway through suspend or resume leaves a state from which a
// re-run ends exactly where an uninterrupted run would have.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '../support/ports';
import type { NamespaceFixtures } from './namespace-fixtures';
import { suspensionSuite } from './suspension-suite';

const ctx = suspensionSuite();
const root = join(__dirname, '..', '..');

// Enough objects that the child is still working when the test sees its first changes.
async function populateMany(fixtures: NamespaceFixtures, ns: string): Promise<void> {
  const all: Promise<void>[] = [];
  for (let i = 0; i < 60; i++) all.push(fixtures.deployment(ns, `d-${i}`, (i % 4) + 1));
  for (let i = 0; i < 20; i++) all.push(fixtures.statefulSet(ns, `s-${i}`, (i % 3) + 1));
  for (let i = 0; i < 20; i++) all.push(fixtures.cronJob(ns, `c-${i}`, i % 3 === 0));
  for (let i = 0; i < 10; i++) {
    const range = { min: 1 + (i % 3), max: 5 + i, cpu: 50 + i };
    all.push(fixtures.hpa(ns, `h-${i}`, { kind: 'Deployment', name: `d-${i}` }, range));
  }
  await Promise.all(all);
}

/** Starts `operation` in a child process and SIGKILLs it once `midway` holds. */
async function killMidway(
  operation: 'suspend' | 'resume',
  ns: string,
  midway: () => Promise<boolean>,
): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'run-suspender.ts'),
      operation,
      ns,
    ],
    {
      cwd: root,
      env: { ...process.env, KUBECONFIG: ctx.cluster.meteringKubeConfigFile() },
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await waitFor(
      `${operation} to be midway`,
      async () => ((await midway()) ? true : undefined),
      30_000,
      10,
    );
  } finally {
    child.kill('SIGKILL');
  }
  // Killed, not finished: otherwise this test would prove nothing.
  expect(await exited).toBeNull();
}

it('a suspend killed halfway and re-run ends as a clean suspend; resume then restores everything', async () => {
  const { fixtures } = ctx;
  const [crashed, clean] = [
    await fixtures.newNamespace('crashed'),
    await fixtures.newNamespace('clean'),
  ];
  await Promise.all([populateMany(fixtures, crashed), populateMany(fixtures, clean)]);
  const original = await fixtures.snapshot(crashed);
  const suspender = await ctx.suspender();
  await suspender.suspend(clean, 'debt');

  await killMidway('suspend', crashed, async () => {
    const deployments = await fixtures.list('deployments', crashed);
    return deployments.filter((d) => d.spec.replicas === 0).length >= 10;
  });
  const halfway = await fixtures.snapshot(crashed);
  expect(halfway.namespace['tally.dev/state']).toBe('suspending');
  expect(Object.values(halfway.statefulsets).some((s) => s.replicas !== 0)).toBe(true);

  await suspender.suspend(crashed, 'debt');
  expect(await fixtures.snapshot(crashed)).toEqual(await fixtures.snapshot(clean));

  await suspender.resume(crashed);
  expect(await fixtures.snapshot(crashed)).toEqual(original);
});

it('a resume killed halfway and re-run restores everything', async () => {
  const { fixtures } = ctx;
  const ns = await fixtures.newNamespace('crashed');
  await populateMany(fixtures, ns);
  const original = await fixtures.snapshot(ns);
  const suspender = await ctx.suspender();
  await suspender.suspend(ns, 'debt');

  await killMidway('resume', ns, async () => {
    const deployments = await fixtures.list('deployments', ns);
    return deployments.filter((d) => d.spec.replicas !== 0).length >= 10;
  });
  const halfway = await fixtures.snapshot(ns);
  expect(halfway.namespace['tally.dev/state']).toBe('resuming');
  // CronJobs come last: some still carry what suspend saved.
  expect(Object.values(halfway.cronjobs).some((c) => 'tally.dev/saved-suspend' in c)).toBe(true);

  await suspender.resume(ns);
  expect(await fixtures.snapshot(ns)).toEqual(original);
});
