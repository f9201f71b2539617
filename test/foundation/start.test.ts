// `npm start` itself (scripts/start.sh), run as a user runs it, in a temporary state dir on free
// ports: it comes up with its API server, Prometheus, apps and simulator, prints the banner,
// answers GraphQL, gives metering no more than k8s/metering-rbac.yaml, overrides what an old
// .env contradicts, and after Ctrl-C leaves no process behind. A short history (1 day, not 7)
// keeps the first start's backfill quick; it still goes through promtool, in the background.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import { DemoCredentials } from '@tally/simulator/tenants/demo-credentials';
import { GatewayClient } from '@tally/simulator/tenants/gateway-client';
import { createScratchDatabase, TestDatabase } from '../setup/test-database';
import { readMeteringRbac } from '../support/kube-control-plane';
import { environOf, NpmStart } from '../support/npm-start';
import { waitFor } from '../support/ports';
import { RedisServer } from '../support/redis-server';

// A build (incremental), migrations, etcd + kube-apiserver, Prometheus, four apps and the
// simulator opening its tenants, on 2 shared cores.
const READY_TIMEOUT_MS = 240_000;
jest.setTimeout(READY_TIMEOUT_MS + 60_000);

interface Target {
  labels: { job: string; instance: string };
  health: string;
}

const statusOf = async (call: () => Promise<unknown>): Promise<number> => {
  try {
    await call();
    return 200;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
};

describe('npm start', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let start: NpmStart;
  let readyMs: number;

  beforeAll(async () => {
    database = await createScratchDatabase();
    redis = await RedisServer.start();
    start = await NpmStart.launch({
      databaseUrl: database.url,
      redisUrl: redis.url,
      // An .env from before npm start ran a cluster (as .env.example said then).
      envFile: ['NODE_ENV=development', 'TALLY_NAMESPACE_CLUSTER_CHECK=off'],
      env: { TALLY_HISTORY_DAYS: '1' },
    });
    readyMs = await start.ready(READY_TIMEOUT_MS);
    process.stdout.write(
      `npm start was ready after ${(readyMs / 1000).toFixed(1)} s:\n${start.steps().join('\n')}\n`,
    );
  });

  afterAll(async () => {
    // Kept for whoever reads a failure: everything npm start, the apps and the simulator printed.
    if (start) {
      mkdirSync(join(__dirname, '..', '..', '.tally'), { recursive: true });
      writeFileSync(join(__dirname, '..', '..', '.tally', 'start-test.log'), start.log);
    }
    await start?.destroy();
    await redis?.stop();
    await database?.drop();
  });

  const meteringKubeConfig = () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(join(start.stateDir, 'kube', 'metering.kubeconfig'));
    return kubeConfig;
  };
  const credentials = () =>
    JSON.parse(
      readFileSync(join(start.stateDir, 'demo-credentials.json'), 'utf8'),
    ) as DemoCredentials;

  it('prints a banner with every URL, the credentials file and how to stop', () => {
    const banner = start.log.slice(start.log.indexOf('[tally] ready after'));
    const api = start.url('gateway');
    for (const expected of [
      `${api}/graphql`,
      start.url('prometheus'),
      start.kubeServer,
      join(start.stateDir, 'kube', 'admin.kubeconfig'),
      `${api}/checkout/`,
      `${api}/console`,
      join(start.stateDir, 'demo-credentials.json'),
      'Ctrl-C stops',
    ]) {
      expect(banner).toContain(expected);
    }
  });

  it('runs a Kubernetes API server, on which metering has exactly its ClusterRole', async () => {
    const metering = meteringKubeConfig();
    expect(metering.getCurrentCluster()?.server).toBe(start.kubeServer);
    const version = await metering.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.20.2');

    // Not admin: no cluster roles, no secrets.
    const rbac = metering.makeApiClient(RbacAuthorizationV1Api);
    const core = metering.makeApiClient(CoreV1Api);
    expect(
      await statusOf(() =>
        rbac.createClusterRole({ body: { metadata: { name: 'tally-start-test' } } }),
      ),
    ).toBe(403);
    expect(await statusOf(() => core.listNamespacedSecret({ namespace: 'kube-system' }))).toBe(403);

    // Yet every verb of every rule of the manifest, as the API server itself judges it.
    const authorization = metering.makeApiClient(AuthorizationV1Api);
    const allowed = async (group: string, resource: string, verb: string) => {
      const review = await authorization.createSelfSubjectAccessReview({
        body: { spec: { resourceAttributes: { group, resource, verb, namespace: 'acme-shop' } } },
      });
      return `${group}/${resource} ${verb}: ${review.status?.allowed ? 'allowed' : 'denied'}`;
    };
    const granted = readMeteringRbac().role.rules!.flatMap((rule) =>
      rule.apiGroups!.flatMap((group) =>
        rule.resources!.flatMap((resource) =>
          rule.verbs.map((verb) => ({ group, resource, verb })),
        ),
      ),
    );
    const answers = await Promise.all(
      granted.map(({ group, resource, verb }) => allowed(group, resource, verb)),
    );
    expect(answers).toEqual(
      granted.map(({ group, resource, verb }) => `${group}/${resource} ${verb}: allowed`),
    );
    expect(await allowed('apps', 'deployments', 'delete')).toBe('apps/deployments delete: denied');
    // And the simulator's pods are there for it to read.
    await waitFor(
      'the pods of acme-shop, read with the metering token',
      async () => {
        const pods = await core.listNamespacedPod({ namespace: 'acme-shop' });
        return pods.items.length > 0 ? true : undefined;
        // The simulator's pod controller starts after the tenants are open: slow on busy cores.
      },
      60_000,
    );
  });

  it('runs Prometheus, which scrapes the four apps and the simulator, with the history loaded', async () => {
    const targets = await waitFor(
      'every scrape target up',
      async () => {
        const response = await fetch(`${start.url('prometheus')}/api/v1/targets`);
        const body = (await response.json()) as { data: { activeTargets: Target[] } };
        const up = body.data.activeTargets.filter((target) => target.health === 'up');
        return up.length === 5 ? up : undefined;
      },
      60_000,
      500,
    );
    const port = (name: keyof NpmStart['ports']) => `127.0.0.1:${start.ports[name]}`;
    expect(targets.map(({ labels }) => `${labels.job} ${labels.instance}`).sort()).toEqual(
      [
        `simulator ${port('simulatorMetrics')}`,
        ...(['gateway', 'account', 'billing', 'metering'] as const).map(
          (app) => `tally ${port(app)}`,
        ),
      ].sort(),
    );

    // The first start imports the history in the background; it says when Prometheus has it.
    await start.printed(/\[tally\] +\d+s history loaded: Prometheus has /, 180_000);
    // Twelve hours ago is before this Prometheus existed: only the backfill can answer.
    const at = Math.floor(Date.now() / 1000) - 12 * 3600;
    const query = encodeURIComponent(
      'count(last_over_time(container_cpu_usage_seconds_total[10m]))',
    );
    const response = await fetch(
      `${start.url('prometheus')}/api/v1/query?query=${query}&time=${at}`,
    );
    const body = (await response.json()) as { data: { result: { value: [number, string] }[] } };
    expect(Number(body.data.result[0]?.value[1] ?? 0)).toBeGreaterThan(0);
  });

  it('answers a first GraphQL query with the demo credentials it wrote', async () => {
    const { gatewayUrl, tenants } = credentials();
    expect(gatewayUrl).toBe(start.url('gateway'));
    const acme = tenants.find((tenant) => tenant.key === 'acme')!;
    const { me } = await new GatewayClient(gatewayUrl).request<{
      me: { memberships: { role: string; tenant: { name: string } }[] };
    }>('me', acme.members[0].jwt, '{ me { memberships { role tenant { name } } } }');
    expect(me.memberships).toEqual([{ role: 'OWNER', tenant: { name: 'Acme Robotics' } }]);
  });

  it('serves the console it built at /console', async () => {
    const page = await fetch(`${start.url('gateway')}/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
  });

  it("overrides an old .env's TALLY_NAMESPACE_CLUSTER_CHECK=off, saying so", () => {
    expect(start.log).toContain(
      `warning: TALLY_NAMESPACE_CLUSTER_CHECK=off (in ${join(start.stateDir, '.env')}) is overridden with required`,
    );
    const account = [...start.processes()].find(([, command]) =>
      command.endsWith('run-app.js account'),
    );
    expect(account).toBeDefined();
    expect(environOf(account![0]).TALLY_NAMESPACE_CLUSTER_CHECK).toBe('required');
  });

  // Last: it stops everything.
  it('stops every process it started on Ctrl-C, and frees every port', async () => {
    const running = start.processes();
    const names = [...running.values()].join('\n');
    for (const expected of [
      'etcd',
      'kube-apiserver',
      'prometheus',
      'run-app.js gateway',
      'run-app.js simulator run',
    ])
      expect(names).toContain(expected);

    await start.interrupt();
    // npm has exited; the servers it started in their own sessions are reaped a moment later.
    await start.gone(running.keys());
    await start.printed(/\[tally\] +\d+s all apps stopped/);
    await start.printed(/\[tally\] +\d+s stopped prometheus kube-apiserver etcd/);
  });
});
