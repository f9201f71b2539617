import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoreV1Api,
  KubeConfig,
  loadAllYaml,
  RbacAuthorizationV1Api,
  type V1ClusterRole,
  type V1ClusterRoleBinding,
} from '@kubernetes/client-node';
import { freePort, waitFor } from './ports';

const root = join(__dirname, '..', '..');
/** The file whose ClusterRole and ClusterRoleBinding the metering user gets, unchanged. */
export const METERING_RBAC_FILE = join(root, 'k8s', 'metering-rbac.yaml');
/**
 * The user the metering token authenticates as: the name Kubernetes gives the manifest's
 * ServiceAccount, so the manifest's own ClusterRoleBinding (subject: that ServiceAccount)
 * applies to it. It is in no group, so it has nothing beyond that binding and the
 * discovery/health endpoints every authenticated user may read.
 */
export const METERING_USER = 'system:serviceaccount:tally-system:tally-metering';

function binary(variable: string, fallback: string): string {
  const path = process.env[variable] ?? fallback;
  if (path.includes('/') && !existsSync(path)) {
    throw new Error(
      `${path} does not exist: run the suites through \`npm test\`, whose ensure_kube_apiserver ` +
        `(scripts/lib/kube.sh) installs etcd and builds kube-apiserver, or set ${variable}`,
    );
  }
  return path;
}

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
      const etcdUrl = await cluster.startEtcd();
      await cluster.startApiServer(etcdUrl);
      await cluster.applyMeteringRbac();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** A kubeconfig for the cluster admin (system:masters): fixtures only. */
  adminKubeConfig(): KubeConfig {
    return this.kubeConfig('admin', this.adminToken);
  }

  /** A kubeconfig for the metering service account: what the code under test uses. */
  meteringKubeConfig(): KubeConfig {
    return this.kubeConfig('metering', this.meteringToken);
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

  private kubeConfig(user: string, token: string): KubeConfig {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        { name: 'test', server: this.server, caFile: join(this.dir, 'certs', 'apiserver.crt') },
      ],
      users: [{ name: user, token }],
      contexts: [{ name: user, cluster: 'test', user }],
      currentContext: user,
    });
    return kubeConfig;
  }

  private async startEtcd(): Promise<string> {
    const [client, peer] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${client}`;
    const peerUrl = `http://127.0.0.1:${peer}`;
    this.spawn(binary('TALLY_ETCD_BIN', 'etcd'), [
      '--name=test',
      `--data-dir=${join(this.dir, 'etcd')}`,
      `--listen-client-urls=${url}`,
      `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=test=${peerUrl}`,
      '--log-level=error',
    ]);
    await waitFor(`etcd on ${client}`, async () =>
      (await fetch(`${url}/health`)).ok ? true : undefined,
    );
    return url;
  }

  private async startApiServer(etcdUrl: string): Promise<void> {
    const port = await freePort();
    this.server = `https://127.0.0.1:${port}`;
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = (name: string, content: string) => {
      const path = join(this.dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    };
    const saPub = file('sa.pub', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const saKey = file('sa.key', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const tokens = file(
      'tokens.csv',
      `${this.adminToken},admin,admin-uid,"system:masters"\n` +
        `${this.meteringToken},${METERING_USER},metering-uid\n`,
    );
    this.spawn(
      binary('TALLY_KUBE_APISERVER_BIN', join(homedir(), '.cache/tally/kube-apiserver-1.20.2')),
      [
        `--etcd-servers=${etcdUrl}`,
        `--secure-port=${port}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--cert-dir=${join(this.dir, 'certs')}`,
        '--service-cluster-ip-range=10.0.0.0/24',
        `--service-account-issuer=${this.server}`,
        `--service-account-key-file=${saPub}`,
        `--service-account-signing-key-file=${saKey}`,
        '--authorization-mode=RBAC',
        `--token-auth-file=${tokens}`,
        '--disable-admission-plugins=ServiceAccount',
        '--v=0',
      ],
    );
    await waitFor(
      `kube-apiserver on ${port}`,
      () => this.readyz().then((ok) => (ok ? true : undefined)),
      60_000,
      200,
    );
  }

  private readyz(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = request(
        `${this.server}/readyz`,
        { headers: { authorization: `Bearer ${this.adminToken}` }, rejectUnauthorized: false },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.end();
    });
  }

  private async applyMeteringRbac(): Promise<void> {
    const docs = loadAllYaml(readFileSync(METERING_RBAC_FILE, 'utf8')) as unknown as {
      kind?: string;
    }[];
    const role = docs.find((d): d is V1ClusterRole => d.kind === 'ClusterRole');
    const binding = docs.find((d): d is V1ClusterRoleBinding => d.kind === 'ClusterRoleBinding');
    if (!role || !binding)
      throw new Error(`${METERING_RBAC_FILE} lacks a ClusterRole or ClusterRoleBinding`);
    const rbac = this.adminKubeConfig().makeApiClient(RbacAuthorizationV1Api);
    await rbac.createClusterRole({ body: role });
    await rbac.createClusterRoleBinding({ body: binding });
    // RBAC reads roles through an informer: wait until the binding has reached it.
    const core = this.meteringKubeConfig().makeApiClient(CoreV1Api);
    await waitFor('the metering ClusterRole to apply', () =>
      core.readNamespace({ name: 'default' }),
    );
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
