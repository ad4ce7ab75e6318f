import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiOptions } from './api.options';
import { serveConsole } from './console-app/serve-console';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { mountOpenApi } from './http/open-api';
import { jsonBody } from './http/json-body';
import { refuseForeignWrites } from './http/foreign-writes.middleware';
import { noStore, securityHeaders } from './http/security-headers';

/** What an HTTP app of the api needs beyond its modules, in whichever process runs it. */
export function configureApiApp(app: NestExpressApplication, options: ApiOptions): void {
  app.disable('x-powered-by');
  // The sign-in throttle counts by address: trust X-Forwarded-For only from a proxy on this machine.
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(options.console.tileUrl));
  app.use('/api', noStore);
  // Before any body is read: a write from another origin, or in a form's media type, is refused unread.
  app.use(refuseForeignWrites(options.consoleOrigins));
  app.use(jsonBody());
  app.useWebSocketAdapter(new RedisIoAdapter(app, options.redis.url, options.consoleOrigins));
  mountOpenApi(app);
  serveConsole(app, options.console.dir);
}
