import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './ports';

const root = join(__dirname, '..', '..');

/** Every port `npm start` listens on, each set through its variable. */
const PORT_VARIABLES = {
  gateway: 'TALLY_GATEWAY_PORT',
  account: 'TALLY_ACCOUNT_PORT',
  billing: 'TALLY_BILLING_PORT',
  metering: 'TALLY_METERING_PORT',
  kube: 'TALLY_LOCAL_KUBE_PORT',
  etcd: 'TALLY_LOCAL_ETCD_PORT',
  etcdPeer: 'TALLY_LOCAL_ETCD_PEER_PORT',
  prometheus: 'PROMETHEUS_URL',
  simulatorMetrics: 'SIMULATOR_METRICS_PORT',
  simulatorHubble: 'SIMULATOR_HUBBLE_PORT',
} as const;
export type NpmStartPorts = Record<keyof typeof PORT_VARIABLES, number>;

export interface NpmStartOptions {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Kept between two starts to measure a restart; a fresh temporary one by default. */
  readonly stateDir?: string;
  /** Lines of the .env it reads (TALLY_ENV_FILE, in the state dir); npm start adds secrets. */
  readonly envFile?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** An earlier start's, to start again as a user would; free ones by default. */
  readonly ports?: NpmStartPorts;
}

async function distinctFreePorts(): Promise<NpmStartPorts> {
  const taken = new Set<number>();
  while (taken.size < Object.keys(PORT_VARIABLES).length) taken.add(await freePort());
  const [...ports] = taken;
  return Object.fromEntries(
    Object.keys(PORT_VARIABLES).map((name, i) => [name, ports[i]]),
  ) as NpmStartPorts;
}

/**
 * The real `npm start` (scripts/start.sh) in a process group of its own, as a terminal runs it,
 * on free ports and with its state and .env in a temporary directory, so it never meets a
 * developer's running stack, their .env, or another suite.
 */
export class NpmStart {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly stateDir: string,
    readonly ports: NpmStartPorts,
    private readonly child: ChildProcess,
    readonly startedAt: number,
  ) {
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async launch(options: NpmStartOptions): Promise<NpmStart> {
    const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'tally-npm-start-'));
    const envFile = join(stateDir, '.env');
    if (!existsSync(envFile) || options.envFile) {
      writeFileSync(envFile, (options.envFile ?? []).map((line) => `${line}\n`).join(''), {
        mode: 0o600,
      });
    }
    const ports = options.ports ?? (await distinctFreePorts());
    const portEnv = Object.fromEntries(
      Object.entries(PORT_VARIABLES).map(([name, variable]) => {
        const port = String(ports[name as keyof NpmStartPorts]);
        return [variable, variable === 'PROMETHEUS_URL' ? `http://127.0.0.1:${port}` : port];
      }),
    );
    const child = spawn('npm', ['start'], {
      cwd: root,
      // Its own process group: interrupt() signals the whole group, as a terminal's Ctrl-C does.
      detached: true,
      env: {
        ...inherited(['PATH', 'HOME', 'TMPDIR', 'XDG_CACHE_HOME']),
        TALLY_STATE_DIR: stateDir,
        TALLY_ENV_FILE: envFile,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        ...portEnv,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new NpmStart(stateDir, ports, child, Date.now());
  }

  /** Everything it printed so far, stdout and stderr in arrival order. */
  get log(): string {
    return this.output;
  }

  url(name: 'gateway' | 'prometheus' | 'simulatorMetrics'): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  get kubeServer(): string {
    return `https://127.0.0.1:${this.ports.kube}`;
  }

  /** Its own step lines (`[tally]   12s building …`): where the time went. */
  steps(): string[] {
    return this.output.split('\n').filter((line) => /^\[tally\] +\d+s /.test(line));
  }

  /** Waits until its output matches `pattern` (output may arrive after the process is gone). */
  async printed(pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    await waitFor(
      `npm start to print ${pattern}`,
      async () => (pattern.test(this.output) ? true : undefined),
      timeoutMs,
    );
  }

  /** Milliseconds from launch until the banner's last line; fails if npm start exits first. */
  async ready(timeoutMs: number): Promise<number> {
    await waitFor(
      'the ready banner of npm start',
      async () => {
        if (this.child.exitCode !== null)
          throw new Error(`npm start exited with ${this.child.exitCode}:\n${this.output}`);
        return /\n {2}Stop +Ctrl-C/.test(this.output) ? true : undefined;
      },
      timeoutMs,
      200,
    );
    return Date.now() - this.startedAt;
  }

  /**
   * Every process npm start runs now: its descendants, and the servers it started in sessions
   * of their own (pid files in the run dir; anything whose command line names the state dir).
   */
  processes(): Map<number, string> {
    const table = processTable();
    const found = new Map<number, string>();
    const pending = [this.child.pid!];
    while (pending.length > 0) {
      const pid = pending.pop()!;
      const entry = table.get(pid);
      if (!entry || found.has(pid)) continue;
      found.set(pid, entry.command);
      for (const [child, { ppid }] of table) if (ppid === pid) pending.push(child);
    }
    for (const [pid, { command }] of table) {
      if (command.includes(`${this.stateDir}/`)) found.set(pid, command);
    }
    for (const pid of this.pidFiles()) {
      const entry = table.get(pid);
      if (entry) found.set(pid, entry.command);
    }
    return found;
  }

  /** Ctrl-C: SIGINT to the whole process group; resolves with npm's exit code. */
  async interrupt(timeoutMs = 90_000): Promise<number | null> {
    process.kill(-this.child.pid!, 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`npm start still runs ${timeoutMs} ms after SIGINT`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits until none of `pids` runs and none of its ports takes connections (after interrupt);
   * the error lists what is left.
   */
  async gone(pids: Iterable<number>, timeoutMs = 60_000): Promise<void> {
    const watched = [...pids];
    const left = async () => {
      const table = processTable();
      const running = watched.filter((pid) => table.has(pid));
      const ports: string[] = [];
      for (const [name, port] of Object.entries(this.ports))
        if (await listening(port)) ports.push(`${name} port ${port}`);
      return [...running.map((pid) => `${pid} ${table.get(pid)!.command}`), ...ports];
    };
    try {
      await waitFor(
        'every process and port of npm start gone',
        async () => ((await left()).length === 0 ? true : undefined),
        timeoutMs,
        200,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; still there: ${(await left()).join(', ')}`);
    }
  }

  /** Last resort after a failed test: SIGKILL whatever of it still runs, remove the state dir. */
  async destroy({ keepState = false } = {}): Promise<void> {
    for (const pid of this.processes().keys()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await waitFor(
      'npm start to exit',
      async () =>
        this.child.exitCode !== null || this.child.signalCode !== null ? true : undefined,
      10_000,
    ).catch(() => undefined);
    if (!keepState) rmSync(this.stateDir, { recursive: true, force: true });
  }

  private pidFiles(): number[] {
    const runDir = join(this.stateDir, 'run');
    if (!existsSync(runDir)) return [];
    return readdirSync(runDir)
      .filter((name) => name.endsWith('.pid'))
      .map((name) => Number(readFileSync(join(runDir, name), 'utf8').trim()))
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  }
}

function inherited(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}

/** Live processes (zombies count as gone): pid → parent pid and command line. */
export function processTable(): Map<number, { ppid: number; command: string }> {
  const table = new Map<number, { ppid: number; command: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so split after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.set(Number(name), { ppid: Number(ppid), command });
    } catch {
      // exited while we read it
    }
  }
  return table;
}

/** The environment a running process was started with (its /proc environ). */
export function environOf(pid: number): Record<string, string> {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
