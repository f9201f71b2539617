import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  CoreV1Api,
  KubeConfig,
  loadAllYaml,
  RbacAuthorizationV1Api,
  type V1ClusterRole,
  type V1ClusterRoleBinding,
  type V1Namespace,
  type V1ServiceAccount,
} from '@kubernetes/client-node';
import { waitFor } from './ports';

/**
 * How an etcd + kube-apiserver 1.20 pair is launched, shared by the suites' throwaway
 * clusters (kube-cluster.ts) and the long-lived one `npm start` runs (scripts/local-kube.ts),
 * so both run exactly the same server with exactly the same RBAC.
 */

const root = join(__dirname, '..', '..');
/** The file whose ClusterRole and ClusterRoleBinding the metering user gets, unchanged. */
export const METERING_RBAC_FILE = join(root, 'k8s', 'metering-rbac.yaml');

export interface EtcdOptions {
  readonly dataDir: string;
  readonly clientPort: number;
  readonly peerPort: number;
}

export function etcdUrl(options: EtcdOptions): string {
  return `http://127.0.0.1:${options.clientPort}`;
}

export function etcdArgs(options: EtcdOptions): string[] {
  const url = etcdUrl(options);
  const peerUrl = `http://127.0.0.1:${options.peerPort}`;
  return [
    '--name=tally',
    `--data-dir=${options.dataDir}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=tally=${peerUrl}`,
    '--log-level=error',
  ];
}

/** A static bearer token of --token-auth-file and the user (and groups) it authenticates as. */
export interface StaticToken {
  readonly token: string;
  readonly user: string;
  readonly groups?: readonly string[];
}

export interface ApiServerOptions {
  /** Holds the certificates, the service-account key pair and tokens.csv. */
  readonly dir: string;
  readonly port: number;
  readonly etcdUrl: string;
  readonly tokens: readonly StaticToken[];
}

export function apiServerUrl(port: number): string {
  return `https://127.0.0.1:${port}`;
}

/** The serving certificate kube-apiserver writes into its --cert-dir on first start. */
export function apiServerCaFile(dir: string): string {
  return join(dir, 'certs', 'apiserver.crt');
}

/**
 * Writes what the API server reads (tokens.csv; a service-account key pair unless one is
 * there, so the tokens it signed stay valid across restarts) and returns its arguments.
 */
export function prepareApiServer(options: ApiServerOptions): string[] {
  const { dir, port } = options;
  mkdirSync(dir, { recursive: true });
  const saPub = join(dir, 'sa.pub');
  const saKey = join(dir, 'sa.key');
  if (!existsSync(saKey) || !existsSync(saPub)) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(saPub, publicKey.export({ type: 'spki', format: 'pem' }).toString(), {
      mode: 0o600,
    });
    writeFileSync(saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
      mode: 0o600,
    });
  }
  const tokens = join(dir, 'tokens.csv');
  writeFileSync(tokens, options.tokens.map(tokenLine).join(''), { mode: 0o600 });
  return [
    `--etcd-servers=${options.etcdUrl}`,
    `--secure-port=${port}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--cert-dir=${join(dir, 'certs')}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    `--service-account-issuer=${apiServerUrl(port)}`,
    `--service-account-key-file=${saPub}`,
    `--service-account-signing-key-file=${saKey}`,
    '--authorization-mode=RBAC',
    `--token-auth-file=${tokens}`,
    '--disable-admission-plugins=ServiceAccount',
    '--v=0',
  ];
}

function tokenLine({ token, user, groups }: StaticToken): string {
  const group = groups && groups.length > 0 ? `,"${groups.join(',')}"` : '';
  return `${token},${user},${user}-uid${group}\n`;
}

/** The path of the cached kube-apiserver build (scripts/lib/kube.sh ensure_kube_apiserver). */
export function binary(variable: string, fallback: string): string {
  const path = process.env[variable] ?? fallback;
  if (path.includes('/') && !existsSync(path)) {
    throw new Error(
      `${path} does not exist: run the suites through \`npm test\`, whose ensure_kube_apiserver ` +
        `(scripts/lib/kube.sh) installs etcd and builds kube-apiserver, or set ${variable}`,
    );
  }
  return path;
}

export const etcdBinary = () => binary('TALLY_ETCD_BIN', 'etcd');
export const apiServerBinary = () =>
  binary('TALLY_KUBE_APISERVER_BIN', join(homedir(), '.cache/tally/kube-apiserver-1.20.2'));

export async function waitForEtcd(url: string): Promise<void> {
  await waitFor(`etcd at ${url}`, async () =>
    (await fetch(`${url}/health`)).ok ? true : undefined,
  );
}

export async function waitForApiServer(server: string, adminToken: string): Promise<void> {
  await waitFor(
    `kube-apiserver at ${server}`,
    () => readyz(server, adminToken).then((ok) => (ok ? true : undefined)),
    60_000,
    200,
  );
}

function readyz(server: string, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      `${server}/readyz`,
      { headers: { authorization: `Bearer ${token}` }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** A kubeconfig with one user (a bearer token) for the API server at `server`. */
export function tokenKubeConfig(
  server: string,
  caFile: string,
  user: string,
  token: string,
): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'tally-local', server, caFile }],
    users: [{ name: user, token }],
    contexts: [{ name: user, cluster: 'tally-local', user }],
    currentContext: user,
  });
  return kubeConfig;
}

interface MeteringRbac {
  readonly serviceAccount: V1ServiceAccount;
  readonly role: V1ClusterRole;
  readonly binding: V1ClusterRoleBinding;
}

export function readMeteringRbac(): MeteringRbac {
  const docs = loadAllYaml(readFileSync(METERING_RBAC_FILE, 'utf8')) as unknown as {
    kind?: string;
  }[];
  const serviceAccount = docs.find((d): d is V1ServiceAccount => d.kind === 'ServiceAccount');
  const role = docs.find((d): d is V1ClusterRole => d.kind === 'ClusterRole');
  const binding = docs.find((d): d is V1ClusterRoleBinding => d.kind === 'ClusterRoleBinding');
  if (!serviceAccount || !role || !binding)
    throw new Error(
      `${METERING_RBAC_FILE} lacks a ServiceAccount, ClusterRole or ClusterRoleBinding`,
    );
  return { serviceAccount, role, binding };
}

/**
 * Applies the manifest's ClusterRole and ClusterRoleBinding as they are (replacing older
 * copies, so an edited manifest takes effect on a kept cluster), then waits until RBAC, which
 * reads roles through an informer, answers for `metering`.
 */
export async function applyMeteringRbac(admin: KubeConfig, metering: KubeConfig): Promise<void> {
  const { role, binding } = readMeteringRbac();
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  await createOrReplace(
    () => rbac.createClusterRole({ body: role }),
    () => rbac.replaceClusterRole({ name: role.metadata!.name!, body: role }),
  );
  await createOrReplace(
    () => rbac.createClusterRoleBinding({ body: binding }),
    () => rbac.replaceClusterRoleBinding({ name: binding.metadata!.name!, body: binding }),
  );
  const core = metering.makeApiClient(CoreV1Api);
  await waitFor('the metering ClusterRole to apply', () => core.readNamespace({ name: 'default' }));
}

/**
 * The manifest's ServiceAccount (and its namespace), and a token the API server signs for it:
 * a real service-account token, as a pod of k8s/metering.yaml would mount.
 */
export async function issueMeteringToken(
  admin: KubeConfig,
  expirationSeconds: number,
): Promise<string> {
  const { serviceAccount } = readMeteringRbac();
  const namespace = serviceAccount.metadata!.namespace!;
  const name = serviceAccount.metadata!.name!;
  const core = admin.makeApiClient(CoreV1Api);
  const body: V1Namespace = { metadata: { name: namespace } };
  await createOrKeep(() => core.createNamespace({ body }));
  await createOrKeep(() =>
    core.createNamespacedServiceAccount({ namespace, body: serviceAccount }),
  );
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`the API server issued no token for ${namespace}/${name}`);
  return token;
}

function isConflict(error: unknown): boolean {
  return (error as { code?: number }).code === 409;
}

async function createOrKeep(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

async function createOrReplace(
  create: () => Promise<unknown>,
  replace: () => Promise<unknown>,
): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isConflict(error)) throw error;
    await replace();
  }
}
