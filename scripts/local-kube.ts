// `npm start`'s Kubernetes: etcd and kube-apiserver 1.20 started in the background with their
// state in DIR (so a later start finds the same namespaces and workloads), the metering RBAC of
// k8s/metering-rbac.yaml applied, and two kubeconfigs written:
//   DIR/admin.kubeconfig     system:masters, for the simulator (it plays the cluster's owner)
//   DIR/metering.kubeconfig  a service-account token of tally-system/tally-metering: exactly the
//                            manifest's ClusterRole, nothing else
// Usage: local-kube.ts DIR RUNDIR (scripts/lib/kube.sh start_local_kube). Each server's pid goes
// to RUNDIR/<name>.pid the moment it is spawned, so whoever stops `npm start` (even after a
// Ctrl-C while this runs) finds it. The servers run in their own sessions: a terminal's Ctrl-C
// does not reach them, start.sh stops them last, after the apps.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiServerBinary,
  apiServerCaFile,
  apiServerUrl,
  applyMeteringRbac,
  etcdArgs,
  etcdBinary,
  etcdUrl,
  issueMeteringToken,
  prepareApiServer,
  tokenKubeConfig,
  waitForApiServer,
  waitForEtcd,
} from '@tally/test/support/kube-control-plane';

const YEAR_SECONDS = 365 * 24 * 3600;

function port(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${variable} must be a TCP port`);
  return value;
}

/** A secret kept in a file: made once, the same on every later start. */
function persistentSecret(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function startDetached(runDir: string, name: string, command: string, args: string[]): void {
  const log = openSync(join(runDir, `${name}.log`), 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  writeFileSync(join(runDir, `${name}.pid`), `${child.pid}\n`);
  child.unref();
}

async function main(dir: string, runDir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  mkdirSync(runDir, { recursive: true });
  const etcd = {
    dataDir: join(dir, 'etcd'),
    clientPort: port('TALLY_LOCAL_ETCD_PORT', 12379),
    peerPort: port('TALLY_LOCAL_ETCD_PEER_PORT', 12380),
  };
  const apiPort = port('TALLY_LOCAL_KUBE_PORT', 6443);
  const server = apiServerUrl(apiPort);
  const adminToken = persistentSecret(join(dir, 'admin.token'));

  startDetached(runDir, 'etcd', etcdBinary(), etcdArgs(etcd));
  await waitForEtcd(etcdUrl(etcd));
  const args = prepareApiServer({
    dir,
    port: apiPort,
    etcdUrl: etcdUrl(etcd),
    tokens: [{ token: adminToken, user: 'admin', groups: ['system:masters'] }],
  });
  startDetached(runDir, 'kube-apiserver', apiServerBinary(), args);
  await waitForApiServer(server, adminToken);

  const ca = apiServerCaFile(dir);
  const admin = tokenKubeConfig(server, ca, 'admin', adminToken);
  writeFileSync(join(dir, 'admin.kubeconfig'), admin.exportConfig(), { mode: 0o600 });
  // A fresh token each start: it outlives any session, and a kept one could name a
  // ServiceAccount an earlier, deleted cluster had.
  const token = await issueMeteringToken(admin, YEAR_SECONDS);
  const metering = tokenKubeConfig(server, ca, 'tally-metering', token);
  await applyMeteringRbac(admin, metering);
  writeFileSync(join(dir, 'metering.kubeconfig'), metering.exportConfig(), { mode: 0o600 });
  process.stdout.write(`${server}\n`);
}

const [dir, runDir] = process.argv.slice(2);
if (!dir || !runDir) {
  process.stderr.write('usage: local-kube.ts DIR RUNDIR\n');
  process.exit(2);
}
main(dir, runDir).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
