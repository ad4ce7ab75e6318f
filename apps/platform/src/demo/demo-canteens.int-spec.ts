import { FacesService, MealOrdersService, MealTerminalService, viewerOf } from '@eldercare/api';
import { DEFAULT_MEAL_PERIODS } from '@eldercare/domain';
import { CanteenRepository, CarePlanRepository, UserRepository } from '@eldercare/persistence';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import { createTestElderInPlace, createTestUser } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import pino from 'pino';
import { ensureDemoMealOrders } from './demo-canteens';
import { DEMO_ENROLLED_FACES, ensureDemoFaces, ensureDemoMealCards } from './demo-diners';

describe('the demo canteens’ diners and meal orders', () => {
  let harness: PlatformUnderTest;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('orders the family elder’s next open meal delivered (a work order of the canteen’s provider) and a collected lunch, once', async () => {
    const elder = await createTestElderInPlace(harness.dataSource, { name: '王秀英' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{extreme_poverty}' WHERE id = $1`, [elder.elderId]);
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: '百花洲颐康助餐服务社',
    });
    await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '公园社区长者食堂',
      providerId,
      communityId: elder.communityId,
      address: '公园社区活动中心一楼',
      lat: 28.68,
      lon: 115.89,
      priceCents: 1500,
      periods: DEFAULT_MEAL_PERIODS,
    });
    await new UserRepository(harness.dataSource).create({
      username: 'family',
      displayName: '王丽（家属）',
      passwordHash: 'x',
      role: 'family',
      elders: [{ elderId: elder.elderId, relation: '女儿' }],
    });
    const service = harness.platform.get(MealOrdersService);
    const logger = pino({ level: 'silent' });
    await ensureDemoMealOrders(harness.dataSource, service, logger);
    await ensureDemoMealOrders(harness.dataSource, service, logger);

    const orders: { delivery: boolean; subsidy_cents: number; service: string | null; provider_id: string | null }[] =
      await harness.dataSource.query(
        `SELECT t.delivery, t.subsidy_cents, w.service, w.provider_id FROM meal_transactions t
         LEFT JOIN work_orders w ON w.id = t.work_order_id
         WHERE t.elder_id = $1 AND t.identified_by = 'order' ORDER BY t.delivery DESC`,
        [elder.elderId],
      );
    expect(orders).toEqual([
      { delivery: true, subsidy_cents: 1400, service: 'meal-delivery', provider_id: providerId },
      { delivery: false, subsidy_cents: 1400, service: null, provider_id: null },
    ]);
  });

  // About a dozen face descriptions of 1–2 s each on the tfjs WASM backend: beyond the default timeout on a loaded
  // machine.
  it('issues the canteens’ elders meal cards and enrols the first elders’ faces from the sample photos, once; each face finds its own elder', async () => {
    const place = await createTestElderInPlace(harness.dataSource, { name: '刘桂香' });
    for (const name of ['陈淑珍', '黄秀兰', '吴玉梅', '周凤英'])
      await harness.dataSource.query(
        `INSERT INTO elders (name, gender, birth_date, categories, community_id, address)
         VALUES ($1, 'female', '1940-03-01', '{aged_65}', $2, '测试路 2 号')`,
        [name, place.communityId],
      );
    const elsewhere = await createTestElderInPlace(harness.dataSource, { name: '别处老人' });
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '人脸助餐社' });
    const canteenId = await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '人脸社区长者食堂',
      providerId,
      communityId: place.communityId,
      address: '测试路 1 号',
      lat: 28.68,
      lon: 115.89,
      priceCents: 1500,
      // Serving whenever the spec runs.
      periods: [{ period: 'lunch', opens: '00:00', closes: '24:00' }],
    });
    await new UserRepository(harness.dataSource).create({
      username: 'admin',
      displayName: '系统管理员',
      passwordHash: 'x',
      role: 'admin',
    });
    const faces = harness.platform.get(FacesService);
    const logger = pino({ level: 'silent' });
    const canteenElders: { id: string }[] = await harness.dataSource.query(
      'SELECT id FROM elders WHERE community_id IN (SELECT community_id FROM canteens)',
    );

    expect(await ensureDemoMealCards(harness.dataSource, faces)).toBe(canteenElders.length);
    expect(await ensureDemoMealCards(harness.dataSource, faces)).toBe(0);
    const carded: { elder_id: string }[] = await harness.dataSource.query('SELECT elder_id FROM meal_cards');
    expect(carded.map((row) => row.elder_id).sort()).toEqual(canteenElders.map((row) => row.id).sort());
    expect(carded.map((row) => row.elder_id)).not.toContain(elsewhere.elderId);

    expect(await ensureDemoFaces(harness.dataSource, faces, logger)).toBe(DEMO_ENROLLED_FACES);
    const enrolled = async () =>
      (await harness.dataSource.query('SELECT elder_id, enrolled_at FROM face_enrolments ORDER BY elder_id')) as {
        elder_id: string;
        enrolled_at: Date;
      }[];
    const first = await enrolled();
    expect(first).toHaveLength(DEMO_ENROLLED_FACES);
    expect(canteenElders.map((row) => row.id)).toEqual(expect.arrayContaining(first.map((row) => row.elder_id)));
    expect(await ensureDemoFaces(harness.dataSource, faces, logger)).toBe(0);
    expect(await enrolled()).toEqual(first);
    const audited: { n: number }[] = await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'face.enrol'`,
    );
    expect(audited).toEqual([{ n: DEMO_ENROLLED_FACES }]);

    // At the counter, the camera's moving view of each sample face finds the elder enrolled with it: all different.
    const cashier = viewerOf(await createTestUser(harness.dataSource, 'cashier', { providerId }));
    const terminal = harness.platform.get(MealTerminalService);
    const frame = (face: Awaited<ReturnType<typeof sampleFaces>>[number], narrower: number) =>
      jpegOf(cameraView(face, { width: 320, height: 240, narrower })).toString('base64');
    const found: string[] = [];
    for (const face of await sampleFaces(DEMO_ENROLLED_FACES)) {
      const diner = await terminal.findDinerByFace(cashier, canteenId, [frame(face, 0), frame(face, 0.08)]);
      expect(diner.face?.liveness.result).toBe('moved');
      expect(JSON.stringify(diner)).not.toMatch(/embedding|descriptor/);
      found.push(diner.elder.id);
    }
    expect(found.sort()).toEqual(first.map((row) => row.elder_id));
    const admin = viewerOf((await new UserRepository(harness.dataSource).findByUsername('admin'))!);
    expect(await faces.status(admin, found[0])).toEqual({ enrolled: true, enrolledAt: expect.any(String) });
  }, 180_000);
});
