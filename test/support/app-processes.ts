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

/** Runs one compiled app (`npm run build` first) as its own process, as `npm start` does. */
export function spawnApp(name: AppName, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, 'scripts', 'run-app.js'), name], {
    // Not the repo root: a developer's .env there must not leak into the app under test.
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
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
  private constructor(readonly apps: Map<AppName, AppProcess>) {}

  /** Starts the given apps against `env` (DATABASE_URL, REDIS_URL, ...) and waits until ready. */
  static async start(names: readonly AppName[], env: Record<string, string>): Promise<AppCluster> {
    const apps = new Map<AppName, AppProcess>();
    for (const name of names) {
      const port = await freePort();
      const child = spawnApp(name, { ...env, [portVariable[name]]: String(port) });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      apps.set(name, { name, url: `http://127.0.0.1:${port}`, child, output: () => output });
    }
    const cluster = new AppCluster(apps);
    await Promise.all(names.map((name) => cluster.waitReady(name)));
    return cluster;
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

  /** SIGTERM every app and wait; resolves with each exit code (0 = clean shutdown). */
  async stop(): Promise<Map<AppName, number | null>> {
    const codes = new Map<AppName, number | null>();
    await Promise.all(
      [...this.apps.values()].map(
        (app) =>
          new Promise<void>((resolve) => {
            if (app.child.exitCode !== null) {
              codes.set(app.name, app.child.exitCode);
              return resolve();
            }
            app.child.once('exit', (code) => {
              codes.set(app.name, code);
              resolve();
            });
            app.child.kill('SIGTERM');
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
