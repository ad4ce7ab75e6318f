import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { findFreePort } from './free-port';

/** A redis-server of our own on a free port, configured as production runs it (AOF, noeviction). */
export interface TestRedis {
  url: string;
  /**
   * Kills the server (SIGKILL: a crash, no shutdown of its own) and starts it again on the same port and files: it
   * comes back from its append-only file.
   */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/**
 * Starts `redis-server` into a temporary folder with the production settings of docker-compose.yml, so that a test
 * may restart it without disturbing anyone else using the machine's Redis. `stop()` deletes the folder.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'eldercare-redis-'));
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
  ];
  let server = await launch(args, url);
  return {
    url,
    crashAndRestart: async () => {
      await stopServer(server, 'SIGKILL');
      server = await launch(args, url);
    },
    stop: async () => {
      await stopServer(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(args: string[], url: string): Promise<ChildProcess> {
  const server = spawn('redis-server', args, { stdio: 'ignore' });
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  server.once('exit', () => process.off('exit', killOnExit));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited (${server.exitCode}) before answering`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      // Loading the append-only file answers LOADING until done: ready means it answers a command.
      await client.ping();
      return server;
    } catch (error) {
      if (Date.now() > deadline) {
        server.kill('SIGKILL');
        throw new Error(`redis-server did not answer on ${url}: ${(error as Error).message}`);
      }
    } finally {
      client.disconnect();
    }
    await new Promise((retry) => setTimeout(retry, 20));
  }
}

async function stopServer(server: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill(signal);
  await exited;
}
