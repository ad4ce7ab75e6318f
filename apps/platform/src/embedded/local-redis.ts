import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { RunningService } from './embedded-postgres';

export class RedisUnavailableError extends Error {
  readonly code = 'redis-unavailable';
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Redis for the all-in-one process: the given URL, else one answering on the default port, else a `redis-server`
 * from PATH started into `<dataDir>/redis` with the settings BullMQ needs (AOF on, noeviction).
 */
export async function findOrStartRedis(
  configuredUrl: string | undefined,
  defaultUrl: string,
  dataDir: string,
  port: number,
): Promise<RunningService> {
  const noop = async () => undefined;
  if (configuredUrl) return { url: configuredUrl, stop: noop };
  if (await answers(defaultUrl)) return { url: defaultUrl, stop: noop };

  const dir = resolve(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
  ];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const started = await new Promise<boolean>((resolveStarted) => {
    child.once('error', () => resolveStarted(false));
    child.once('spawn', () => resolveStarted(true));
  });
  const url = `redis://127.0.0.1:${port}`;
  if (!started) {
    throw new RedisUnavailableError(
      'No Redis answers on 127.0.0.1:6379 and no redis-server is on PATH. Install one (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL.',
    );
  }
  for (let attempt = 0; attempt < 100 && !(await answers(url)); attempt++) await new Promise((r) => setTimeout(r, 50));
  if (!(await answers(url)))
    throw new RedisUnavailableError(`redis-server started from PATH but does not answer on ${url}`);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
