import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findFreePort } from './free-port';

/** A Postgres cluster of our own, in a temporary folder on a free port: a test may restart it. */
export interface TestPostgresCluster {
  /** The `postgres` database as the superuser (trust auth on loopback). */
  adminUrl: string;
  /** A fresh, empty database on the cluster. */
  createDatabase(name: string): Promise<string>;
  /**
   * `pg_ctl restart -m immediate`: the server stops as in a crash (no checkpoint, every connection cut, transactions
   * in progress lost) and recovers from its write-ahead log as it starts.
   */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

const DEBIAN_VERSIONS = '/usr/lib/postgresql';
const execFileAsync = promisify(execFile);

/** Where `initdb` and `pg_ctl` are: POSTGRES_BIN, else the newest Debian/Ubuntu install, else the PATH. */
async function postgresBin(): Promise<string> {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const versions = await readdir(DEBIAN_VERSIONS).catch(() => [] as string[]);
  const newest = versions.filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(DEBIAN_VERSIONS, newest, 'bin') : '';
}

/**
 * `initdb` and `pg_ctl` from the Postgres installed on the machine. Postgres refuses to run as root: run as root, the
 * cluster belongs to the `postgres` user.
 */
export async function startTestPostgresCluster(): Promise<TestPostgresCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'eldercare-postgres-'));
  const owner = await clusterOwner();
  if (owner) await chown(dir, owner.uid, owner.gid);
  const bin = await postgresBin();
  const run = (tool: string, args: string[]) =>
    execFileAsync(bin ? join(bin, tool) : tool, args, { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' } });
  const data = join(dir, 'data');
  const port = await findFreePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', ...args]);
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    await pgCtl('-o', options, 'start');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    createDatabase: async (name) => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    crashAndRestart: async () => {
      await pgCtl('-m', 'immediate', '-o', options, 'restart');
    },
    stop: async () => {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function clusterOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = async (flag: string) => Number((await execFileAsync('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}
