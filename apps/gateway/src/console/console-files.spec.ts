import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleContentSecurityPolicy, loadConsoleFiles } from './console-files';

describe('loadConsoleFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-console-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the built files by their path under /console, index.html apart', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), '');
    writeFileSync(join(dir, 'assets', 'index-abc.css'), '');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    // Nothing of a type the console does not ship is served, whatever lands in the folder.
    writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{}');

    const files = loadConsoleFiles(dir);
    expect(files.indexHtml).toBe('<div id="root"></div>');
    expect(
      Object.fromEntries([...files.assets].map(([name, asset]) => [name, asset.contentType])),
    ).toEqual({
      'assets/index-abc.js': 'text/javascript; charset=utf-8',
      'assets/index-abc.css': 'text/css; charset=utf-8',
      'favicon.svg': 'image/svg+xml',
    });
  });

  it('has no index and no assets when the console was not built', () => {
    const files = loadConsoleFiles(join(dir, 'missing'));
    expect([files.indexHtml, files.assets.size]).toEqual([null, 0]);
  });
});

describe('consoleContentSecurityPolicy', () => {
  it("allows scripts only from the gateway and styles from it or with the response's nonce", () => {
    const csp = consoleContentSecurityPolicy('bm9uY2U=');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'nonce-bm9uY2U='");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
  });
});
