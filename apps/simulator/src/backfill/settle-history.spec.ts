import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settleHistory, wholeHours } from './settle-history';

describe('settleHistory', () => {
  let dir: string;
  let settled: string[];
  const gateway = {
    request: async <T>(_op: string, _token: string, _query: string, variables = {}) => {
      settled.push((variables as { hour: string }).hour);
      return { settleHour: { charged: '1.250000' } } as T;
    },
  };
  const settle = (log: string[] = []) =>
    settleHistory({
      gateway,
      adminKey: 'tly_admin',
      from: new Date('2026-12-01T09:40:00Z'),
      until: new Date('2026-12-01T12:10:00Z'),
      settledFile: join(dir, 'history-settled'),
      log: (line) => log.push(line),
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'settle-history-'));
    settled = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('settles every whole hour of the history once, oldest first, and says what it charged', async () => {
    const log: string[] = [];
    await settle(log);
    expect(settled).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T11:00:00.000Z',
    ]);
    expect(log).toContain('settled 3 hours of history (3.750000 charged)');
    expect(await readFile(join(dir, 'history-settled'), 'utf8')).toContain('3 hours settled');
  });

  it('settles nothing on a later start', async () => {
    await settle();
    settled = [];
    await settle();
    expect(settled).toEqual([]);
  });

  it('waits until npm start says Prometheus has the history, then settles it', async () => {
    const loadedFile = join(dir, 'backfilled-until');
    const log: string[] = [];
    const settling = settleHistory({
      gateway,
      adminKey: 'tly_admin',
      from: new Date('2026-12-01T09:40:00Z'),
      until: new Date('2026-12-01T11:10:00Z'),
      settledFile: join(dir, 'history-settled'),
      loadedFile,
      log: (line) => log.push(line),
      pollMs: 10,
    });
    while (!log.includes('waiting for the history to be in Prometheus before settling it')) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(settled).toEqual([]);

    await writeFile(loadedFile, '2026-12-01T11:10:00Z\n');
    await settling;
    expect(settled).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z']);
  });

  it('an empty range is no hour', () => {
    expect(wholeHours(new Date('2026-12-01T10:10:00Z'), new Date('2026-12-01T10:50:00Z'))).toEqual(
      [],
    );
  });
});
