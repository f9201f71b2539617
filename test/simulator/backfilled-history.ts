import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PrometheusServer } from '../support/prometheus-server';

const root = join(__dirname, '..', '..');

/**
 * `simulator backfill` run as npm start runs it (the compiled app), its OpenMetrics imported
 * into a Prometheus of the suite's own with promtool. `args` go after `backfill --out <file>`.
 */
export class BackfilledHistory {
  private constructor(
    readonly dir: string,
    readonly file: string,
    readonly stdout: string,
    readonly prometheus: PrometheusServer,
  ) {}

  static async start(args: readonly string[]): Promise<BackfilledHistory> {
    const dir = await mkdtemp(join(tmpdir(), 'tally-backfill-'));
    const file = join(dir, 'history.om');
    const { stdout } = await promisify(execFile)(
      'node',
      ['scripts/run-app.js', 'simulator', 'backfill', '--out', file, ...args],
      { cwd: root },
    );
    return new BackfilledHistory(
      dir,
      file,
      stdout,
      await PrometheusServer.start([], { openMetricsFile: file }),
    );
  }

  async stop(): Promise<void> {
    await this.prometheus.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
