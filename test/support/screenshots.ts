import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Pages as a person sees them, taken with Debian's headless Chromium (scripts/e2e.sh installs
 * it and sets TALLY_CHROMIUM) into `dir`. Without a Chromium nothing is taken, and `take`
 * says so by returning null.
 */
export class Screenshots {
  private readonly chromium = process.env.TALLY_CHROMIUM;

  constructor(readonly dir: string) {}

  get enabled(): boolean {
    return this.chromium !== undefined && this.chromium !== '';
  }

  /** `url` (http or file) at width × height, after its scripts have had `budgetMs` to run. */
  async take(
    name: string,
    url: string,
    { width = 1100, height = 700, budgetMs = 5000 } = {},
  ): Promise<string | null> {
    if (!this.enabled) return null;
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${name}.png`);
    await promisify(execFile)(
      this.chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--hide-scrollbars',
        `--window-size=${width},${height}`,
        `--virtual-time-budget=${budgetMs}`,
        `--screenshot=${file}`,
        url,
      ],
      { timeout: 60_000 },
    );
    if ((await stat(file)).size === 0) throw new Error(`Chromium wrote an empty ${file}`);
    return file;
  }
}
