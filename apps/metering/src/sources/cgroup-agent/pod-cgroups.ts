import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A pod's cgroup directory and the pod UID it belongs to. */
export interface PodCgroup {
  readonly uid: string;
  readonly path: string;
}

/** What one read of a pod cgroup found: CPU time and memory in use. */
export interface PodReading {
  /** `usage_usec` of cpu.stat: CPU time of the pod and all its containers, in core-µs. */
  readonly usageUsec: bigint;
  /** memory.current, in bytes. */
  readonly memoryBytes: bigint;
}

// The kubelet's two cgroup drivers lay pods out differently. Guaranteed pods sit directly
// under the kubepods root, burstable and best-effort pods one level down.
//   systemd:  kubepods.slice/[kubepods-<qos>.slice/]kubepods[-<qos>]-pod<uid, _ for ->.slice
//   cgroupfs: kubepods/[<qos>/]pod<uid>
const LAYOUTS = [
  { root: 'kubepods.slice', qosDir: (qos: string) => `kubepods-${qos}.slice` },
  { root: 'kubepods', qosDir: (qos: string) => qos },
] as const;
const SYSTEMD_POD = /^kubepods(?:-(?:burstable|besteffort))?-pod([0-9a-f_]+)\.slice$/;
const CGROUPFS_POD = /^pod([0-9a-f-]+)$/;

/** Every pod cgroup under `cgroupRoot` (the cgroup v2 mount), in either layout. */
export async function findPodCgroups(cgroupRoot: string): Promise<PodCgroup[]> {
  const pods: PodCgroup[] = [];
  for (const layout of LAYOUTS) {
    const root = join(cgroupRoot, layout.root);
    for (const dir of [
      root,
      join(root, layout.qosDir('burstable')),
      join(root, layout.qosDir('besteffort')),
    ]) {
      for (const name of await subdirectories(dir)) {
        const uid = podUid(name);
        if (uid) pods.push({ uid, path: join(dir, name) });
      }
    }
  }
  return pods;
}

function podUid(dirName: string): string | undefined {
  const systemd = SYSTEMD_POD.exec(dirName);
  // systemd unit names cannot hold '-' inside a slice's own part, so the kubelet writes '_'.
  if (systemd) return systemd[1].replace(/_/g, '-');
  return CGROUPFS_POD.exec(dirName)?.[1];
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Reads a pod cgroup; undefined when the pod went away between listing and reading. */
export async function readPodCgroup(path: string): Promise<PodReading | undefined> {
  try {
    const [cpuStat, memoryCurrent] = await Promise.all([
      readFile(join(path, 'cpu.stat'), 'utf8'),
      readFile(join(path, 'memory.current'), 'utf8'),
    ]);
    const usage = /^usage_usec (\d+)$/m.exec(cpuStat);
    if (!usage) throw new Error(`no usage_usec in ${join(path, 'cpu.stat')}`);
    return { usageUsec: BigInt(usage[1]), memoryBytes: BigInt(memoryCurrent.trim()) };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
