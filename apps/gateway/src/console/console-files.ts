import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** URL path the console is served at; its Vite build uses the same base. */
export const CONSOLE_PATH = '/console';

/** Where the gateway writes each response's style nonce into the console's index.html. */
export const STYLE_NONCE_PLACEHOLDER = '__TALLY_STYLE_NONCE__';

export interface ConsoleAsset {
  readonly file: string;
  readonly contentType: string;
}

export interface ConsoleFiles {
  /** index.html with the nonce placeholder; null when the console has not been built. */
  readonly indexHtml: string | null;
  /** Every other built file by its path under /console ("assets/index-3f2a.js"). */
  readonly assets: ReadonlyMap<string, ConsoleAsset>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built console, listed once at start-up. Only files of this table are ever served, looked
 * up by name: a path from the URL never reaches the file system, so nothing else can be read.
 */
export function loadConsoleFiles(dir: string): ConsoleFiles {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return { indexHtml: null, assets: new Map() };
  const assets = new Map<string, ConsoleAsset>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, entry);
    const contentType = CONTENT_TYPES[extname(entry)];
    if (entry === 'index.html' || contentType === undefined || !statSync(file).isFile()) continue;
    assets.set(entry.split(sep).join('/'), { file, contentType });
  }
  return { indexHtml: readFileSync(index, 'utf8'), assets };
}

/**
 * Everything the page may load comes from the gateway itself: scripts only as files (no inline
 * script, no eval), styles as files or as the <style> elements Mantine writes, which carry this
 * response's nonce. The API is reached on the same origin.
 */
export function consoleContentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
