import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export type { Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
// Debian's Chromium (scripts/lib/browser.sh installs it and exports TALLY_CHROMIUM for every
// script that runs a browser suite): playwright's own browser downloads cannot reach us here.
const CHROMIUM = process.env.TALLY_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const VIEWPORT = { width: 1100, height: 700 };

export interface BrowserOptions {
  /** Where `screenshot` writes `<name>.png`; by default the suite's own output directory. */
  readonly screenshotDir?: string;
}

/**
 * One headless Chromium for a suite, driven by playwright: `openBrowser()` in `beforeAll`,
 * `close()` in `afterAll`. Its pages are playwright's own (`page.goto`,
 * `page.getByRole('button', { name: 'Pay' }).click()`); `close` closes any still open.
 */
export class TestBrowser {
  private readonly pages = new Set<Page>();

  constructor(
    private readonly browser: Browser,
    /** Where this suite's screenshots go. */
    readonly screenshotDir: string,
  ) {}

  async newPage(viewport: { width: number; height: number } = VIEWPORT): Promise<Page> {
    const page = await this.browser.newPage({ viewport });
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
    return page;
  }

  /** The page as it looks now, saved as `<screenshotDir>/<name>.png`; returns the file. */
  async screenshot(page: Page, name: string): Promise<string> {
    await mkdir(this.screenshotDir, { recursive: true });
    const file = join(this.screenshotDir, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pages].map((page) => page.close()));
    await this.browser.close();
  }
}

/** Starts the suite's Chromium; call it in `beforeAll` (it reads the running test file). */
export async function openBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  return new TestBrowser(await launchChromium(), options.screenshotDir ?? suiteOutputDir());
}

/** Debian's headless Chromium under playwright, for suites that manage their own pages. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: run the suite through npm test or npm run e2e, which install ` +
        `Debian's chromium, or apt-get install chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** `.tally/test-output/<test file>/`, git-ignored like the rest of `.tally`. */
function suiteOutputDir(): string {
  const suite = basename(expect.getState().testPath ?? 'unknown-suite').replace(/\.ts$/, '');
  return join(ROOT, '.tally', 'test-output', suite);
}
