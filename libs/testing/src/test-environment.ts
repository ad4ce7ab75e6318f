/**
 * Where the integration tests find the machine's real services. Overridable for other machines;
 * the defaults are the local servers that CI starts (see .ci/run).
 */
export const testEnvironment = {
  postgresAdminUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  /** Set by the global setup for the test files of one run (see `newTestRun`). */
  run: process.env.ELDERCARE_TEST_RUN ?? 'adhoc',
};

export function databaseUrl(database: string): string {
  const url = new URL(testEnvironment.postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
