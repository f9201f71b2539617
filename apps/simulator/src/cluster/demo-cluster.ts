import { DailyPattern, flat, officeHours } from './usage-profile';

const Mi = 1024 ** 2;
const Gi = 1024 ** 3;

/** One container of a workload's pods: what it reserves and what it uses over the day. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly requests: { readonly cpu: number; readonly memoryBytes: number; readonly gpus?: number };
  readonly cpu: DailyPattern;
  readonly memoryBytes: DailyPattern;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob';

/** A CronJob that runs once a day at hour:minute UTC for `runMinutes`. */
export interface DailySchedule {
  readonly hour: number;
  readonly minute: number;
  readonly runMinutes: number;
}

export interface WorkloadSpec {
  readonly kind: WorkloadKind;
  /** Also the pods' `app` label, which is how a pod finds its usage profile. */
  readonly name: string;
  /** Deployments and StatefulSets; a CronJob runs one pod. */
  readonly replicas?: number;
  /** Labels besides `app`, as the platform that made the workload puts them. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerSpec[];
  /** Bytes per second each pod sends (all of it leaves the cluster). */
  readonly egressBytesPerSecond: DailyPattern;
  /** StatefulSets: one PersistentVolumeClaim per pod from this template. */
  readonly volumeClaim?: { readonly name: string; readonly bytes: number };
  readonly schedule?: DailySchedule;
}

export interface NodePortServiceSpec {
  readonly name: string;
  /** The `app` label it selects. */
  readonly app: string;
  readonly port: number;
}

/** Who talks to whom, for Hubble's flows: an app in some namespace, or the world. */
export type FlowPeer = { readonly namespace: string; readonly app: string } | 'world';
export interface FlowSpec {
  readonly from: FlowPeer;
  readonly to: FlowPeer;
  readonly port: number;
}

export interface NamespaceSpec {
  readonly name: string;
  /** The sub-account whose wallet pays; none: the tenant's wallet. */
  readonly subAccount?: string;
  readonly workloads: readonly WorkloadSpec[];
  readonly services?: readonly NodePortServiceSpec[];
}

export interface MemberSpec {
  readonly externalId: string;
  readonly email: string;
  readonly role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

export interface TenantSpec {
  /** Short, stable: idempotency keys and credentials are filed under it. */
  readonly key: string;
  readonly name: string;
  readonly currency: 'USD';
  /** The first member is the owner, who opens the tenant. */
  readonly members: readonly [MemberSpec, ...MemberSpec[]];
  readonly subAccounts: readonly { readonly name: string; readonly monthlyBudget: string }[];
  /** Credited once (idempotently) when the tenant is opened. */
  readonly openingBalance: string;
  readonly namespaces: readonly NamespaceSpec[];
  /**
   * How many whole hours before the hour the history ends in the tenant signed up: the
   * backfill gives it those hours. Unset: the whole history; 0: just now (left out).
   */
  readonly historyHours?: number;
}

export interface DemoCluster {
  readonly tenants: readonly TenantSpec[];
  readonly flows: readonly FlowSpec[];
  /** The node every simulated pod runs on. */
  readonly nodeName: string;
}

const container = (
  name: string,
  image: string,
  requests: ContainerSpec['requests'],
  cpu: DailyPattern,
  memoryBytes: DailyPattern,
): ContainerSpec => ({ name, image, requests, cpu, memoryBytes });

/**
 * The demo cloud: three tenants. Acme runs a shop (web, api, a KubeBlocks-style Postgres with
 * a volume, a NodePort) and a GPU trainer with a nightly report; Globex a website busy in
 * office hours and an idle archive namespace; Initech, just signed up with a few dollars,
 * streams video to the world at about 1 Gbit/s and runs out of money within minutes. (The
 * end-to-end test gives Initech more money and a few hours of history, to replay its ladder.)
 */
export function demoCluster(
  nearlyEmptyBalance = '5.000000',
  nearlyEmptyHistoryHours = 0,
): DemoCluster {
  return {
    nodeName: 'sim-node-1',
    tenants: [
      {
        key: 'acme',
        name: 'Acme Robotics',
        currency: 'USD',
        openingBalance: '2000.000000',
        members: [
          { externalId: 'demo-acme-owner', email: 'alice@acme.example', role: 'OWNER' },
          { externalId: 'demo-acme-admin', email: 'bob@acme.example', role: 'ADMIN' },
          { externalId: 'demo-acme-dev', email: 'carol@acme.example', role: 'MEMBER' },
        ],
        subAccounts: [
          { name: 'Platform', monthlyBudget: '400.000000' },
          { name: 'Research', monthlyBudget: '600.000000' },
        ],
        namespaces: [
          {
            name: 'acme-shop',
            subAccount: 'Platform',
            services: [{ name: 'web-public', app: 'web', port: 80 }],
            workloads: [
              {
                kind: 'Deployment',
                name: 'web',
                replicas: 3,
                containers: [
                  container(
                    'nginx',
                    'nginx:1.25',
                    { cpu: 0.25, memoryBytes: 256 * Mi },
                    officeHours(0.03, 0.15),
                    officeHours(120 * Mi, 60 * Mi),
                  ),
                ],
                egressBytesPerSecond: officeHours(20e3, 200e3),
              },
              {
                kind: 'Deployment',
                name: 'api',
                replicas: 2,
                containers: [
                  container(
                    'api',
                    'ghcr.io/acme/shop-api:2.4.1',
                    { cpu: 0.5, memoryBytes: 512 * Mi },
                    officeHours(0.05, 0.35),
                    flat(300 * Mi),
                  ),
                ],
                egressBytesPerSecond: officeHours(5e3, 50e3),
              },
              {
                kind: 'StatefulSet',
                name: 'postgres',
                replicas: 1,
                labels: {
                  'app.kubernetes.io/instance': 'acme-shop-pg',
                  'app.kubernetes.io/managed-by': 'kubeblocks',
                  'apps.kubeblocks.io/component-name': 'postgresql',
                },
                containers: [
                  container(
                    'postgresql',
                    'postgres:16',
                    { cpu: 1, memoryBytes: 2 * Gi },
                    officeHours(0.1, 0.4),
                    flat(1.2 * Gi),
                  ),
                ],
                egressBytesPerSecond: flat(1e3),
                volumeClaim: { name: 'data', bytes: 20 * Gi },
              },
            ],
          },
          {
            name: 'acme-ml',
            subAccount: 'Research',
            workloads: [
              {
                kind: 'Deployment',
                name: 'trainer',
                replicas: 1,
                containers: [
                  container(
                    'trainer',
                    'ghcr.io/acme/trainer:0.9',
                    { cpu: 4, memoryBytes: 16 * Gi, gpus: 1 },
                    flat(3.2),
                    flat(12 * Gi),
                  ),
                ],
                egressBytesPerSecond: flat(2e3),
              },
              {
                kind: 'CronJob',
                name: 'nightly-report',
                schedule: { hour: 2, minute: 0, runMinutes: 30 },
                containers: [
                  container(
                    'report',
                    'ghcr.io/acme/report:1.0',
                    { cpu: 1, memoryBytes: 1 * Gi },
                    flat(0.9),
                    flat(700 * Mi),
                  ),
                ],
                egressBytesPerSecond: flat(100e3),
              },
            ],
          },
        ],
      },
      {
        key: 'globex',
        name: 'Globex Corporation',
        currency: 'USD',
        openingBalance: '300.000000',
        members: [
          { externalId: 'demo-globex-owner', email: 'hank@globex.example', role: 'OWNER' },
          { externalId: 'demo-globex-dev', email: 'frank@globex.example', role: 'MEMBER' },
        ],
        subAccounts: [{ name: 'Marketing', monthlyBudget: '150.000000' }],
        namespaces: [
          {
            name: 'globex-web',
            subAccount: 'Marketing',
            workloads: [
              {
                kind: 'Deployment',
                name: 'site',
                replicas: 2,
                containers: [
                  container(
                    'site',
                    'ghcr.io/globex/site:5.2',
                    { cpu: 0.5, memoryBytes: 512 * Mi },
                    // Bursts above its request in office hours: billed for what it used.
                    officeHours(0.02, 0.9),
                    officeHours(200 * Mi, 100 * Mi),
                  ),
                ],
                egressBytesPerSecond: officeHours(10e3, 400e3),
              },
            ],
          },
          {
            // Idle: pays for what it reserves, uses next to nothing.
            name: 'globex-archive',
            workloads: [
              {
                kind: 'Deployment',
                name: 'legacy-wiki',
                replicas: 1,
                containers: [
                  container(
                    'wiki',
                    'mediawiki:1.39',
                    { cpu: 0.25, memoryBytes: 256 * Mi },
                    flat(0.001),
                    flat(40 * Mi),
                  ),
                ],
                egressBytesPerSecond: flat(0),
              },
            ],
          },
        ],
      },
      {
        key: 'initech',
        name: 'Initech',
        currency: 'USD',
        historyHours: nearlyEmptyHistoryHours,
        openingBalance: nearlyEmptyBalance,
        members: [
          { externalId: 'demo-initech-owner', email: 'peter@initech.example', role: 'OWNER' },
        ],
        subAccounts: [],
        namespaces: [
          {
            name: 'initech-stream',
            workloads: [
              {
                kind: 'Deployment',
                name: 'transcoder',
                replicas: 2,
                containers: [
                  container(
                    'ffmpeg',
                    'ghcr.io/initech/transcoder:3.1',
                    { cpu: 2, memoryBytes: 4 * Gi },
                    flat(1.8),
                    flat(3 * Gi),
                  ),
                ],
                // 60 MB/s per pod: about 1 Gbit/s for the two.
                egressBytesPerSecond: flat(60e6),
              },
            ],
          },
        ],
      },
    ],
    flows: [
      {
        from: { namespace: 'acme-shop', app: 'web' },
        to: { namespace: 'acme-shop', app: 'api' },
        port: 8080,
      },
      {
        from: { namespace: 'acme-shop', app: 'api' },
        to: { namespace: 'acme-shop', app: 'postgres' },
        port: 5432,
      },
      { from: 'world', to: { namespace: 'acme-shop', app: 'web' }, port: 80 },
      { from: { namespace: 'acme-shop', app: 'web' }, to: 'world', port: 443 },
      { from: { namespace: 'acme-ml', app: 'trainer' }, to: 'world', port: 443 },
      {
        from: { namespace: 'acme-ml', app: 'nightly-report' },
        to: { namespace: 'acme-shop', app: 'postgres' },
        port: 5432,
      },
      { from: 'world', to: { namespace: 'globex-web', app: 'site' }, port: 443 },
      { from: { namespace: 'globex-web', app: 'site' }, to: 'world', port: 443 },
      { from: { namespace: 'initech-stream', app: 'transcoder' }, to: 'world', port: 443 },
    ],
  };
}

/** Every namespace of the demo, with the tenant it belongs to. */
export function demoNamespaces(
  cluster: DemoCluster,
): { tenant: TenantSpec; namespace: NamespaceSpec }[] {
  return cluster.tenants.flatMap((tenant) =>
    tenant.namespaces.map((namespace) => ({ tenant, namespace })),
  );
}

/** The workload whose pods carry `app` in `namespace`. */
export function findWorkload(
  cluster: DemoCluster,
  namespace: string,
  app: string,
): WorkloadSpec | undefined {
  return demoNamespaces(cluster)
    .find((entry) => entry.namespace.name === namespace)
    ?.namespace.workloads.find((workload) => workload.name === app);
}
