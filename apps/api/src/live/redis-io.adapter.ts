import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import { isFromAllowedOrigin } from '../http/request-origin';

/**
 * socket.io over Redis pub/sub, so an event emitted on one api instance reaches consoles on all of them. A
 * handshake from a page of another origin is refused before the session cookie is looked at: a socket is as good
 * as a read of every alert in the viewer's scope.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger('ConsoleEventsGateway');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(
    app: INestApplicationContext,
    redisUrl: string,
    private readonly consoleOrigins: readonly string[],
  ) {
    super(app);
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = this.publisher.duplicate();
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      allowRequest: (request: IncomingMessage, decide: (error: string | null, allowed: boolean) => void) =>
        decide(null, this.allows(request)),
    }) as Server;
    server.adapter(createAdapter(this.publisher, this.subscriber));
    return server;
  }

  private allows(request: IncomingMessage): boolean {
    if (isFromAllowedOrigin(request.headers, this.consoleOrigins)) return true;
    this.logger.log({
      refused: 'origin-not-allowed',
      status: 403,
      method: request.method,
      path: '/socket.io',
      user: null,
    });
    return false;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
