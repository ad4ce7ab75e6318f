import type { AlertCase, AlertView, CareCallDay, CareCallRecord } from '@eldercare/contracts';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('care calls', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let sut: ApiClient;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource);
    const operator = await createTestUser(harness.dataSource, 'operator', {
      regionIds: [elder.districtId],
      displayName: '张敏',
    });
    sut = await ApiClient.signedIn(harness.apiUrl, operator.username, TEST_PASSWORD);
  });

  it('lists an elder living alone who was never reached as due today, and no longer once called', async () => {
    const { body: before } = await sut.get<CareCallDay>('/api/care-calls');
    expect(before.due.find((due) => due.elder.id === elder.elderId)).toMatchObject({
      because: 'living_alone',
      everyDays: 3,
      lastReached: null,
      retry: false,
    });

    const call = await sut.post<CareCallRecord>('/api/care-calls', {
      elderId: elder.elderId,
      outcome: 'answered-well',
      note: '身体不错',
    });
    expect(call).toMatchObject({
      status: 201,
      body: { outcome: 'answered-well', alertId: null, by: { displayName: '张敏' } },
    });

    const { body: after } = await sut.get<CareCallDay>(`/api/care-calls?date=${before.date}`);
    expect(after.due.map((due) => due.elder.id)).not.toContain(elder.elderId);
    expect(after.made.find((made) => made.id === call.body.id)).toMatchObject({
      elder: { id: elder.elderId },
      note: '身体不错',
    });
  });

  it('raises a check-on alert when a call does not reach an elder living alone, stored with the call', async () => {
    const { body: call } = await sut.post<CareCallRecord>('/api/care-calls', {
      elderId: elder.elderId,
      outcome: 'no-answer',
      note: '响铃无人接',
    });
    expect(call.alertId).toEqual(expect.any(String));

    const queued = await eventually(async () =>
      (await sut.get<AlertView[]>('/api/alerts/open')).body.find((alert) => alert.id === call.alertId),
    );
    expect(queued).toMatchObject({
      rule: 'care-call-unanswered',
      severity: 'check-on',
      device: null,
      elder: { id: elder.elderId },
    });
    const { body: workedCase } = await sut.get<AlertCase>(`/api/alerts/${call.alertId}`);
    expect(workedCase.alert.evidence).toMatchObject({ careCallId: call.id, note: '响铃无人接' });
    const [audit] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'care-call.record' AND subject = $1`,
      [`care-call:${call.id}`],
    );
    expect(audit.n).toBe(1);
  });

  it('raises nothing for an unanswered call to an elder who does not live alone', async () => {
    await harness.dataSource.query(`UPDATE elders SET categories = '{empty_nest}' WHERE id = $1`, [elder.elderId]);
    const { body: call } = await sut.post<CareCallRecord>('/api/care-calls', {
      elderId: elder.elderId,
      outcome: 'no-answer',
      note: '',
    });
    expect(call.alertId).toBeNull();
  });

  it('answers 404 for an elder outside the operator’s regions and records nothing', async () => {
    const stranger = await createTestElderInPlace(harness.dataSource);
    const refused = await sut.post('/api/care-calls', { elderId: stranger.elderId, outcome: 'no-answer', note: '' });
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    const [count] = await harness.dataSource.query('SELECT count(*)::int AS n FROM care_calls WHERE elder_id = $1', [
      stranger.elderId,
    ]);
    expect(count.n).toBe(0);
    expect((await sut.get<CareCallDay>('/api/care-calls')).body.due.map((due) => due.elder.id)).not.toContain(
      stranger.elderId,
    );
  });

  it('refuses an outcome it does not know and a family member', async () => {
    expect((await sut.post('/api/care-calls', { elderId: elder.elderId, outcome: 'maybe', note: '' })).status).toBe(
      400,
    );
    const family = await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] });
    const client = await ApiClient.signedIn(harness.apiUrl, family.username, TEST_PASSWORD);
    expect((await client.get('/api/care-calls')).status).toBe(403);
  });
});
