import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the console app never owns: the api, live events, health and metrics. */
const API_PATHS = /^\/(api|socket\.io|health|metrics)(\/|$)/;

/**
 * Serves the built console: its files, and its index.html for every other GET so that deep links (`/alerts/…`)
 * open the app, which routes them itself.
 */
export function serveConsole(app: NestExpressApplication, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  app.useStaticAssets(root, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || API_PATHS.test(request.path)) return next();
    if (!existsSync(index))
      return response
        .status(404)
        .type('text/plain')
        .send(`the console is not built: run npm run console:build (looked in ${root})`);
    response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
}
