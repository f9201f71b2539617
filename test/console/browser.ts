import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { source as axeSource } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';

/**
 * One headless Chromium for a suite (test/support/browser.ts launches it), with a fresh context
 * per page so each has its own sessionStorage; pages opened through it are closed with it.
 * Screenshots go to `outputDir`.
 */
export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    readonly outputDir: string,
  ) {}

  static async open(outputDir: string): Promise<ConsoleBrowser> {
    await mkdir(outputDir, { recursive: true });
    return new ConsoleBrowser(await launchChromium(), outputDir);
  }

  /** A page in a fresh context (its own sessionStorage), recording what went wrong on it. */
  async newPage(width = 1280, height = 900): Promise<WatchedPage> {
    const context = await this.browser.newContext({ viewport: { width, height } });
    return new WatchedPage(await context.newPage());
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * A page with what a person would not see: console errors (a CSP refusal is one), uncaught
 * exceptions, failed responses, and every URL it requested.
 */
export class WatchedPage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) this.errors.push(`HTTP ${response.status()} ${response.url()}`);
    });
  }

  /** A full-page PNG named `name` in `dir`, at the page's current width. */
  async screenshot(dir: string, name: string): Promise<string> {
    const file = join(dir, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** At each width: the page resized and photographed as `<name>-<width>.png`. */
  async screenshotAt(dir: string, name: string, widths: readonly number[]): Promise<string[]> {
    const files: string[] = [];
    for (const width of widths) {
      await this.page.setViewportSize({ width, height: 900 });
      files.push(await this.screenshot(dir, `${name}-${width}`));
    }
    return files;
  }

  /**
   * axe-core's checks of the page as it is now (WCAG 2.1 A and AA and best practices). axe is
   * evaluated through the DevTools protocol, which the page's CSP does not govern: the page
   * itself allows no inline script.
   */
  async axeViolations(): Promise<AxeViolation[]> {
    await this.page.evaluate(axeSource);
    return this.page.evaluate(async () => {
      // The page's globals: this function runs in the browser, typed without the DOM library.
      const { axe, document } = globalThis as unknown as { axe: AxeGlobal; document: unknown };
      const result = await axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

// The part of axe's API used in the page, typed here: the page has no module system.
interface AxeGlobal {
  run(
    context: unknown,
    options: object,
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  }>;
}

/** Violations a person relying on a keyboard or a screen reader would be stopped by. */
export function seriousViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
