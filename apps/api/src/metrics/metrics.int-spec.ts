import { serveMetrics, platformMetrics, type MetricsAccess } from '@eldercare/metrics';
import { createTestDatabase, testEnvironment, type TestDatabase } from '@eldercare/testing';
import { startTestApi } from '@eldercare/test/api/test-api';
import { randomBytes } from 'node:crypto';

const TOKEN = 'a-scraper-token-of-32-characters';

/** Status of GET /metrics from this host (loopback), with the Authorization header given. */
async function scrape(baseUrl: string, authorization?: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
  await response.arrayBuffer();
  return response.status;
}

/** Status and media type of GET /metrics: the metrics as Prometheus text, a refusal as a JSON error. */
async function scrapeAnswer(baseUrl: string, authorization?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
  await response.arrayBuffer();
  return `${response.status} ${response.headers.get('content-type')?.split(';')[0]}`;
}

describe('/metrics: a token unless explicitly opened, wherever the peer is', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each<[string, MetricsAccess, (string | undefined)[], number[]]>([
    ['with a token', { token: TOKEN, open: false }, [undefined, 'Bearer wrong', `Bearer ${TOKEN}`], [403, 403, 200]],
    ['with neither token nor opening', { open: false }, [undefined, 'Bearer '], [403, 403]],
    ['opened', { open: true }, [undefined], [200]],
  ])('on the api %s, even to a loopback peer', async (_case, metrics, headers, statuses) => {
    const api = await startTestApi(
      database.url,
      testEnvironment.redisUrl,
      `metrics-${randomBytes(4).toString('hex')}`,
      'mqtt://127.0.0.1:9',
      { metrics },
    );
    try {
      const sut = [];
      for (const header of headers) sut.push(await scrapeAnswer(api.apiUrl, header));
      expect(sut).toEqual(statuses.map((status) => `${status} ${status === 200 ? 'text/plain' : 'application/json'}`));
    } finally {
      await api.app.close();
    }
  });

  it.each<[string, MetricsAccess, (string | undefined)[], number[]]>([
    ['with a token', { token: TOKEN, open: false }, [undefined, `Bearer ${TOKEN}`], [403, 200]],
    ['with neither token nor opening', { open: false }, [undefined], [403]],
    ['opened', { open: true }, [undefined], [200]],
  ])('on the METRICS_PORT of a gateway or worker %s', async (_case, access, headers, statuses) => {
    const server = await serveMetrics(platformMetrics.registry, 0, access);
    try {
      const sut = [];
      for (const header of headers) sut.push(await scrape(`http://127.0.0.1:${server.port}`, header));
      expect(sut).toEqual(statuses);
    } finally {
      await server.close();
    }
  });
});
