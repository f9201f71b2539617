import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  apiServerBinary,
  apiServerCaFile,
  apiServerUrl,
  applyMeteringRbac,
  etcdArgs,
  etcdBinary,
  etcdUrl,
  prepareApiServer,
  tokenKubeConfig,
  waitForApiServer,
  waitForEtcd,
} from './kube-control-plane';
import { freePort } from './ports';

export { METERING_RBAC_FILE } from './kube-control-plane';
/**
 * The user the metering token authenticates as: the name Kubernetes gives the manifest's
 * ServiceAccount, so the manifest's own ClusterRoleBinding (subject: that ServiceAccount)
 * applies to it. It is in no group, so it has nothing beyond that binding and the
 * discovery/health endpoints every authenticated user may read.
 */
export const METERING_USER = 'system:serviceaccount:tally-system:tally-metering';

/**
 * A real etcd and kube-apiserver 1.20 of the test's own (free ports, a temporary directory),
 * with RBAC on and two users: an admin (system:masters) for fixtures, and the metering
 * service account with exactly the ClusterRole that k8s/metering-rbac.yaml ships. There is no
 * controller-manager: Deployments create no pods, and nothing garbage-collects.
 */
export class KubeCluster {
  private readonly children: ChildProcess[] = [];
  private readonly adminToken = randomBytes(24).toString('hex');
  private readonly meteringToken = randomBytes(24).toString('hex');
  private server = '';
  private readonly dir = mkdtempSync(join(tmpdir(), 'tally-kube-'));

  static async start(): Promise<KubeCluster> {
    const cluster = new KubeCluster();
    try {
      const etcd = await cluster.startEtcd();
      await cluster.startApiServer(etcd);
      await applyMeteringRbac(cluster.adminKubeConfig(), cluster.meteringKubeConfig());
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** A kubeconfig for the cluster admin (system:masters): fixtures only. */
  adminKubeConfig(): KubeConfig {
    return tokenKubeConfig(this.server, apiServerCaFile(this.dir), 'admin', this.adminToken);
  }

  /** A kubeconfig for the metering service account: what the code under test uses. */
  meteringKubeConfig(): KubeConfig {
    return tokenKubeConfig(this.server, apiServerCaFile(this.dir), 'metering', this.meteringToken);
  }

  /** The metering kubeconfig as a file, for a child process (KUBECONFIG). */
  meteringKubeConfigFile(): string {
    const file = join(this.dir, 'metering.kubeconfig');
    writeFileSync(file, this.meteringKubeConfig().exportConfig(), { mode: 0o600 });
    return file;
  }

  async stop(): Promise<void> {
    // The API server first: it would otherwise log etcd's disappearance for a while.
    for (const child of this.children.reverse()) await terminate(child);
    this.children.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startEtcd(): Promise<string> {
    const options = {
      dataDir: join(this.dir, 'etcd'),
      clientPort: await freePort(),
      peerPort: await freePort(),
    };
    this.spawn(etcdBinary(), etcdArgs(options));
    await waitForEtcd(etcdUrl(options));
    return etcdUrl(options);
  }

  private async startApiServer(etcd: string): Promise<void> {
    const port = await freePort();
    this.server = apiServerUrl(port);
    const args = prepareApiServer({
      dir: this.dir,
      port,
      etcdUrl: etcd,
      tokens: [
        { token: this.adminToken, user: 'admin', groups: ['system:masters'] },
        { token: this.meteringToken, user: METERING_USER },
      ],
    });
    this.spawn(apiServerBinary(), args);
    await waitForApiServer(this.server, this.adminToken);
  }

  private spawn(command: string, args: string[]): void {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    child.once('exit', (code, signal) => {
      if (this.children.includes(child) && code !== 0 && signal === null) {
        process.stderr.write(`${command} exited with ${code}:\n${output}\n`);
      }
    });
    this.children.push(child);
    alive.add(child);
    child.once('exit', () => alive.delete(child));
  }
}

// A test process that exits without stop() (a crash, a jest worker torn down) must not leave
// etcd and kube-apiserver running: whatever is still alive then is killed on the way out.
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
