import { ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './ports';

export type AppName = 'gateway' | 'account' | 'billing' | 'metering';

const root = join(__dirname, '..', '..');
const portVariable: Record<AppName, string> = {
  gateway: 'TALLY_GATEWAY_PORT',
  account: 'TALLY_ACCOUNT_PORT',
  billing: 'TALLY_BILLING_PORT',
  metering: 'TALLY_METERING_PORT',
};

export interface AppProcess {
  readonly name: AppName;
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Runs one compiled app (`npm run build` first) as its own process, as `npm start` does.
 * TALLY_APP_NODE_ARGS adds flags to its node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to
 * profile the apps under a bench.
 */
export function spawnApp(name: AppName, env: Record<string, string>): ChildProcess {
  const nodeArgs = process.env.TALLY_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, join(root, 'scripts', 'run-app.js'), name], {
    // Not the repo root: a developer's .env there must not leak into the app under test.
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      // Most suites run no kube-apiserver; those that do (test/suspension) set `required`.
      TALLY_NAMESPACE_CLUSTER_CHECK: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the exit code and everything the process wrote. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

export class AppCluster {
  /** Further processes of an app, beside the one in `apps`: see startReplica. */
  private readonly replicas: AppProcess[] = [];

  private constructor(
    readonly apps: Map<AppName, AppProcess>,
    private readonly env: Record<string, string>,
  ) {}

  /** One more process of `name`, as another replica of the same deployment; waits until ready. */
  async startReplica(name: AppName): Promise<AppProcess> {
    const port = await freePort();
    const child = spawnApp(name, { ...this.env, [portVariable[name]]: String(port) });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const replica = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
    this.replicas.push(replica);
    await waitFor(
      `${name} replica /readyz`,
      async () => {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
        const response = await fetch(`${replica.url}/readyz`);
        return response.status === 200 ? true : undefined;
      },
      30_000,
    );
    return replica;
  }

  /** Starts the given apps against `env` (DATABASE_URL, REDIS_URL, ...) and waits until ready. */
  static async start(names: readonly AppName[], env: Record<string, string>): Promise<AppCluster> {
    const cluster = new AppCluster(new Map(), env);
    try {
      for (const name of names) cluster.launch(name, await freePort());
      await Promise.all(names.map((name) => cluster.waitReady(name)));
    } catch (error) {
      // The suite's afterAll never sees this cluster: stop what was launched, or it outlives jest.
      await cluster.kill();
      throw error;
    }
    return cluster;
  }

  /**
   * Starts `name` again on its port, with `extraEnv` on top of the cluster's environment, once
   * the previous process has exited (a test kills it, or it kills itself at a failpoint).
   * `ready: false` returns at once, for a process expected to die before it is ready.
   */
  async restart(
    name: AppName,
    extraEnv: Record<string, string> = {},
    { ready = true }: { ready?: boolean } = {},
  ): Promise<AppProcess> {
    const previous = this.apps.get(name)!;
    if (previous.child.exitCode === null && previous.child.signalCode === null) {
      await new Promise((resolve) => {
        previous.child.once('exit', resolve);
        previous.child.kill('SIGKILL');
      });
    }
    const app = this.launch(name, Number(new URL(previous.url).port), extraEnv);
    if (ready) await this.waitReady(name);
    return app;
  }

  private launch(name: AppName, port: number, extraEnv: Record<string, string> = {}): AppProcess {
    const child = spawnApp(name, { ...this.env, ...extraEnv, [portVariable[name]]: String(port) });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const app = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
    this.apps.set(name, app);
    return app;
  }

  /** What the app has printed so far (its last lines when it failed). */
  output(name: AppName): string {
    const app = this.apps.get(name);
    if (app === undefined) throw new Error(`${name} is not running`);
    return app.output();
  }

  url(name: AppName): string {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running`);
    return app.url;
  }

  async waitReady(name: AppName, timeoutMs = 30_000): Promise<void> {
    const app = this.apps.get(name)!;
    await waitFor(
      `${name} /readyz`,
      async () => {
        if (app.child.exitCode !== null) {
          throw new Error(`${name} exited with ${app.child.exitCode}:\n${app.output()}`);
        }
        const response = await fetch(`${app.url}/readyz`);
        return response.status === 200 ? true : undefined;
      },
      timeoutMs,
    );
  }

  async graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{
    status: number;
    body: { data?: T; errors?: GraphQLErrorBody[] };
    headers: Headers;
  }> {
    const response = await fetch(`${this.url('gateway')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as never,
      headers: response.headers,
    };
  }

  /**
   * SIGTERM every app (replicas too) and wait; resolves with each app's exit code (0 = clean
   * shutdown; of several replicas, the first unclean one).
   */
  async stop(): Promise<Map<AppName, number | null>> {
    return this.signalAll('SIGTERM');
  }

  /** SIGKILL every app and wait. */
  async kill(): Promise<void> {
    await this.signalAll('SIGKILL');
  }

  private async signalAll(signal: NodeJS.Signals): Promise<Map<AppName, number | null>> {
    const codes = new Map<AppName, number | null>();
    const record = (name: AppName, code: number | null) => {
      if (!codes.has(name) || codes.get(name) === 0) codes.set(name, code);
    };
    await Promise.all(
      [...this.apps.values(), ...this.replicas].map(
        (app) =>
          new Promise<void>((resolve) => {
            if (app.child.exitCode !== null || app.child.signalCode !== null) {
              record(app.name, app.child.exitCode);
              return resolve();
            }
            app.child.once('exit', (code) => {
              record(app.name, code);
              resolve();
            });
            app.child.kill(signal);
          }),
      ),
    );
    return codes;
  }
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; errorId?: string; [key: string]: unknown };
}
