import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every platform we run. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return (utime + stime) / TICKS_PER_SECOND;
}

export interface IdleOptions {
  /** How long the processes together must stay under `maxCores` to count as idle. */
  readonly quietMs: number;
  /** Cores the processes may use together while idle (timers, health checks). */
  readonly maxCores: number;
  readonly timeoutMs: number;
}

/**
 * Resolves, with the milliseconds it took, once the processes have used less than `maxCores`
 * for `quietMs` in a row: the positive signal that their start-up work is over, so what is
 * measured next does not share the cores with it.
 */
export async function waitUntilIdle(
  pids: readonly number[],
  options: IdleOptions,
): Promise<number> {
  const started = performance.now();
  const total = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  for (;;) {
    const before = total();
    const windowStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, options.quietMs));
    const cores = (total() - before) / ((performance.now() - windowStart) / 1000);
    if (cores < options.maxCores) return performance.now() - started - options.quietMs;
    if (performance.now() - started > options.timeoutMs) {
      throw new Error(`still busy after ${options.timeoutMs} ms (${cores.toFixed(2)} cores)`);
    }
  }
}

/** CPU seconds each `postgres` process (the server and its backends) has used so far, by pid. */
export function postgresCpu(): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        used.set(Number(entry), cpuSeconds(Number(entry)));
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return used;
}

/**
 * CPU seconds Postgres used since `before` (a postgresCpu snapshot): backends started since
 * count from zero; one that exited meanwhile takes its share with it (the apps' pooled
 * connections live through a measurement).
 */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu()) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * CPU seconds the whole machine has spent busy (every core, anyone's work), from /proc/stat:
 * beside the measured processes' own, it tells a slow run on a busy machine from a slow run.
 */
export function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}
