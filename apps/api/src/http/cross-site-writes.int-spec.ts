import { openDatabase } from '@eldercare/persistence';
import {
  ApiClient,
  createTestDatabase,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  testEnvironment,
  type ApiAnswer,
  type TestDatabase,
  type TestElder,
} from '@eldercare/testing';
import { startTestApi } from '@eldercare/test/api/test-api';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import type { DataSource } from 'typeorm';

const THRESHOLDS = { vitals: { heartRate: { min: 45, max: 110 } } };
const CONSOLE_ELSEWHERE = 'https://console.example.org';

type Refusal = ApiAnswer<{ error: { code: string } }>;

describe('writes and live sockets from pages of other origins', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: { app: NestExpressApplication; apiUrl: string };
  let elder: TestElder;
  let supervisor: ApiClient;
  /** Another port of the same host: same site, so SameSite=Strict cookies go along. */
  let siblingOrigin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    api = await startTestApi(
      database.url,
      testEnvironment.redisUrl,
      `origins-${randomBytes(4).toString('hex')}`,
      'mqtt://127.0.0.1:9',
      { consoleOrigins: [CONSOLE_ELSEWHERE] },
    );
    const url = new URL(api.apiUrl);
    siblingOrigin = `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
    elder = await createTestElderInPlace(dataSource, { ruleSettings: THRESHOLDS });
    const user = await createTestUser(dataSource, 'supervisor', { regionIds: [elder.districtId] });
    supervisor = await ApiClient.signedIn(api.apiUrl, user.username, TEST_PASSWORD);
  });

  afterAll(async () => {
    await api?.app.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const ruleSettings = () => `/api/elders/${elder.elderId}/rule-settings`;
  const storedThresholds = async () =>
    (await dataSource.query('SELECT rule_settings FROM elders WHERE id = $1', [elder.elderId]))[0].rule_settings;

  it.each([
    ['a sibling port', () => siblingOrigin, {}],
    ['another site', () => 'https://evil.example', {}],
    ['a sandboxed frame', () => 'null', {}],
  ])('refuses a write from %s (403 origin-not-allowed) and changes nothing', async (_case, origin) => {
    const sut: Refusal = await supervisor.request('PUT', ruleSettings(), {}, undefined, { origin: origin() });

    expect([sut.status, sut.body.error.code]).toEqual([403, 'origin-not-allowed']);
    expect(await storedThresholds()).toEqual(THRESHOLDS);
  });

  it('refuses a same-site but cross-origin write a browser sent without Origin', async () => {
    const sut: Refusal = await supervisor.request('PUT', ruleSettings(), {}, undefined, {
      origin: null,
      'sec-fetch-site': 'same-site',
    });

    expect([sut.status, sut.body.error.code]).toEqual([403, 'origin-not-allowed']);
  });

  it('refuses a bodyless write from another origin: signing out stays the console’s to do', async () => {
    const sut: Refusal = await supervisor.request('POST', '/api/auth/logout', undefined, undefined, {
      origin: siblingOrigin,
    });

    expect([sut.status, sut.body.error.code]).toEqual([403, 'origin-not-allowed']);
    expect((await supervisor.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a sign-in from another origin', async () => {
    const sut: Refusal = await new ApiClient(api.apiUrl).request(
      'POST',
      '/api/auth/login',
      { username: 'anyone', password: TEST_PASSWORD },
      undefined,
      { origin: siblingOrigin },
    );

    expect([sut.status, sut.body.error.code]).toEqual([403, 'origin-not-allowed']);
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'vitals=1'],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
    ['text/plain', 'text/plain', '{"vitals":{}}'],
  ])('refuses a %s write even from its own origin (415 body-not-json), unread', async (_case, type, body) => {
    const sut: Refusal = await supervisor.request('PUT', ruleSettings(), undefined, body, { 'content-type': type });

    expect([sut.status, sut.body.error.code]).toEqual([415, 'body-not-json']);
    expect(await storedThresholds()).toEqual(THRESHOLDS);
  });

  it('takes writes from its own pages and from a configured console origin', async () => {
    const own = await supervisor.request('PUT', ruleSettings(), THRESHOLDS);
    const configured = await supervisor.request('PUT', ruleSettings(), THRESHOLDS, undefined, {
      origin: CONSOLE_ELSEWHERE,
    });
    const sameOrigin = await supervisor.request('PUT', ruleSettings(), THRESHOLDS, undefined, {
      origin: null,
      'sec-fetch-site': 'same-origin',
    });

    expect([own.status, configured.status, sameOrigin.status]).toEqual([200, 200, 200]);
  });

  /** Whether a live socket of the supervisor's session opens when its handshake names `origin`. */
  async function socketOpensFrom(origin: string): Promise<boolean> {
    const socket = io(api.apiUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: supervisor.cookieHeader, origin },
      reconnection: false,
    });
    try {
      return await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
    } finally {
      socket.disconnect();
    }
  }

  it('opens the live socket for its own pages and a configured console, not for a page of another origin', async () => {
    expect(await socketOpensFrom(new URL(api.apiUrl).origin)).toBe(true);
    expect(await socketOpensFrom(CONSOLE_ELSEWHERE)).toBe(true);
    expect(await socketOpensFrom(siblingOrigin)).toBe(false);
    expect(await socketOpensFrom('https://evil.example')).toBe(false);
  });
});
