import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { MinuteSample, SampleGap, SampleSink } from '@tally/metering/usage/usage-sample';
import { CgroupAgent } from './cgroup-agent';
import { findPodCgroups } from './pod-cgroups';
import { StaticPodNamespaces } from './pod-namespaces';

const uid = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-aaaa-4bbb-8ccc-${n}`.padEnd(36, '0');
const GUARANTEED_SYSTEMD = uid(1);
const BURSTABLE_SYSTEMD = uid(2);
const BESTEFFORT_SYSTEMD = uid(3);
const GUARANTEED_CGROUPFS = uid(4);
const BURSTABLE_CGROUPFS = uid(5);
const BESTEFFORT_CGROUPFS = uid(6);
const UNKNOWN = uid(7);
const LATE = uid(8);

const systemd = (u: string) => u.replace(/-/g, '_');
const PATHS: Record<string, string> = {
  [GUARANTEED_SYSTEMD]: `kubepods.slice/kubepods-pod${systemd(GUARANTEED_SYSTEMD)}.slice`,
  [BURSTABLE_SYSTEMD]: `kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${systemd(BURSTABLE_SYSTEMD)}.slice`,
  [BESTEFFORT_SYSTEMD]: `kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${systemd(BESTEFFORT_SYSTEMD)}.slice`,
  [GUARANTEED_CGROUPFS]: `kubepods/pod${GUARANTEED_CGROUPFS}`,
  [BURSTABLE_CGROUPFS]: `kubepods/burstable/pod${BURSTABLE_CGROUPFS}`,
  [BESTEFFORT_CGROUPFS]: `kubepods/besteffort/pod${BESTEFFORT_CGROUPFS}`,
  [UNKNOWN]: `kubepods/burstable/pod${UNKNOWN}`,
  [LATE]: `kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${systemd(LATE)}.slice`,
};

const NAMESPACES = new StaticPodNamespaces(
  new Map([
    [GUARANTEED_SYSTEMD, 'alpha'],
    [BURSTABLE_SYSTEMD, 'alpha'],
    [BESTEFFORT_SYSTEMD, 'beta'],
    [GUARANTEED_CGROUPFS, 'beta'],
    [BURSTABLE_CGROUPFS, 'gamma'],
    [BESTEFFORT_CGROUPFS, 'gamma'],
    [LATE, 'gamma'],
  ]),
);

class RecordingSink implements SampleSink {
  readonly samples: MinuteSample[] = [];
  readonly gaps: SampleGap[] = [];
  async record(_source: string, samples: readonly MinuteSample[]) {
    this.samples.push(...samples);
  }
  async recordGap(gap: SampleGap) {
    this.gaps.push(gap);
  }
  quantity(namespace: string, resource: string, minute: Date) {
    return this.samples.find(
      (s) =>
        s.namespace === namespace &&
        s.resource === resource &&
        s.minute.getTime() === minute.getTime(),
    )?.quantity;
  }
}

describe('CgroupAgent', () => {
  let root: string;
  let clock: Date;
  let sink: RecordingSink;
  let agent: CgroupAgent;

  async function writePod(podUid: string, usageUsec: number, memoryBytes: number) {
    const dir = join(root, PATHS[podUid]);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'cpu.stat'),
      `usage_usec ${usageUsec}\nuser_usec ${usageUsec - 1}\nsystem_usec 1\nnr_periods 0\n`,
    );
    await writeFile(join(dir, 'memory.current'), `${memoryBytes}\n`);
    // A container's own cgroup inside the pod's: already included in the pod's numbers.
    const container = join(dir, 'cri-containerd-0123abcd.scope');
    await mkdir(container, { recursive: true });
    await writeFile(join(container, 'cpu.stat'), `usage_usec ${usageUsec}\n`);
    await writeFile(join(container, 'memory.current'), `${memoryBytes}\n`);
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tally-cgroup-'));
    sink = new RecordingSink();
    clock = new Date('2026-11-22T10:00:01Z');
    agent = new CgroupAgent(root, NAMESPACES, sink, () => clock);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await mkdir(join(root, 'system.slice/containerd.service'), { recursive: true });
    for (const [n, podUid] of [
      GUARANTEED_SYSTEMD,
      BURSTABLE_SYSTEMD,
      BESTEFFORT_SYSTEMD,
      GUARANTEED_CGROUPFS,
      BURSTABLE_CGROUPFS,
      BESTEFFORT_CGROUPFS,
      UNKNOWN,
    ].entries()) {
      await writePod(podUid, 1_000_000 * (n + 1), 1000 * (n + 1));
    }
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  });

  it('finds pods of all QoS classes in both layouts, with their UIDs', async () => {
    const pods = await findPodCgroups(root);
    expect(pods.map((p) => p.uid).sort()).toEqual(
      [
        GUARANTEED_SYSTEMD,
        BURSTABLE_SYSTEMD,
        BESTEFFORT_SYSTEMD,
        GUARANTEED_CGROUPFS,
        BURSTABLE_CGROUPFS,
        BESTEFFORT_CGROUPFS,
        UNKNOWN,
      ].sort(),
    );
  });

  it('takes a baseline first, then delivers the ended minute per namespace', async () => {
    await agent.tick();
    expect(sink.samples).toEqual([]);

    await writePod(GUARANTEED_SYSTEMD, 1_000_000 + 30_000_000, 5000); // +30 core-s
    await writePod(BURSTABLE_SYSTEMD, 2_000_000 + 500, 2000);
    await writePod(BESTEFFORT_SYSTEMD, 3_000_000, 3000); // idle
    await writePod(GUARANTEED_CGROUPFS, 700, 4000); // recreated: 700 µs since
    await writePod(BURSTABLE_CGROUPFS, 5_000_000 + 1, 5000);
    await writePod(LATE, 42, 9999); // new since the last tick: all of it is this minute's
    clock = new Date('2026-11-22T10:01:01Z');
    await agent.tick();

    const minute = new Date('2026-11-22T10:00:00Z');
    expect(sink.quantity('alpha', 'CPU', minute)).toBe(30_000_500n);
    expect(sink.quantity('beta', 'CPU', minute)).toBe(700n);
    expect(sink.quantity('gamma', 'CPU', minute)).toBe(1n + 0n + 42n);
    // memory.current read at 10:00, held for the minute.
    expect(sink.quantity('alpha', 'MEMORY', minute)).toBe((1000n + 2000n) * 60n);
    expect(sink.quantity('beta', 'MEMORY', minute)).toBe((3000n + 4000n) * 60n);
    expect(sink.quantity('gamma', 'MEMORY', minute)).toBe((5000n + 6000n) * 60n);
    // The unknown pod is skipped (and logged), nothing else.
    expect(new Set(sink.samples.map((s) => s.namespace))).toEqual(
      new Set(['alpha', 'beta', 'gamma']),
    );
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining(UNKNOWN));
    expect(sink.gaps).toEqual([]);
  });

  it('keeps the reading from the start of the minute when a minute ticks twice', async () => {
    await agent.tick();
    await writePod(GUARANTEED_SYSTEMD, 1_000_000 + 10, 1000);
    clock = new Date('2026-11-22T10:00:31Z');
    await agent.tick();
    await writePod(GUARANTEED_SYSTEMD, 1_000_000 + 25, 1000);
    clock = new Date('2026-11-22T10:01:01Z');
    await agent.tick();
    const minute = new Date('2026-11-22T10:00:00Z');
    expect(sink.quantity('alpha', 'CPU', minute)).toBe(25n);
  });

  it('records a gap instead of guessing when a tick is late', async () => {
    await agent.tick();
    clock = new Date('2026-11-22T10:04:01Z');
    await agent.tick();
    expect(sink.samples).toEqual([]);
    expect(sink.gaps.map(({ source, from, to }) => ({ source, from, to }))).toEqual([
      {
        source: 'agent',
        from: new Date('2026-11-22T10:00:00Z'),
        to: new Date('2026-11-22T10:04:00Z'),
      },
    ]);
    // And carries on from there.
    clock = new Date('2026-11-22T10:05:01Z');
    await agent.tick();
    expect(sink.samples.length).toBeGreaterThan(0);
  });
});
