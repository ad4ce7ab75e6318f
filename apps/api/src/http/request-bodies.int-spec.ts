import { openDatabase } from '@eldercare/persistence';
import {
  ApiClient,
  createTestDatabase,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  testEnvironment,
  type TestDatabase,
  type TestElder,
} from '@eldercare/testing';
import { startTestApi } from '@eldercare/test/api/test-api';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const THRESHOLDS = { vitals: { heartRate: { min: 45, max: 110 } } };

describe('request bodies: what the api reads, and what it refuses before reading', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: { app: NestExpressApplication; apiUrl: string };
  let elder: TestElder;
  let supervisor: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    api = await startTestApi(
      database.url,
      testEnvironment.redisUrl,
      `bodies-${randomBytes(4).toString('hex')}`,
      'mqtt://127.0.0.1:9',
    );
    elder = await createTestElderInPlace(dataSource, { ruleSettings: THRESHOLDS });
    const user = await createTestUser(dataSource, 'supervisor', { regionIds: [elder.districtId] });
    supervisor = await ApiClient.signedIn(api.apiUrl, user.username, TEST_PASSWORD);
  });

  afterAll(async () => {
    await api?.app.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const ruleSettingsOf = async (elderId: string) =>
    (await dataSource.query('SELECT rule_settings FROM elders WHERE id = $1', [elderId]))[0].rule_settings;

  it.each([
    ['no body at all', undefined, {}],
    ['an empty JSON body', '', {}],
    ['a JSON body of only spaces', '  \n', {}],
    ['only a __proto__ key', '{"__proto__":{"vitals":{"heartRate":{"min":1,"max":2}}}}', {}],
    ['a __proto__ key beside a real one', '{"noWater":{"afterHours":12},"__proto__":{}}', {}],
    ['JSON that does not parse', '{"vitals":', {}],
  ])('refuses %s (400) and leaves the thresholds as they were', async (_case, rawBody, headers) => {
    const sut = await supervisor.request<{ error: { code: string } }>(
      'PUT',
      `/api/elders/${elder.elderId}/rule-settings`,
      undefined,
      rawBody,
      headers,
    );

    expect(sut.status).toBe(400);
    expect(sut.body.error.code).toBe('invalid-request');
    expect(await ruleSettingsOf(elder.elderId)).toEqual(THRESHOLDS);
  });

  it('refuses a missing body on every route that takes one, never reading it as {}', async () => {
    const routes: [string, string][] = [
      ['POST', '/api/auth/login'],
      ['POST', `/api/elders/${elder.elderId}/absences`],
      ['PUT', `/api/elders/${elder.elderId}/rule-settings`],
      ['POST', '/api/elders'],
    ];
    for (const [method, path] of routes) {
      const sut = await supervisor.request<{ error: { code: string; message: string } }>(method, path);
      expect({ path, status: sut.status, code: sut.body.error.code }).toEqual({
        path,
        status: 400,
        code: 'invalid-request',
      });
    }
  });

  it('refuses a body nested thousands of levels deep before reading it (400 body-too-deep), signed in or not', async () => {
    const deep = '{"a":'.repeat(6000) + '1' + '}'.repeat(6000);

    const signedIn = await supervisor.request<{ error: { code: string } }>(
      'PUT',
      `/api/elders/${elder.elderId}/rule-settings`,
      undefined,
      deep,
    );
    const anonymous = await new ApiClient(api.apiUrl).request<{ error: { code: string } }>(
      'POST',
      '/api/auth/login',
      undefined,
      deep,
    );

    expect([signedIn.status, signedIn.body.error.code]).toEqual([400, 'body-too-deep']);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([400, 'body-too-deep']);
    expect(await ruleSettingsOf(elder.elderId)).toEqual(THRESHOLDS);
  });

  it('still reads a well-formed body as before', async () => {
    const other = await createTestElderInPlace(dataSource);
    const user = await createTestUser(dataSource, 'supervisor', { regionIds: [other.districtId] });
    const sut = await ApiClient.signedIn(api.apiUrl, user.username, TEST_PASSWORD);

    const saved = await sut.request('PUT', `/api/elders/${other.elderId}/rule-settings`, THRESHOLDS);

    expect(saved.status).toBe(200);
    expect(await ruleSettingsOf(other.elderId)).toEqual(THRESHOLDS);
  });
});
