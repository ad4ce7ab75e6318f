import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the console app never owns: the api, live events, health and metrics. */
const API_PATHS = /^\/(api|socket\.io|health|metrics)(\/|$)/;

/** Vite's output: scripts (the entry and each page's lazy chunk) and styles, named by a hash of their content. */
const ASSETS = '/assets/';

/**
 * Serves the built console: its files, and its index.html for every other GET so that deep links (`/alerts/…`)
 * open the app, which routes them itself. A hashed asset never changes, so browsers keep it; one that is not
 * there (a page chunk of an older build, asked by a tab opened before a deploy) is a 404, not index.html, which
 * the browser would refuse as a script without saying why.
 */
export function serveConsole(app: NestExpressApplication, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  app.useStaticAssets(join(root, 'assets'), {
    prefix: ASSETS,
    index: false,
    fallthrough: true,
    immutable: true,
    maxAge: '1y',
  });
  app.useStaticAssets(root, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || API_PATHS.test(request.path)) return next();
    if (request.path.startsWith(ASSETS)) return response.status(404).type('text/plain').send('no such console file');
    if (!existsSync(index))
      return response
        .status(404)
        .type('text/plain')
        .send(`the console is not built: run npm run console:build (looked in ${root})`);
    response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
}
