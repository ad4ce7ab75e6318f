import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

interface RuleSettingsView {
  overrides: Record<string, unknown>;
  effective: { vitals: { heartRate: { min: number; max: number } }; safeZone: { zone: unknown } };
}

describe('an elder’s thresholds and absences', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource);
  });

  async function signedIn(
    role: 'supervisor' | 'operator' | 'family',
    scope: { regionIds?: string[]; elderIds?: string[] },
  ): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, role, scope);
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  it('lets a supervisor set vital-sign limits and a safe zone where the rules read them, and audits it', async () => {
    const sut = await signedIn('supervisor', { regionIds: [elder.districtId] });
    const overrides = {
      vitals: { heartRate: { min: 45, max: 110 } },
      safeZone: { zone: { lat: 28.68, lon: 115.89, radiusM: 500 } },
    };

    const saved = await sut.request<RuleSettingsView>('PUT', `/api/elders/${elder.elderId}/rule-settings`, overrides);
    expect(saved).toMatchObject({
      status: 200,
      body: {
        overrides,
        effective: { vitals: { heartRate: { min: 45, max: 110 } }, safeZone: { zone: { radiusM: 500 } } },
      },
    });
    const [row] = await harness.dataSource.query('SELECT rule_settings FROM elders WHERE id = $1', [elder.elderId]);
    expect(row.rule_settings).toEqual(overrides);
    const [audit] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE elder_id = $1 AND action = 'elder.rule-settings'`,
      [elder.elderId],
    );
    expect(audit.n).toBe(1);
  });

  it.each([
    ['an unknown setting', { vitals: { pulse: 3 } }, 'vitals.pulse'],
    ['limits upside down', { vitals: { heartRate: { min: 120, max: 50 } } }, 'vitals.heartRate'],
    ['a text where a number goes', { noWater: { afterHours: '12' } }, 'noWater.afterHours'],
  ])('refuses %s, naming the setting, and changes nothing', async (_case, overrides, named) => {
    const sut = await signedIn('supervisor', { regionIds: [elder.districtId] });
    const refused = await sut.request<{ error: { code: string; message: string } }>(
      'PUT',
      `/api/elders/${elder.elderId}/rule-settings`,
      overrides,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'rule-settings-invalid',
      message: expect.stringContaining(named),
    });
    const [row] = await harness.dataSource.query('SELECT rule_settings FROM elders WHERE id = $1', [elder.elderId]);
    expect(row.rule_settings).toEqual({});
  });

  it('lets an operator read but not change thresholds, and answers 404 outside the regions', async () => {
    const operator = await signedIn('operator', { regionIds: [elder.streetId] });
    expect((await operator.get(`/api/elders/${elder.elderId}/rule-settings`)).status).toBe(200);
    expect((await operator.request('PUT', `/api/elders/${elder.elderId}/rule-settings`, {})).status).toBe(403);
    const stranger = await createTestElderInPlace(harness.dataSource);
    expect((await operator.get(`/api/elders/${stranger.elderId}/rule-settings`)).status).toBe(404);
  });

  it('lets the family record a hospital stay and end it when the elder comes home, and no other family', async () => {
    const family = await signedIn('family', { elderIds: [elder.elderId] });
    const startsAt = new Date(Date.now() - 3_600_000).toISOString();
    const endsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const { status, body: absences } = await family.post<{ id: string; reason: string }[]>(
      `/api/elders/${elder.elderId}/absences`,
      { reason: 'hospital', startsAt, endsAt },
    );
    expect(status).toBe(201);
    expect(absences).toEqual([expect.objectContaining({ reason: 'hospital' })]);

    const otherFamily = await signedIn('family', {
      elderIds: [(await createTestElderInPlace(harness.dataSource)).elderId],
    });
    expect(
      (await otherFamily.request('DELETE', `/api/elders/${elder.elderId}/absences/${absences[0].id}`)).status,
    ).toBe(404);

    expect((await family.request('DELETE', `/api/elders/${elder.elderId}/absences/${absences[0].id}`)).status).toBe(
      204,
    );
    expect((await family.get<unknown[]>(`/api/elders/${elder.elderId}/absences`)).body).toEqual([]);
    expect((await family.request('DELETE', `/api/elders/${elder.elderId}/absences/${absences[0].id}`)).status).toBe(
      404,
    );
  });

  it('refuses an absence that ends before it starts', async () => {
    const operator = await signedIn('operator', { regionIds: [elder.districtId] });
    const refused = await operator.post(`/api/elders/${elder.elderId}/absences`, {
      reason: 'away',
      startsAt: '2026-12-02T08:00:00+08:00',
      endsAt: '2026-12-01T08:00:00+08:00',
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', message: expect.stringContaining('endsAt') } },
    });
  });
});
