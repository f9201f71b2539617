import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { defaultTransportPrefix } from '@tally/config';
import { RpcSampleSink } from '@tally/metering/agent/rpc-sample-sink';
import { CgroupAgent } from '@tally/metering/sources/cgroup-agent/cgroup-agent';
import { kubernetesPodLister } from '@tally/metering/sources/cgroup-agent/kubernetes-pod-lister';
import { CachedPodNamespaces } from '@tally/metering/sources/cgroup-agent/pod-namespaces';
import { Metrics } from '@tally/observability';
import { RpcClient } from '@tally/transport';
import { AppCluster } from '../support/app-processes';
import { KubeCluster } from '../support/kube-cluster';
import { MeteringContext } from '../support/metering-context';
import { RedisServer } from '../support/redis-server';
import { NamespaceFixtures } from '../suspension/namespace-fixtures';

const NODE = 'node-a';
const GIB = 2n ** 30n;

/**
 * The node agent end to end: real cgroup v2 files (a fixture tree), pod UIDs resolved to
 * namespaces through a real kube-apiserver with the metering account's RBAC, and minute
 * samples delivered over the message transport into a running metering service's database.
 * Only the clock is the test's, so two minutes take no time.
 */
describe('the cgroup agent delivers minute samples to the metering service', () => {
  let kube: KubeCluster;
  let redis: RedisServer;
  let cluster: AppCluster;
  let rpc: RpcClient;
  const metering = MeteringContext.create();
  let root: string;

  beforeAll(async () => {
    kube = await KubeCluster.start();
    redis = await RedisServer.start();
    cluster = await AppCluster.start(['metering'], {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: redis.url,
    });
    rpc = new RpcClient(
      {
        redisUrl: redis.url,
        prefix: defaultTransportPrefix(process.env.DATABASE_URL),
        timeoutMs: 10_000,
      },
      new Metrics(),
    );
    root = await mkdtemp(join(tmpdir(), 'tally-cgroup-'));
  }, 90_000);
  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await metering.close();
    await cluster?.stop();
    await redis?.stop();
    await kube?.stop();
    await rm(root, { recursive: true, force: true });
  });

  async function podOnNode(namespace: string): Promise<string> {
    const core = kube.adminKubeConfig().makeApiClient(CoreV1Api);
    const pod = await core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name: 'app' },
        spec: { nodeName: NODE, containers: [{ name: 'app', image: 'example/app:1' }] },
      },
    });
    return pod.metadata!.uid!;
  }

  async function writePod(uid: string, usageUsec: bigint, memoryBytes: bigint): Promise<void> {
    const dir = join(
      root,
      'kubepods.slice/kubepods-burstable.slice',
      `kubepods-burstable-pod${uid.replace(/-/g, '_')}.slice`,
    );
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'cpu.stat'), `usage_usec ${usageUsec}\nuser_usec 1\nsystem_usec 1\n`);
    await writeFile(join(dir, 'memory.current'), `${memoryBytes}\n`);
  }

  async function stored(namespace: string) {
    const { rows } = await metering.prisma.pool.query<{
      resource: string;
      minute: Date;
      quantity: string;
    }>(
      `SELECT resource, minute, quantity::text FROM metering.usage_samples
        WHERE source = 'agent' AND namespace = $1 ORDER BY minute, resource`,
      [namespace],
    );
    return rows.map((row) => [row.minute.toISOString(), row.resource, row.quantity]);
  }

  it('charges each minute its CPU increase and held memory, and a restart never goes negative', async () => {
    const fixtures = new NamespaceFixtures(kube.adminKubeConfig());
    const namespace = await fixtures.newNamespace('agent');
    const uid = await podOnNode(namespace);
    let now = new Date('2026-11-20T10:00:30Z');
    const agent = new CgroupAgent(
      root,
      new CachedPodNamespaces(kubernetesPodLister(NODE, kube.meteringKubeConfigFile())),
      new RpcSampleSink(rpc),
      () => now,
    );

    await writePod(uid, 1_000_000n, GIB);
    await agent.tick(); // the baseline
    await writePod(uid, 61_000_000n, GIB); // one core for the minute
    now = new Date('2026-11-20T10:01:30Z');
    await agent.tick();
    // The container restarted (5 s counted since) and now holds 2 GiB; the minute is charged
    // the memory read when it began (held until the next reading).
    await writePod(uid, 5_000_000n, 2n * GIB);
    now = new Date('2026-11-20T10:02:30Z');
    await agent.tick();

    expect(await stored(namespace)).toEqual([
      ['2026-11-20T10:00:00.000Z', 'CPU', '60000000'],
      ['2026-11-20T10:00:00.000Z', 'MEMORY', String(GIB * 60n)],
      ['2026-11-20T10:01:00.000Z', 'CPU', '5000000'],
      ['2026-11-20T10:01:00.000Z', 'MEMORY', String(GIB * 60n)],
    ]);
  });
});
