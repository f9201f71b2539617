import { KubeClient } from '@tally/metering/kube/kube-client';
import { loadKubeConfig } from '@tally/metering/kube/kube-config';
import { settleHistory } from './backfill/settle-history';
import { DemoCluster, demoCluster, demoNamespaces, findWorkload } from './cluster/demo-cluster';
import { MetricsServer } from './exporters/metrics-server';
import { HubbleServer } from './hubble/hubble-server';
import { applyWorkloads, cronJobApiVersion, ensureNamespace } from './kube/apply-workloads';
import { PodController } from './kube/pod-controller';
import { loadSimulatorConfig, SimulatorConfig } from './simulator.config';
import { DemoCredentials, readCredentials, writeCredentials } from './tenants/demo-credentials';
import { DemoTenants } from './tenants/demo-tenants';
import { GatewayClient, GatewayError } from './tenants/gateway-client';

const log = (line: string) => console.log(`[simulator] ${line}`);
const GATEWAY_WAIT_MS = 180_000;

/**
 * `simulator run`: opens the demo tenants (through the gateway), puts their namespaces and
 * workloads in the API server, keeps their pods, and serves /metrics and Hubble's GetFlows,
 * until SIGINT or SIGTERM.
 */
export async function runCommand(): Promise<void> {
  const config = loadSimulatorConfig();
  const cluster = demoCluster(config.SIMULATOR_BALANCE_OF_THE_NEARLY_EMPTY);
  const kube = await KubeClient.create(loadKubeConfig(config.SIMULATOR_KUBECONFIG), {
    requestTimeoutMs: 10_000,
  });
  const cronJobs = await cronJobApiVersion(kube);

  const credentials = await openTenants(config, cluster, kube, cronJobs);
  await writeCredentials(config.SIMULATOR_CREDENTIALS_FILE, credentials);

  const controller = new PodController({
    kube,
    namespaces: new Set(demoNamespaces(cluster).map(({ namespace }) => namespace.name)),
    nodeName: cluster.nodeName,
    cronJobApiVersion: cronJobs,
    runMinutes: ({ namespace, name }) =>
      findWorkload(cluster, namespace, name)?.schedule?.runMinutes ?? 1,
    resyncMs: config.SIMULATOR_RESYNC_MS,
    log,
  });
  controller.start();
  const snapshot = () => controller.snapshot;
  const metrics = new MetricsServer(cluster, snapshot);
  const metricsPort = await metrics.listen(config.SIMULATOR_METRICS_PORT);
  const hubble = new HubbleServer({
    cluster,
    snapshot,
    flowIntervalMs: config.SIMULATOR_FLOW_INTERVAL_MS,
  });
  const hubblePort = await hubble.listen(config.SIMULATOR_HUBBLE_PORT);

  printTenants(credentials);
  log(
    `simulator ready metrics=http://127.0.0.1:${metricsPort}/metrics ` +
      `hubble=127.0.0.1:${hubblePort} credentials=${config.SIMULATOR_CREDENTIALS_FILE}`,
  );

  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.race([settleTheHistory(config), stopped]);
  await stopped;
  await Promise.all([hubble.close(), metrics.close(), controller.stop()]);
  log('stopped');
}

/** The backfilled hours, now that the tenants own them; a failure is retried by the next start. */
async function settleTheHistory(config: SimulatorConfig): Promise<void> {
  const from = config.SIMULATOR_HISTORY_FROM;
  const until = config.SIMULATOR_HISTORY_UNTIL;
  if (!from || !until) return;
  try {
    await settleHistory({
      gateway: new GatewayClient(config.SIMULATOR_GATEWAY_URL),
      adminKey: config.TALLY_ADMIN_API_KEY,
      from,
      until,
      settledFile: config.SIMULATOR_HISTORY_SETTLED_FILE,
      loadedFile: config.SIMULATOR_HISTORY_LOADED_FILE,
      log,
    });
  } catch (error) {
    log(`could not settle the history (the next start tries again): ${String(error)}`);
  }
}

/** The tenants, once the gateway answers (npm start may start it alongside the simulator). */
async function openTenants(
  config: SimulatorConfig,
  cluster: DemoCluster,
  kube: KubeClient,
  cronJobs: string,
): Promise<DemoCredentials> {
  const tenants = new DemoTenants({
    gateway: new GatewayClient(config.SIMULATOR_GATEWAY_URL),
    gatewayUrl: config.SIMULATOR_GATEWAY_URL,
    adminKey: config.TALLY_ADMIN_API_KEY,
    jwtSecret: config.TALLY_JWT_SECRET,
    previous: await readCredentials(config.SIMULATOR_CREDENTIALS_FILE),
    ensureNamespace: async (namespace, tenantId) => {
      await ensureNamespace(kube, namespace.name, tenantId);
      await applyWorkloads(kube, namespace, cronJobs);
    },
  });
  const deadline = Date.now() + GATEWAY_WAIT_MS;
  for (;;) {
    try {
      return await tenants.ensure(cluster.tenants);
    } catch (error) {
      // Not up yet: the connection is refused, or a service behind it is still starting.
      const retryable =
        !(error instanceof GatewayError) ||
        ['INTERNAL', 'HTTP_502', 'HTTP_503'].includes(error.code);
      if (!retryable || Date.now() > deadline) throw error;
      log(
        `waiting for the gateway at ${config.SIMULATOR_GATEWAY_URL} (${String(error).slice(0, 120)})`,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

function printTenants(credentials: DemoCredentials): void {
  for (const tenant of credentials.tenants) {
    log(
      `tenant ${tenant.name} (${tenant.tenantId}): namespaces ${tenant.namespaces.join(', ')}; ` +
        `API key ${tenant.apiKey}; sign in as ${tenant.members.map((m) => m.externalId).join(', ')}`,
    );
  }
}
