import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiOptions } from './api.options';
import { serveConsole } from './console-app/serve-console';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { mountOpenApi } from './http/open-api';
import { jsonBody } from './http/json-body';

/** What an HTTP app of the api needs beyond its modules, in whichever process runs it. */
export function configureApiApp(app: NestExpressApplication, options: ApiOptions): void {
  app.disable('x-powered-by');
  // The sign-in throttle counts by address: trust X-Forwarded-For only from a proxy on this machine.
  app.set('trust proxy', 'loopback');
  app.use(jsonBody());
  app.useWebSocketAdapter(new RedisIoAdapter(app, options.redis.url));
  mountOpenApi(app);
  serveConsole(app, options.console.dir);
}
