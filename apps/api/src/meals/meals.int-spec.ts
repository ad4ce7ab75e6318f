import type { CanteenView, DinerView, MealSubsidyRule, MealView } from '@eldercare/contracts';
import { localDateOf } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** The whole day in three meals, so a meal is being served whenever the spec runs. */
const ALL_DAY = [
  { period: 'breakfast', opens: '00:00', closes: '08:00' },
  { period: 'lunch', opens: '08:00', closes: '16:00' },
  { period: 'dinner', opens: '16:00', closes: '24:00' },
];
const ID_NUMBER = '36010219400101123X';

describe('canteens: the terminal finds the elder, applies the subsidy once per meal period across the city', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let stranger: TestElder;
  let canteen: CanteenView;
  let otherCanteen: CanteenView;
  let cashier: ApiClient;
  let otherCashier: ApiClient;
  let bureau: ApiClient;

  const signIn = (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  /** The code on each elder's QR card, as the enrolment desk issued it. */
  const cards = new Map<string, string>();
  let desk: ApiClient;
  const issueCard = async (elderId: string) => {
    const issued = await desk.request<{ code: string }>('PUT', `/api/elders/${elderId}/meal-card`);
    expect(issued.status).toBe(200);
    cards.set(elderId, issued.body.code);
    return issued.body.code;
  };
  const byQr = (elderId: string) => ({ by: 'qr', value: cards.get(elderId) ?? '', reason: '老人未录入人脸' });
  const meal = (elderId: string, extra: Record<string, unknown> = {}) => ({
    elderId,
    terminal: 'pad-1',
    identifiedBy: 'qr',
    reason: '老人未录入人脸',
    ...extra,
  });

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    stranger = await createTestElderInPlace(harness.dataSource, { name: '外区老人' });
    await harness.dataSource.query(
      `UPDATE elders SET categories = '{living_alone,extreme_poverty}', id_number = $2 WHERE id = $1`,
      [elder.elderId, ID_NUMBER],
    );
    await harness.dataSource.query(
      `UPDATE elders SET categories = '{extreme_poverty}', id_number = NULL WHERE id = $1`,
      [stranger.elderId],
    );
    const plans = new CarePlanRepository(harness.dataSource);
    const suffix = randomBytes(3).toString('hex');
    const [providerId, otherProviderId] = await Promise.all([
      plans.insertProvider({ name: `颐康助餐-${suffix}` }),
      plans.insertProvider({ name: `百花洲助餐-${suffix}` }),
    ]);
    const admin = await signIn(await createTestUser(harness.dataSource, 'admin'));
    const create = async (name: string, provider: string) =>
      (
        await admin.post<CanteenView>('/api/canteens', {
          name,
          providerId: provider,
          communityId: elder.communityId,
          address: '测试路 1 号',
          position: { lat: 28.681, lon: 115.89 },
          priceCents: 1500,
          periods: ALL_DAY,
        })
      ).body;
    canteen = await create(`测试社区长者食堂-${suffix}`, providerId);
    otherCanteen = await create(`百花洲长者食堂-${suffix}`, otherProviderId);
    desk = await signIn(await createTestUser(harness.dataSource, 'admin'));
    await issueCard(elder.elderId);
    await issueCard(stranger.elderId);
    [cashier, otherCashier, bureau] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'cashier', { providerId })),
      signIn(await createTestUser(harness.dataSource, 'cashier', { providerId: otherProviderId })),
      signIn(await createTestUser(harness.dataSource, 'bureau')),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('lists a cashier only their provider’s canteens, and refuses overlapping meal periods', async () => {
    expect((await cashier.get<CanteenView[]>('/api/canteens')).body.map((row) => row.id)).toEqual([canteen.id]);
    expect((await otherCashier.post(`/api/canteens/${canteen.id}/diner`, byQr(elder.elderId))).status).toBe(404);
    const admin = await signIn(await createTestUser(harness.dataSource, 'admin'));
    const overlapping = await admin.post('/api/canteens', {
      name: '重叠食堂',
      providerId: canteen.provider.id,
      communityId: elder.communityId,
      address: '测试路 2 号',
      position: { lat: 28.68, lon: 115.89 },
      priceCents: 1500,
      periods: [
        { period: 'lunch', opens: '11:00', closes: '18:00' },
        { period: 'dinner', opens: '17:30', closes: '19:30' },
      ],
    });
    expect(overlapping).toMatchObject({ status: 400, body: { error: { code: 'canteen-invalid' } } });
    const nowhere = await admin.post('/api/canteens', {
      name: '无址食堂',
      providerId: canteen.provider.id,
      communityId: elder.communityId,
      priceCents: 1500,
      periods: ALL_DAY,
    });
    expect(nowhere.status).toBe(400);
    // A canteen's name shows on every family's service map: nothing in it may turn the text around.
    const spoofed = await admin.post('/api/canteens', {
      name: '长者\u202E堂食',
      providerId: canteen.provider.id,
      communityId: elder.communityId,
      address: '测试路 2 号',
      position: { lat: 28.682, lon: 115.89 },
      priceCents: 1500,
      periods: ALL_DAY,
    });
    expect(spoofed).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', message: expect.stringMatching(/name: must not hold U\+202E/) } },
    });
    expect(canteen).toMatchObject({ address: '测试路 1 号', position: { lat: 28.681, lon: 115.89 } });
  });

  it('finds the elder by QR card or ID number only with a reason, and shows the subsidy and what to pay', async () => {
    const noReason = await cashier.post(`/api/canteens/${canteen.id}/diner`, { ...byQr(elder.elderId), reason: '' });
    expect(noReason).toMatchObject({ status: 400, body: { error: { code: 'meal-identification-reason-required' } } });

    const found = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, {
      by: 'id-card',
      value: ID_NUMBER.toLowerCase(),
      reason: '人脸未识别',
    });
    expect(found.body).toMatchObject({
      elder: { id: elder.elderId, name: '贺素芬' },
      mealDate: localDateOf(Date.now()),
      priceCents: 1500,
      subsidyCents: 1400,
      selfPayCents: 100,
      subsidyCategory: 'extreme_poverty',
      alreadySubsidised: false,
      collects: false,
    });
    expect(JSON.stringify(found.body)).not.toContain(ID_NUMBER);
    const audited: unknown[] = await harness.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'meal.lookup' AND elder_id = $1 AND detail->>'reason' = '人脸未识别'`,
      [elder.elderId],
    );
    expect(audited).toHaveLength(1);
    expect(
      (
        await cashier.post(`/api/canteens/${canteen.id}/diner`, {
          by: 'id-card',
          value: '110101190001011234',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('finds the elder by the code on their QR card, never by the record id, and not by a reissued card’s old code', async () => {
    const lookup = (value: string) =>
      cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, { by: 'qr', value, reason: '老人未录入人脸' });
    const code = cards.get(elder.elderId)!;
    expect(code).toMatch(/^MC[A-Z0-9]{16}$/);
    expect(code).not.toContain(elder.elderId);
    expect((await lookup(code)).body).toMatchObject({ elder: { id: elder.elderId } });
    expect((await lookup(`${code.slice(0, 2)}-${code.slice(2).toLowerCase()}`)).body).toMatchObject({
      elder: { id: elder.elderId },
    });
    expect(await lookup(elder.elderId)).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });

    const reissued = await issueCard(elder.elderId);
    expect(reissued).not.toBe(code);
    expect((await lookup(code)).status).toBe(404);
    expect((await lookup(reissued)).body).toMatchObject({ elder: { id: elder.elderId } });
    expect((await cashier.request('PUT', `/api/elders/${elder.elderId}/meal-card`)).status).toBe(403);
  });

  it('serves one subsidised meal of eight asked at once at two canteens, refuses the rest, and charges a confirmed second the full price', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        (index % 2 ? otherCashier : cashier).post<MealView>(
          `/api/canteens/${(index % 2 ? otherCanteen : canteen).id}/meals`,
          meal(elder.elderId),
        ),
      ),
    );
    const served = answers.filter((answer) => answer.status === 201);
    expect(served).toHaveLength(1);
    expect(served[0].body).toMatchObject({ subsidyCents: 1400, selfPayCents: 100 });
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body)).toEqual(
      Array.from({ length: 7 }, () => ({ error: expect.objectContaining({ code: 'meal-already-subsidised' }) })),
    );

    const shown = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, byQr(elder.elderId));
    expect(shown.body).toMatchObject({ alreadySubsidised: true, subsidyCents: 0, selfPayCents: 1500 });
    const second = await cashier.post<MealView>(
      `/api/canteens/${canteen.id}/meals`,
      meal(elder.elderId, { fullPrice: true }),
    );
    expect(second).toMatchObject({ status: 201, body: { subsidyCents: 0, selfPayCents: 1500 } });

    const rows: { subsidy_cents: number; identify_reason: string; cashier_id: string }[] =
      await harness.dataSource.query(
        'SELECT subsidy_cents, identify_reason, cashier_id FROM meal_transactions WHERE elder_id = $1 ORDER BY subsidy_cents',
        [elder.elderId],
      );
    expect(rows.map((row) => row.subsidy_cents)).toEqual([0, 1400]);
    expect(rows.every((row) => row.identify_reason === '老人未录入人脸')).toBe(true);
    const day = (await cashier.get<MealView[]>(`/api/canteens/${canteen.id}/meals?date=${localDateOf(Date.now())}`))
      .body;
    expect(day[0]).toMatchObject({ id: second.body.id, elder: { name: '贺素芬' }, selfPayCents: 1500 });
  });

  it('charges an elder of another district the full price, and applies the bureau’s new rate from its date', async () => {
    const visitor = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, byQr(stranger.elderId));
    expect(visitor.body).toMatchObject({ subsidyCents: 0, selfPayCents: 1500, subsidyCategory: null });

    expect(
      (
        await cashier.post('/api/meal-subsidies', {
          category: 'extreme_poverty',
          subsidyCents: 1500,
          effectiveFrom: '2026-01-01',
        })
      ).status,
    ).toBe(403);
    const neighbour = await createTestElderInPlace(harness.dataSource, { name: '邻居' });
    await harness.dataSource.query(
      `UPDATE elders SET community_id = $2, categories = '{living_alone}', birth_date = '1970-01-01' WHERE id = $1`,
      [neighbour.elderId, elder.communityId],
    );
    await issueCard(neighbour.elderId);
    const before = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, byQr(neighbour.elderId));
    expect(before.body).toMatchObject({ subsidyCents: 0, selfPayCents: 1500 });
    const set = await bureau.post<MealSubsidyRule[]>('/api/meal-subsidies', {
      category: 'living_alone',
      subsidyCents: 500,
      effectiveFrom: localDateOf(Date.now()),
    });
    expect(set.body).toContainEqual({
      category: 'living_alone',
      subsidyCents: 500,
      effectiveFrom: localDateOf(Date.now()),
    });
    const after = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, byQr(neighbour.elderId));
    expect(after.body).toMatchObject({ subsidyCents: 500, selfPayCents: 1000, subsidyCategory: 'living_alone' });
    const refused = await bureau.post('/api/meal-subsidies', {
      category: 'vip',
      subsidyCents: 500,
      effectiveFrom: '2026-01-01',
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'meal-subsidy-invalid' } } });
  });

  it('enrols faces from photos, matches the camera’s moving frames, records the check, and refuses a still picture', async () => {
    // Every picture made before the first request: making them holds the event loop for seconds.
    const [faceA, faceB, faceC] = await sampleFaces(3);
    const jpeg = (face: typeof faceA, narrower = 0) =>
      jpegOf(cameraView(face, { width: 320, height: 240, narrower })).toString('base64');
    const photo = (face: typeof faceA) => jpegOf(cameraView(face, { width: 480, height: 480 })).toString('base64');
    const [photoA, photoB] = [photo(faceA), photo(faceB)];
    const still = jpeg(faceA);
    const movingA = { frames: [still, jpeg(faceA, 0.08)] };
    const movingC = { frames: [jpeg(faceC), jpeg(faceC, 0.08)] };
    const admin = await signIn(await createTestUser(harness.dataSource, 'admin'));
    const family = await signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [stranger.elderId] }));
    expect((await admin.request('PUT', `/api/elders/${stranger.elderId}/face`, { photo: photoA })).status).toBe(204);
    expect((await admin.request('PUT', `/api/elders/${elder.elderId}/face`, { photo: photoB })).status).toBe(204);
    const short = await admin.request('PUT', `/api/elders/${elder.elderId}/face`, {
      embedding: new Array(127).fill(0),
    });
    expect(short.status).toBe(400);
    const notJpeg = await admin.request('PUT', `/api/elders/${elder.elderId}/face`, { photo: 'aGVsbG8=' });
    expect(notJpeg).toMatchObject({ status: 400, body: { error: { code: 'face-image-invalid' } } });
    expect((await cashier.get(`/api/elders/${stranger.elderId}/face`)).status).toBe(403);
    const status = await family.get<Record<string, unknown>>(`/api/elders/${stranger.elderId}/face`);
    expect(status.body).toEqual({ enrolled: true, enrolledAt: expect.any(String) });

    const found = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/face`, movingA);
    expect(found.body).toMatchObject({
      elder: { id: stranger.elderId },
      face: { checkId: expect.any(String), liveness: { result: 'moved' } },
    });
    expect(found.body.face!.matchScore).toBeGreaterThan(0.6);
    expect(JSON.stringify(found.body)).not.toContain('embedding');
    const stillCheck = await cashier.post(`/api/canteens/${canteen.id}/face`, { frames: [still, still] });
    expect(stillCheck).toMatchObject({ status: 422, body: { error: { code: 'face-not-live' } } });
    expect(JSON.stringify(stillCheck.body)).not.toContain(stranger.elderId);
    const unknown = await cashier.post(`/api/canteens/${canteen.id}/face`, movingC);
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'face-not-matched' } } });
    const oneFrame = await cashier.post(`/api/canteens/${canteen.id}/face`, { frames: [still] });
    expect(oneFrame.status).toBe(400);
    const checks: { elder_id: string | null; liveness: string; liveness_score: number }[] =
      await harness.dataSource.query(
        'SELECT elder_id, liveness, liveness_score FROM face_checks WHERE canteen_id = $1 ORDER BY checked_at',
        [canteen.id],
      );
    expect(checks).toEqual([
      { elder_id: stranger.elderId, liveness: 'moved', liveness_score: expect.any(Number) },
      { elder_id: stranger.elderId, liveness: 'still', liveness_score: 0 },
      { elder_id: null, liveness: expect.any(String), liveness_score: expect.any(Number) },
    ]);

    const byFace = { elderId: stranger.elderId, terminal: 'pad-1', identifiedBy: 'face' };
    const withoutCheck = await cashier.post(`/api/canteens/${canteen.id}/meals`, byFace);
    expect(withoutCheck).toMatchObject({ status: 409, body: { error: { code: 'face-check-invalid' } } });
    const checkId = found.body.face!.checkId;
    const elsewhere = await otherCashier.post(`/api/canteens/${otherCanteen.id}/meals`, {
      ...byFace,
      faceCheckId: checkId,
    });
    expect(elsewhere).toMatchObject({ status: 409, body: { error: { code: 'face-check-invalid' } } });
    const served = await cashier.post<MealView>(`/api/canteens/${canteen.id}/meals`, {
      ...byFace,
      faceCheckId: checkId,
    });
    expect(served.status).toBe(201);
    const [row]: Record<string, unknown>[] = await harness.dataSource.query(
      'SELECT match_score, liveness, identified_by, face_check_id FROM meal_transactions WHERE id = $1',
      [served.body.id],
    );
    expect(row).toEqual({
      match_score: expect.closeTo(found.body.face!.matchScore, 3),
      liveness: 'moved',
      identified_by: 'face',
      face_check_id: checkId,
    });
    const again = await cashier.post(`/api/canteens/${canteen.id}/meals`, {
      ...byFace,
      faceCheckId: checkId,
      fullPrice: true,
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'face-check-invalid' } } });

    expect((await family.request('DELETE', `/api/elders/${stranger.elderId}/face`)).status).toBe(204);
    const [{ count }]: { count: number }[] = await harness.dataSource.query(
      'SELECT count(*)::int AS count FROM face_enrolments WHERE elder_id = $1',
      [stranger.elderId],
    );
    expect(count).toBe(0);
    const forgotten = await cashier.post(`/api/canteens/${canteen.id}/face`, movingA);
    expect(forgotten).toMatchObject({ status: 422, body: { error: { code: 'face-not-matched' } } });
    expect((await family.request('DELETE', `/api/elders/${stranger.elderId}/face`)).status).toBe(404);
  }, 180_000);
});
