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
import { CarePlanRepository } from '@eldercare/persistence';

type Refusal = { error: { code: string; message: string } };

describe('home adaptation: a case from application to follow-up, one subsidised case per household, photos kept safe', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let staff: ApiClient;
  let family: ApiClient;
  let bureau: ApiClient;
  let elsewhere: ApiClient;
  /** The contractor of the company the plans name, and one of another company. */
  let contractor: ApiClient;
  let otherContractor: ApiClient;
  let companyId: string;
  /** An inspector of the elder's district, and one of another district. */
  let inspector: ApiClient;
  let foreignInspector: ApiClient;

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
    const companies = new CarePlanRepository(harness.dataSource);
    companyId = await companies.insertProvider({ name: '洪城适老化改造工程有限公司' });
    const otherCompanyId = await companies.insertProvider({ name: '赣江装饰工程有限公司' });
    [contractor, otherContractor, inspector, foreignInspector] = await Promise.all([
      createTestUser(harness.dataSource, 'contractor', { providerId: companyId }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'contractor', { providerId: otherCompanyId }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'inspector', { regionIds: [elder.districtId] }).then((u) =>
        signIn(u.username),
      ),
      createTestUser(harness.dataSource, 'inspector', { regionIds: [other.districtId] }).then((u) =>
        signIn(u.username),
      ),
    ]);
  });

  const photo = (client: ApiClient, id: string, kind: string, bytes: Buffer = PNG) =>
    client.request<AdaptationPhotoView & Refusal>(
      'POST',
      `/api/adaptation-cases/${id}/photos?kind=${kind}`,
      undefined,
      bytes as unknown as string,
      { 'content-type': 'image/png' },
    );

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
    const noCompany = await step(staff, id, 'plan', { plan: [{ item: 'ramp', quantity: 1 }] });
    expect(noCompany).toMatchObject({ status: 422, body: { error: { code: 'adaptation-plan-invalid' } } });
    const unknownCompany = await step(staff, id, 'plan', {
      plan: [{ item: 'ramp', quantity: 1 }],
      contractorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCompany).toMatchObject({ status: 404, body: { error: { code: 'provider-not-found' } } });
    const planned = await step(staff, id, 'plan', {
      contractorId: companyId,
      plan: [
        { item: 'grab-bars', quantity: 2 },
        { item: 'shower-chair', quantity: 1 },
        { item: 'ramp', quantity: 1 },
        { item: 'sliding-door', quantity: 1 },
      ],
    });
    expect(planned.body).toMatchObject({
      stage: 'planned',
      totalYuan: 2060,
      subsidyYuan: 860,
      selfPayYuan: 1200,
      contractor: { id: companyId, name: '洪城适老化改造工程有限公司' },
    });

    expect((await step(bureau, id, 'agree')).status).toBe(403);
    await step(family, id, 'agree', { note: '女儿代老人签字同意' });
    const empty = await staff.request<AdaptationPhotoView>(
      'POST',
      `/api/adaptation-cases/${id}/photos?kind=before`,
      undefined,
      undefined,
      { 'content-type': 'image/png' },
    );
    expect(empty.status).not.toBe(201);
    expect((await step(staff, id, 'complete-works', { note: '施工完成' })).status).toBe(403);
    expect(await step(contractor, id, 'complete-works')).toMatchObject({
      status: 422,
      body: { error: { code: 'adaptation-works-photos-missing' } },
    });
    await photo(contractor, id, 'before');
    await photo(contractor, id, 'after');
    expect((await step(contractor, id, 'complete-works', { note: '施工完成' })).status).toBe(200);
    expect((await step(staff, id, 'accept', { note: '按方案验收合格' })).status).toBe(403);
    expect((await step(inspector, id, 'accept', { note: '按方案验收合格' })).status).toBe(200);
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
    expect(new Set(followed.body.steps?.map((s) => s.by)).size).toBe(5);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect((await bureau.put(`/api/adaptation/budgets/${month.slice(0, 4)}`, { budgetYuan: 100_000 })).status).toBe(
      204,
    );
    expect((await bureau.get(`/api/adaptation/budgets/${month.slice(0, 4)}`)).body).toEqual({
      year: Number(month.slice(0, 4)),
      budgetYuan: 100_000,
    });
    expect((await bureau.get('/api/adaptation/budgets/2099')).body).toEqual({ year: 2099, budgetYuan: null });
    const badYear = await bureau.put<Refusal>('/api/adaptation/budgets/1999', { budgetYuan: 1 });
    expect(badYear).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    const report = await bureau.get<MonthlyReport>(
      `/api/reports/monthly?month=${month}&regionId=${elder.districtId}&table=adaptation`,
    );
    expect(report.body.tables[0].rows).toEqual([['测试区', 0, 0, 0, 0, 0, 0, 0, 1, 0, 860, 100_000, 1]]);
  });

  it('lets the contractor build only the cases given to its company and the inspector accept only in its region', async () => {
    const built = await createTestElderInPlace(harness.dataSource, { name: '胡春兰' });
    const admin = await signIn((await createTestUser(harness.dataSource, 'admin')).username);
    const regional = await signIn(
      (await createTestUser(harness.dataSource, 'inspector', { regionIds: [built.districtId] })).username,
    );
    const opened = await admin.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: built.elderId,
      subsidised: false,
    });
    const id = opened.body.id;
    const mine = async (client: ApiClient) =>
      (await client.get<AdaptationCaseView[]>('/api/adaptation-cases')).body.some((kase) => kase.id === id);
    expect(await mine(contractor)).toBe(false);
    expect((await contractor.get<Refusal>(`/api/adaptation-cases/${id}`)).status).toBe(404);
    await step(admin, id, 'assess');
    await step(admin, id, 'plan', { plan: [{ item: 'grab-bars', quantity: 1 }], contractorId: companyId });
    expect(await mine(contractor)).toBe(true);
    expect(await mine(otherContractor)).toBe(false);
    expect(await mine(regional)).toBe(true);
    expect(await mine(inspector)).toBe(false);
    const seen = await contractor.get<AdaptationCaseView>(`/api/adaptation-cases/${id}`);
    expect(seen.body).toMatchObject({ stage: 'planned', elder: { address: expect.any(String) } });

    expect((await step(contractor, id, 'agree')).status).toBe(403);
    expect((await photo(contractor, id, 'assessment')).status).toBe(403);
    await step(admin, id, 'agree', { note: '老人签字同意' });
    expect((await photo(otherContractor, id, 'before')).body).toMatchObject({
      error: { code: 'adaptation-case-not-found' },
    });
    expect((await photo(contractor, id, 'before')).status).toBe(201);
    expect((await photo(contractor, id, 'after')).status).toBe(201);
    expect((await step(otherContractor, id, 'complete-works')).status).toBe(404);
    expect((await step(contractor, id, 'accept')).status).toBe(403);
    expect((await step(contractor, id, 'complete-works')).body.stage).toBe('works-done');
    expect((await step(contractor, id, 'complete-works')).body).toMatchObject({
      error: { code: 'adaptation-step-illegal' },
    });

    expect((await step(foreignInspector, id, 'accept')).status).toBe(404);
    expect((await step(regional, id, 'refuse', { note: ' ' })).body).toMatchObject({
      error: { code: 'adaptation-refusal-reason-required' },
    });
    const refused = await step(regional, id, 'refuse', { note: '扶手高度与方案不符' });
    expect(refused.body).toMatchObject({ stage: 'agreed', pending: { step: 'complete-works' } });
    expect((await step(regional, id, 'accept')).body).toMatchObject({ error: { code: 'adaptation-step-illegal' } });
    await step(contractor, id, 'complete-works', { note: '已按方案返工' });
    const accepted = await step(regional, id, 'accept', { note: '返工后验收合格' });
    expect(accepted.body.stage).toBe('accepted');
    expect(accepted.body.steps?.map((s) => [s.step, s.note]).slice(-4)).toEqual([
      ['complete-works', ''],
      ['refuse', '扶手高度与方案不符'],
      ['complete-works', '已按方案返工'],
      ['accept', '返工后验收合格'],
    ]);
    expect((await step(regional, id, 'settle')).status).toBe(403);
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
