import type { AdaptationCaseView, AdaptationPhotoView, MonthlyReport } from '@eldercare/contracts';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  ONE_PIXEL_PNG as PNG,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

type Refusal = { error: { code: string; message: string } };

describe('home adaptation: a case from application to follow-up, one subsidised case per household, photos kept safe', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let staff: ApiClient;
  let family: ApiClient;
  let bureau: ApiClient;
  let elsewhere: ApiClient;

  const signIn = (username: string) => ApiClient.signedIn(harness.apiUrl, username, TEST_PASSWORD);

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource, { name: '彭玉兰' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [
      elder.elderId,
    ]);
    const other = await createTestElderInPlace(harness.dataSource);
    [staff, family, bureau, elsewhere] = await Promise.all([
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }).then((u) =>
        signIn(u.username),
      ),
      createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'bureau').then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [other.districtId] }).then((u) =>
        signIn(u.username),
      ),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const step = (client: ApiClient, id: string, name: string, body: Record<string, unknown> = {}) =>
    client.post<AdaptationCaseView & Refusal>(`/api/adaptation-cases/${id}/steps/${name}`, body);

  it('runs a subsidised case through every step, with who and when, the plan split under the cap', async () => {
    const opened = await staff.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: elder.elderId,
      subsidised: true,
      needs: '卫生间无扶手，门口有台阶',
    });
    expect(opened).toMatchObject({ status: 201, body: { stage: 'applied', capYuan: 3000, subsidised: true } });
    const id = opened.body.id;
    const second = await staff.post<Refusal>('/api/adaptation-cases', { elderId: elder.elderId, subsidised: true });
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'adaptation-case-exists' } } });

    const early = await step(staff, id, 'plan', { plan: [{ item: 'ramp', quantity: 1 }] });
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'adaptation-step-illegal' } } });
    await step(staff, id, 'assess', { needs: '卫生间需扶手和淋浴椅，入户台阶需坡道', note: '上门评估' });
    const badPlan = await step(staff, id, 'plan', { plan: [{ item: 'jacuzzi', quantity: 1 }] });
    expect(badPlan).toMatchObject({ status: 422, body: { error: { code: 'adaptation-plan-invalid' } } });
    const planned = await step(staff, id, 'plan', {
      plan: [
        { item: 'grab-bars', quantity: 2 },
        { item: 'shower-chair', quantity: 1 },
        { item: 'ramp', quantity: 1 },
        { item: 'sliding-door', quantity: 1 },
      ],
    });
    expect(planned.body).toMatchObject({ stage: 'planned', totalYuan: 2060, subsidyYuan: 860, selfPayYuan: 1200 });

    expect((await step(bureau, id, 'agree')).status).toBe(403);
    await step(family, id, 'agree', { note: '女儿代老人签字同意' });
    const photo = await staff.request<AdaptationPhotoView>(
      'POST',
      `/api/adaptation-cases/${id}/photos?kind=before`,
      undefined,
      undefined,
      { 'content-type': 'image/png' },
    );
    expect(photo.status).not.toBe(201);
    await step(staff, id, 'complete-works', { note: '施工完成' });
    await step(staff, id, 'accept', { note: '按方案验收合格' });
    expect((await step(staff, id, 'settle')).status).toBe(403);
    await step(bureau, id, 'settle', { note: '补贴860元已结算' });
    const followed = await step(staff, id, 'follow-up', { note: '回访：老人满意' });
    expect(followed.body).toMatchObject({ stage: 'followed-up', pending: null });
    expect(followed.body.steps?.map((s) => [s.step, s.stage])).toEqual([
      ['apply', 'applied'],
      ['assess', 'assessed'],
      ['plan', 'planned'],
      ['agree', 'agreed'],
      ['complete-works', 'works-done'],
      ['accept', 'accepted'],
      ['settle', 'settled'],
      ['follow-up', 'followed-up'],
    ]);
    expect(new Set(followed.body.steps?.map((s) => s.by)).size).toBe(3);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await bureau.put(`/api/adaptation/budgets/${month.slice(0, 4)}`, { budgetYuan: 100_000 });
    const report = await bureau.get<MonthlyReport>(
      `/api/reports/monthly?month=${month}&regionId=${elder.districtId}&table=adaptation`,
    );
    expect(report.body.tables[0].rows).toEqual([['测试区', 0, 0, 0, 0, 0, 0, 0, 1, 0, 860, 100_000, 1]]);
  });

  it('refuses a subsidy for an elder of no capped category, who may still have a self-paid case', async () => {
    const plain = await createTestElderInPlace(harness.dataSource);
    await harness.dataSource.query(`UPDATE elders SET categories = '{empty_nest}' WHERE id = $1`, [plain.elderId]);
    const admin = await signIn((await createTestUser(harness.dataSource, 'admin')).username);
    const refused = await admin.post<Refusal>('/api/adaptation-cases', { elderId: plain.elderId, subsidised: true });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'adaptation-not-eligible' } } });
    const selfPaid = await admin.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: plain.elderId,
      subsidised: false,
    });
    expect(selfPaid.body).toMatchObject({ subsidised: false, capYuan: 0 });
  });

  it.each([
    ['an empty table', {}],
    ['no body at all', undefined],
  ])('refuses %s of caps (400), which would erase every cap, and leaves the caps as they were', async (_case, body) => {
    const before = await bureau.get<Record<string, number>>('/api/adaptation/caps');

    const refused = await bureau.request<Refusal>('PUT', '/api/adaptation/caps', body);

    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    expect((await bureau.get('/api/adaptation/caps')).body).toEqual(before.body);
    expect(Object.keys(before.body).length).toBeGreaterThan(0);
  });

  it('keeps photos checked for type and size, and shows them only to those who see the case', async () => {
    const opened = await family.get<AdaptationCaseView[]>('/api/adaptation-cases');
    const id = opened.body[0].id;
    const send = (bytes: Buffer, type: string) =>
      staff.request<AdaptationPhotoView & Refusal>(
        'POST',
        `/api/adaptation-cases/${id}/photos?kind=after`,
        undefined,
        bytes as unknown as string,
        { 'content-type': type },
      );
    const stored = await send(PNG, 'image/png');
    expect(stored).toMatchObject({ status: 201, body: { kind: 'after', contentType: 'image/png', bytes: PNG.length } });
    const lying = await send(Buffer.from('<svg onload="alert(1)"/>'), 'image/png');
    expect(lying).toMatchObject({ status: 415, body: { error: { code: 'photo-type-not-allowed' } } });
    const huge = await send(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'photo-too-large' } } });

    const seen = await fetch(`${harness.apiUrl}/api/adaptation-cases/${id}/photos/${stored.body.id}`, {
      headers: { cookie: family.cookieHeader },
    });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await seen.arrayBuffer()).equals(PNG)).toBe(true);
    const foreign = await elsewhere.get<Refusal>(`/api/adaptation-cases/${id}/photos/${stored.body.id}`);
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'adaptation-case-not-found' } } });
  });

  it('lists a case whose step is past its deadline on the supervisor’s late list', async () => {
    const late = await createTestElderInPlace(harness.dataSource);
    await harness.dataSource.query(`UPDATE elders SET categories = '{disabled}' WHERE id = $1`, [late.elderId]);
    const admin = await signIn((await createTestUser(harness.dataSource, 'admin')).username);
    const opened = await admin.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: late.elderId,
      subsidised: true,
    });
    expect((await admin.get<AdaptationCaseView[]>('/api/adaptation-cases/late')).body.map((c) => c.id)).not.toContain(
      opened.body.id,
    );
    await harness.dataSource.query(
      `UPDATE adaptation_cases SET stage_entered_at = now() - interval '11 days' WHERE id = $1`,
      [opened.body.id],
    );
    const listed = (await admin.get<AdaptationCaseView[]>('/api/adaptation-cases/late')).body;
    expect(listed.find((c) => c.id === opened.body.id)?.pending).toMatchObject({ step: 'assess', late: true });
  });
});
