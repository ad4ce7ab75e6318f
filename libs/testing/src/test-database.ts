import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, testEnvironment } from './test-environment';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const PREFIX = 'eldercare_test_';
/** Left-overs of runs older than this (killed before their teardown) are dropped; younger ones may still be running. */
const STALE_AFTER_MS = 2 * 3600_000;

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnvironment.postgresAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Each test run names its databases `eldercare_test_<run>_…`, the run being its start time, so that two runs on one
 * machine never drop each other's databases.
 */
export function newTestRun(): string {
  return Date.now().toString(36);
}

export const templateDatabase = (run: string) => `${PREFIX}${run}_template`;

/** A fresh database for one test file, cloned from the run's migrated template. */
export async function createTestDatabase(run = testEnvironment.run): Promise<TestDatabase> {
  const name = `${PREFIX}${run}_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase(run)}`));
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** Drops the run's databases, and those of runs long dead. */
export async function dropTestDatabases(run: string): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX.replaceAll('_', '\\_')}%'`,
    );
    for (const { datname } of rows) {
      const age = Date.now() - parseInt(datname.slice(PREFIX.length).split('_')[0], 36);
      const ours = datname.startsWith(`${PREFIX}${run}_`);
      if (ours || !(age >= 0 && age < STALE_AFTER_MS))
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function createEmptyDatabase(name: string): Promise<string> {
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  return databaseUrl(name);
}
