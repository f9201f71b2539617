import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, type TestDatabase } from '../setup/test-database';
import { freePort } from './ports';
import { RedisServer } from './redis-server';

const ROOT = join(__dirname, '..', '..');

/** The ports `npm start` is given: none of its defaults, so a developer's stack is untouched. */
export interface LocalCloudPorts {
  readonly gateway: number;
  readonly account: number;
  readonly billing: number;
  readonly metering: number;
  readonly kube: number;
  readonly etcd: number;
  readonly etcdPeer: number;
  readonly prometheus: number;
  readonly simulatorMetrics: number;
  readonly hubble: number;
}

/**
 * The real `npm start` (scripts/start.sh) in a state directory of its own, on free ports, with
 * a database (empty: npm start migrates it), a Redis and secrets of its own, so it shares
 * nothing with the suites running beside it: what a developer runs, as processes.
 * `stop()` sends it the Ctrl-C a developer would and waits until it has exited; `remove()`
 * then drops the rest.
 */
export class LocalCloud {
  readonly adminKey = `tly_e2e_${randomBytes(16).toString('hex')}`;
  readonly jwtSecret = `dev_e2e_${randomBytes(16).toString('hex')}`;
  private output = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly log: WriteStream;

  private constructor(
    readonly stateDir: string,
    readonly ports: LocalCloudPorts,
    private readonly database: TestDatabase,
    private readonly redis: RedisServer,
    env: Readonly<Record<string, string>>,
  ) {
    this.log = createWriteStream(join(stateDir, 'npm-start.log'));
    this.child = spawn('bash', [join(ROOT, 'scripts', 'start.sh')], {
      cwd: ROOT,
      // Its own process group: whatever happens, stop() can reach every process it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...this.settings(), ...env },
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.record(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => this.record(chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Starts it and resolves once its banner says ready; `env` adds or overrides settings. */
  static async start(
    env: Readonly<Record<string, string>> = {},
    readyTimeoutMs = 300_000,
  ): Promise<LocalCloud> {
    const stateDir = await mkdtemp(join(tmpdir(), 'tally-e2e-'));
    const cloud = new LocalCloud(
      stateDir,
      await freePorts(),
      await createScratchDatabase(),
      await RedisServer.start(),
      env,
    );
    try {
      await cloud.waitForOutput(/\[tally\] ready after \d+s/, readyTimeoutMs);
    } catch (error) {
      await cloud.stop();
      await cloud.remove();
      throw error;
    }
    return cloud;
  }

  private settings(): Record<string, string> {
    const { ports } = this;
    return {
      // jest sets NODE_ENV=test; npm start is development.
      NODE_ENV: 'development',
      TALLY_STATE_DIR: this.stateDir,
      DATABASE_URL: this.database.url,
      REDIS_URL: this.redis.url,
      TALLY_ADMIN_API_KEY: this.adminKey,
      TALLY_JWT_SECRET: this.jwtSecret,
      // Development's markers: the local checkout page stands in for Stripe.
      STRIPE_SECRET_KEY: `sk_test_dev_${randomBytes(12).toString('hex')}`,
      STRIPE_WEBHOOK_SECRET: `whsec_dev_${randomBytes(12).toString('hex')}`,
      TALLY_GATEWAY_PORT: String(ports.gateway),
      TALLY_ACCOUNT_PORT: String(ports.account),
      TALLY_BILLING_PORT: String(ports.billing),
      TALLY_METERING_PORT: String(ports.metering),
      TALLY_PUBLIC_URL: this.gatewayUrl,
      TALLY_LOCAL_KUBE_PORT: String(ports.kube),
      TALLY_LOCAL_ETCD_PORT: String(ports.etcd),
      TALLY_LOCAL_ETCD_PEER_PORT: String(ports.etcdPeer),
      PROMETHEUS_URL: `http://127.0.0.1:${ports.prometheus}`,
      SIMULATOR_METRICS_PORT: String(ports.simulatorMetrics),
      SIMULATOR_HUBBLE_PORT: String(ports.hubble),
    };
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  get prometheusUrl(): string {
    return `http://127.0.0.1:${this.ports.prometheus}`;
  }

  /** The simulator's admin kubeconfig of the local API server. */
  get adminKubeConfigFile(): string {
    return join(this.stateDir, 'kube', 'admin.kubeconfig');
  }

  /** Everything npm start printed so far. */
  get printed(): string {
    return this.output;
  }

  async stateFile(name: string): Promise<string> {
    return readFile(join(this.stateDir, name), 'utf8');
  }

  /** Resolves with the first match of `pattern` in what npm start printed (now or later). */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(
          `npm start ${this.child.exitCode !== null ? `exited (${this.child.exitCode})` : 'timed out'} ` +
            `before printing ${pattern}; its last lines:\n${this.output.split('\n').slice(-40).join('\n')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Ctrl-C, as a developer stops it; the whole group is killed if it has not exited in time. */
  async stop(timeoutMs = 60_000): Promise<number | null> {
    if (this.child.exitCode === null) {
      process.kill(this.child.pid!, 'SIGINT');
      const timer = setTimeout(() => this.killGroup(), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.log.end();
    return this.exited;
  }

  /** The state directory goes too (after stop()), unless the run is kept for a look. */
  async remove(): Promise<void> {
    await this.redis.stop();
    await this.database.drop();
    if (process.env.TALLY_E2E_KEEP) return;
    await rm(this.stateDir, { recursive: true, force: true });
  }

  private killGroup(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private record(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    this.output += text;
    this.log.write(text);
  }
}

async function freePorts(): Promise<LocalCloudPorts> {
  const names = [
    'gateway',
    'account',
    'billing',
    'metering',
    'kube',
    'etcd',
    'etcdPeer',
    'prometheus',
    'simulatorMetrics',
    'hubble',
  ] as const;
  const ports: Partial<Record<(typeof names)[number], number>> = {};
  const taken = new Set<number>();
  for (const name of names) {
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    ports[name] = port;
  }
  return ports as LocalCloudPorts;
}
