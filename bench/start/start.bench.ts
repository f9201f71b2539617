// `npm start` to ready (issue 12), on a warm machine: dependencies installed and kube-apiserver
// already built (~/.cache/tally), as after a first run. The real scripts/start.sh, run as
// test/foundation/start.test.ts runs it (test/support/npm-start.ts: free ports, its own state
// dir and .env), against the bench's freshly migrated database and a Redis of its own.
//  - start.first_ready: a fresh state dir: etcd's first data, certificates, the demo tenants
//    opened. Target <= 60 s. The 7 days of history are generated and loaded with promtool in the
//    background meanwhile, and go on after the banner:
//  - start.first_history_loaded: until npm start says Prometheus serves that history;
//  - start.first_history_settled: until the simulator has settled its 168 hours.
//  - start.restart_ready: the same state dir again (history kept, tenants there). Target <= 60 s.
//  - start.stop: Ctrl-C until every process is gone.
// "Ready" is the banner: every app's /readyz answers and the simulator serves /metrics.
// The first run on a fresh machine adds `npm ci` and the kube-apiserver build (recorded by
// hand in bench/RESULTS.md: no cheap way to simulate a cold Go build here).
import { NpmStart } from '@tally/test/support/npm-start';
import { RedisServer } from '@tally/test/support/redis-server';
import { baseline } from '../lib/baseline';
import { report } from '../lib/report';

const TARGET_SECONDS = 60;
const TIMEOUT_MS = 600_000;

async function main(): Promise<void> {
  const redis = await RedisServer.start();
  const { databaseUrl } = baseline();
  let start: NpmStart | undefined;
  try {
    start = await NpmStart.launch({ databaseUrl, redisUrl: redis.url });
    const firstMs = await start.ready(TIMEOUT_MS);
    // The restart below must find the history in place, as a user's second start does.
    const loadedMs = await since(start, /\[tally\] +\d+s history loaded: /);
    const settledMs = await since(start, /settled \d+ hours of history/);
    printSteps(start);
    const stopMs = await stop(start);

    const { stateDir, ports } = start;
    start = await NpmStart.launch({ databaseUrl, redisUrl: redis.url, stateDir, ports });
    const restartMs = await start.ready(TIMEOUT_MS);
    await stop(start);

    report({ name: 'start.first_ready', value: firstMs / 1000, unit: 's', max: TARGET_SECONDS });
    report({ name: 'start.first_history_loaded', value: loadedMs / 1000, unit: 's' });
    report({ name: 'start.first_history_settled', value: settledMs / 1000, unit: 's' });
    report({
      name: 'start.restart_ready',
      value: restartMs / 1000,
      unit: 's',
      max: TARGET_SECONDS,
    });
    report({ name: 'start.stop', value: stopMs / 1000, unit: 's' });
  } finally {
    await start?.destroy();
    await redis.stop();
  }
}

/** Milliseconds from launch until its output matches `pattern`. */
async function since(start: NpmStart, pattern: RegExp): Promise<number> {
  await start.printed(pattern, TIMEOUT_MS);
  return Date.now() - start.startedAt;
}

/** Ctrl-C, then waits until none of its processes is left; milliseconds. */
async function stop(start: NpmStart): Promise<number> {
  const running = [...start.processes().keys()];
  const t0 = Date.now();
  await start.interrupt();
  await start.gone(running);
  return Date.now() - t0;
}

function printSteps(start: NpmStart): void {
  const steps = start.steps().map((line) => `  ${line}`);
  process.stdout.write(`first start, step by step:\n${steps.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
