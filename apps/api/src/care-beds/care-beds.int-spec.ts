import type { AdaptationCaseView, CareBedView, CarePlanView } from '@eldercare/contracts';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

type Refusal = { error: { code: string } };

describe('care beds at home: an assessment, an adaptation case, a bed-sensor mat and the care plan as its package', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let other: TestElder;
  let supervisor: ApiClient;
  let family: ApiClient;
  let elsewhere: ApiClient;
  let providerId: string;

  const signIn = (username: string) => ApiClient.signedIn(harness.apiUrl, username, TEST_PASSWORD);
  const registerMat = (elderId: string, id: string) =>
    harness.dataSource.query(`INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ($1, 'bed_mat', $2, 'x')`, [
      id,
      elderId,
    ]);
  const opening = { careLevel: 'severe', assessedOn: '2026-01-05', adaptationCaseId: null, startsOn: '2026-02-01' };

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource, { name: '万淑芬' });
    other = await createTestElderInPlace(harness.dataSource);
    await harness.dataSource.query(`UPDATE elders SET categories = '{disabled,extreme_poverty}' WHERE id = ANY($1)`, [
      [elder.elderId, other.elderId],
    ]);
    [{ id: providerId }] = await harness.dataSource.query(
      `INSERT INTO providers (name) VALUES ('颐康护理站') RETURNING id`,
    );
    [supervisor, family, elsewhere] = await Promise.all([
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }).then((u) =>
        signIn(u.username),
      ),
      createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [other.districtId] }).then((u) =>
        signIn(u.username),
      ),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('opens a care bed only once the elder has a mat, shows its devices, adaptation case and care plan, and audits reads', async () => {
    const url = `/api/elders/${elder.elderId}/care-bed`;
    expect((await supervisor.get<Refusal>(url)).body.error.code).toBe('care-bed-not-found');
    const kase = await supervisor.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: elder.elderId,
      subsidised: true,
      needs: '床边无扶手',
    });
    expect(kase.status).toBe(201);
    const withCase = { ...opening, adaptationCaseId: kase.body.id };

    const noMat = await supervisor.post<Refusal>(url, withCase);
    expect(noMat).toMatchObject({ status: 409, body: { error: { code: 'care-bed-needs-mat' } } });
    expect((await harness.dataSource.query('SELECT 1 FROM care_beds')).length).toBe(0);

    await registerMat(elder.elderId, `mat-${elder.elderId.slice(0, 8)}`);
    const line = await supervisor.post<CarePlanView>(`/api/elders/${elder.elderId}/care-plan/lines`, {
      service: 'personal-care',
      providerId,
      weekdays: [1, 4],
      times: ['09:00'],
      startsOn: '2026-02-01',
      endsOn: null,
    });
    expect(line.status).toBe(201);
    expect((await family.post<Refusal>(url, withCase)).status).toBe(403);

    const opened = await supervisor.post<CareBedView>(url, withCase);
    expect(opened).toMatchObject({
      status: 201,
      body: {
        elderId: elder.elderId,
        careLevel: 'severe',
        assessedOn: '2026-01-05',
        startsOn: '2026-02-01',
        adaptationCase: { id: kase.body.id, stage: 'applied' },
        devices: expect.arrayContaining([{ id: `mat-${elder.elderId.slice(0, 8)}`, type: 'bed_mat' }]),
        servicePackage: [expect.objectContaining({ service: 'personal-care', weekdays: [1, 4], times: ['09:00'] })],
      },
    });

    const seen = await family.get<CareBedView>(url);
    expect(seen.body).toEqual(opened.body);
    expect((await elsewhere.get<Refusal>(url)).status).toBe(404);
    const reads = await harness.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'care-bed.read' AND elder_id = $1`,
      [elder.elderId],
    );
    // The opener's answer and the family's read; refusals reveal nothing, so they record no read.
    expect(reads[0].count).toBe(2);
  });

  it('refuses a second care bed, another elder’s adaptation case and an assessment not yet made, changing nothing', async () => {
    const url = `/api/elders/${other.elderId}/care-bed`;
    await registerMat(other.elderId, `mat-${other.elderId.slice(0, 8)}`);
    const [{ id: foreignCase }] = await harness.dataSource.query(
      `SELECT id FROM adaptation_cases WHERE elder_id = $1`,
      [elder.elderId],
    );
    const outcomes = [
      await elsewhere.post<Refusal>(url, { ...opening, adaptationCaseId: foreignCase }),
      await elsewhere.post<Refusal>(url, { ...opening, assessedOn: '2999-01-01', startsOn: '2999-01-02' }),
      await elsewhere.post<Refusal>(url, { ...opening, careLevel: 'slight' }),
    ];
    expect(outcomes.map((answer) => [answer.status, answer.body.error.code])).toEqual([
      [404, 'adaptation-case-not-found'],
      [400, 'invalid-request'],
      [400, 'invalid-request'],
    ]);
    expect(await harness.dataSource.query('SELECT 1 FROM care_beds WHERE elder_id = $1', [other.elderId])).toEqual([]);

    // Two openings at once: the database keeps one.
    const [first, second] = await Promise.all([elsewhere.post(url, opening), elsewhere.post<Refusal>(url, opening)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const again = await elsewhere.post<Refusal>(url, opening);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'care-bed-exists' } } });
  });
});
