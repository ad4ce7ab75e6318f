import { MealOrdersService } from '@eldercare/api';
import { DEFAULT_MEAL_PERIODS } from '@eldercare/domain';
import { CanteenRepository, CarePlanRepository, UserRepository } from '@eldercare/persistence';
import { createTestElderInPlace } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import pino from 'pino';
import { ensureDemoMealOrders } from './demo-canteens';

describe('the demo family’s meal orders', () => {
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
});
