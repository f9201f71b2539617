import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  CONSOLE_PATH,
  consoleContentSecurityPolicy,
  type ConsoleFiles,
  STYLE_NONCE_PLACEHOLDER,
} from './console-files';

export const CONSOLE_FILES = Symbol('CONSOLE_FILES');

// Vite names built assets by their content hash: a name never changes what it serves.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSETS_PREFIX = 'assets/';

/**
 * The console (apps/console) on the API's own origin, so it needs no CORS: its hashed assets,
 * and index.html for every other path under /console, where the app's router takes over.
 * The files are public; what the console shows comes from /graphql with the user's token.
 */
@Controller(CONSOLE_PATH)
export class ConsoleController {
  constructor(@Inject(CONSOLE_FILES) private readonly files: ConsoleFiles) {}

  @Get()
  index(@Res() res: Response): void {
    this.sendIndex(res);
  }

  @Get('*path')
  file(@Param('path') path: string | string[], @Res() res: Response): void {
    const name = Array.isArray(path) ? path.join('/') : path;
    const asset = this.files.assets.get(name);
    if (asset !== undefined) {
      res.setHeader('cache-control', IMMUTABLE);
      res.setHeader('x-content-type-options', 'nosniff');
      res.type(asset.contentType).sendFile(asset.file);
      return;
    }
    // A missing script or style is a broken build or a stale page, not a route of the app.
    if (name.startsWith(ASSETS_PREFIX)) {
      res.status(404).type('text/plain; charset=utf-8').send(`no console asset ${name}\n`);
      return;
    }
    this.sendIndex(res);
  }

  private sendIndex(res: Response): void {
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('content-security-policy', consoleContentSecurityPolicy(nonce));
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (this.files.indexHtml === null) {
      res.status(404).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      return;
    }
    res
      .type('text/html; charset=utf-8')
      .send(this.files.indexHtml.replaceAll(STYLE_NONCE_PLACEHOLDER, nonce));
  }
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tally console not built</title></head>
<body><h1>The console is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
</body></html>
`;
