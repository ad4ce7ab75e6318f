import type { CanteenView, DinerView, MealOrderView, MealView, WorkOrderView } from '@eldercare/contracts';
import { addLocalDays, localDateOf, mealPeriodAt } from '@eldercare/domain';
import { CanteenRepository, CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** The whole day in three meals, so the counter serves whenever the spec runs. */
const ALL_DAY = [
  { period: 'breakfast', opens: '00:00', closes: '08:00' },
  { period: 'lunch', opens: '08:00', closes: '16:00' },
  { period: 'dinner', opens: '16:00', closes: '24:00' },
] as const;

describe('meal orders: a family orders a canteen meal for their own elder, a delivery is a work order', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let otherElder: TestElder;
  let canteen: CanteenView;
  let family: ApiClient;
  let otherFamily: ApiClient;
  let cashier: ApiClient;
  let providerAdmin: ApiClient;
  let caregiver: ApiClient;
  let caregiverId: string;

  const signIn = (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  /** Lunch the day after tomorrow: open for orders whenever the spec runs. */
  const lunchAhead = () => addLocalDays(localDateOf(Date.now()), 2);
  const order = (elderId: string, extra: Record<string, unknown> = {}) => ({
    elderId,
    canteenId: canteen.id,
    date: lunchAhead(),
    period: 'lunch',
    delivery: true,
    ...extra,
  });
  const counts = async (elderId: string) => {
    const [row]: { meals: number; orders: number }[] = await harness.dataSource.query(
      `SELECT (SELECT count(*)::int FROM meal_transactions WHERE elder_id = $1) AS meals,
         (SELECT count(*)::int FROM work_orders WHERE elder_id = $1) AS orders`,
      [elderId],
    );
    return row;
  };

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    [elder, otherElder] = await Promise.all([
      createTestElderInPlace(harness.dataSource, { name: '贺素芬' }),
      createTestElderInPlace(harness.dataSource, { name: '别家老人' }),
    ]);
    // Neighbours: both subsidised at their community's canteen.
    await harness.dataSource.query(
      `UPDATE elders SET categories = '{extreme_poverty}', community_id = $2 WHERE id = ANY($1::uuid[])`,
      [[elder.elderId, otherElder.elderId], elder.communityId],
    );
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `颐康助餐-${randomBytes(3).toString('hex')}`,
    });
    const admin = await signIn(await createTestUser(harness.dataSource, 'admin'));
    canteen = (
      await admin.post<CanteenView>('/api/canteens', {
        name: `订餐食堂-${randomBytes(3).toString('hex')}`,
        providerId,
        communityId: elder.communityId,
        address: '测试路 1 号',
        position: { lat: 28.681, lon: 115.89 },
        priceCents: 1500,
        periods: ALL_DAY,
      })
    ).body;
    const caregiverUser = await createTestUser(harness.dataSource, 'caregiver', { providerId });
    caregiverId = caregiverUser.id;
    [family, otherFamily, cashier, providerAdmin, caregiver] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })),
      signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [otherElder.elderId] })),
      signIn(await createTestUser(harness.dataSource, 'cashier', { providerId })),
      signIn(await createTestUser(harness.dataSource, 'provider_admin', { providerId })),
      signIn(caregiverUser),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses an order for another family’s elder as not found, changing nothing', async () => {
    const before = await counts(otherElder.elderId);
    const refused = await family.post('/api/meal-orders', order(otherElder.elderId));
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    expect(await counts(otherElder.elderId)).toEqual(before);
    expect((await family.get(`/api/meal-orders?elderId=${otherElder.elderId}`)).status).toBe(404);
    expect((await cashier.post('/api/meal-orders', order(elder.elderId))).status).toBe(403);
  });

  it('orders a delivered lunch paid remotely: the provider’s work order is visited with the usual check-in and check-out', async () => {
    const placed = await family.post<MealOrderView>('/api/meal-orders', order(elder.elderId));
    expect(placed).toMatchObject({
      status: 201,
      body: {
        elder: { id: elder.elderId },
        canteen: { id: canteen.id },
        mealDate: lunchAhead(),
        period: 'lunch',
        delivery: true,
        subsidyCents: 1400,
        selfPayCents: 100,
        workOrder: { status: 'created' },
        cancelledAt: null,
      },
    });
    const workOrderId = placed.body.workOrder!.id;
    const seen = await providerAdmin.get<WorkOrderView[]>(`/api/work-orders?elderId=${elder.elderId}`);
    expect(seen.body.find((row) => row.id === workOrderId)).toMatchObject({
      service: 'meal-delivery',
      provider: { id: canteen.provider.id },
    });
    expect((await providerAdmin.post(`/api/work-orders/${workOrderId}/assign`, { caregiverId })).status).toBe(200);
    expect((await caregiver.post(`/api/work-orders/${workOrderId}/accept`, {})).status).toBe(200);
    const home = { lat: 28.68, lon: 115.89 };
    expect((await caregiver.post(`/api/work-orders/${workOrderId}/check-in`, home)).status).toBe(200);
    const out = await caregiver.post<WorkOrderView>(`/api/work-orders/${workOrderId}/check-out`, home);
    expect(out).toMatchObject({ status: 200, body: { status: 'checked-out' } });

    const listed = await family.get<MealOrderView[]>(`/api/meal-orders?elderId=${elder.elderId}`);
    expect(listed.body.map((row) => [row.id, row.workOrder?.status])).toContainEqual([placed.body.id, 'checked-out']);
    const audited: unknown[] = await harness.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'meal.order' AND elder_id = $1`,
      [elder.elderId],
    );
    expect(audited).toHaveLength(1);
  });

  it('subsidises exactly one of eight orders for one period placed at once, and frees the subsidy when it is cancelled', async () => {
    const second = await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] });
    const sonsClient = await signIn(second);
    const dinner = { period: 'dinner' };
    const before = await counts(elder.elderId);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        (index % 2 ? sonsClient : family).post<MealOrderView>('/api/meal-orders', order(elder.elderId, dinner)),
      ),
    );
    const placed = answers.filter((answer) => answer.status === 201);
    expect(placed).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body)).toEqual(
      Array.from({ length: 7 }, () => ({ error: expect.objectContaining({ code: 'meal-already-subsidised' }) })),
    );
    // The refused orders' work orders were rolled back with them.
    expect(await counts(elder.elderId)).toEqual({ meals: before.meals + 1, orders: before.orders + 1 });

    expect((await otherFamily.post(`/api/meal-orders/${placed[0].body.id}/cancel`, {})).status).toBe(404);
    const cancelled = await family.post<MealOrderView>(`/api/meal-orders/${placed[0].body.id}/cancel`, {});
    expect(cancelled).toMatchObject({ status: 200, body: { workOrder: { status: 'cancelled' } } });
    expect(cancelled.body.cancelledAt).not.toBeNull();
    const again = await family.post(`/api/meal-orders/${placed[0].body.id}/cancel`, {});
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'meal-order-not-cancellable' } } });
    const reordered = await sonsClient.post<MealOrderView>(
      '/api/meal-orders',
      order(elder.elderId, { ...dinner, delivery: false }),
    );
    expect(reordered).toMatchObject({ status: 201, body: { subsidyCents: 1400, workOrder: null } });
    const fullPrice = await family.post<MealOrderView>(
      '/api/meal-orders',
      order(elder.elderId, { ...dinner, delivery: false, fullPrice: true }),
    );
    expect(fullPrice).toMatchObject({ status: 201, body: { subsidyCents: 0, selfPayCents: 1500 } });
  });

  it('cancels the meal order with its delivery when the provider cancels the work order, freeing the subsidy', async () => {
    const breakfast = { period: 'breakfast' };
    const placed = await family.post<MealOrderView>('/api/meal-orders', order(elder.elderId, breakfast));
    expect(placed).toMatchObject({ status: 201, body: { subsidyCents: 1400, workOrder: { status: 'created' } } });
    const workOrderId = placed.body.workOrder!.id;

    const cancelled = await providerAdmin.post<WorkOrderView>(`/api/work-orders/${workOrderId}/cancel`, {
      reason: '送餐员不足',
    });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    const listed = await family.get<MealOrderView[]>(`/api/meal-orders?elderId=${elder.elderId}`);
    const meal = listed.body.find((row) => row.id === placed.body.id);
    expect(meal).toMatchObject({ workOrder: { status: 'cancelled' } });
    expect(meal?.cancelledAt).not.toBeNull();
    const audited: { user_id: string; detail: unknown }[] = await harness.dataSource.query(
      `SELECT user_id, detail FROM audit_log WHERE action = 'meal.cancel-order' AND subject = $1`,
      [`meal:${placed.body.id}`],
    );
    expect(audited).toEqual([{ user_id: expect.any(String), detail: { workOrderId, reason: '送餐员不足' } }]);
    // The family's own cancellation now finds it cancelled; the period's subsidy is free for a new order.
    const again = await family.post(`/api/meal-orders/${placed.body.id}/cancel`, {});
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'meal-order-not-cancellable' } } });
    const reordered = await family.post<MealOrderView>(
      '/api/meal-orders',
      order(elder.elderId, { ...breakfast, delivery: false }),
    );
    expect(reordered).toMatchObject({ status: 201, body: { subsidyCents: 1400, workOrder: null } });
  });

  it('lets exactly one of the family’s and the provider’s cancellations at once win, with no deadlock', async () => {
    const date = addLocalDays(lunchAhead(), 1);
    for (let round = 0; round < 4; round++) {
      const period = ['breakfast', 'lunch', 'dinner'][round % 3];
      const placed = await family.post<MealOrderView>('/api/meal-orders', order(elder.elderId, { date, period }));
      expect(placed.status).toBe(201);
      const [byFamily, byProvider] = await Promise.all([
        family.post(`/api/meal-orders/${placed.body.id}/cancel`, {}),
        providerAdmin.post(`/api/work-orders/${placed.body.workOrder!.id}/cancel`, { reason: '同时取消' }),
      ]);
      expect([byFamily.status, byProvider.status].sort()).toEqual([200, 409]);
      const [row]: { cancelled: boolean; status: string }[] = await harness.dataSource.query(
        `SELECT t.cancelled_at IS NOT NULL AS cancelled, w.status FROM meal_transactions t
         JOIN work_orders w ON w.id = t.work_order_id WHERE t.id = $1`,
        [placed.body.id],
      );
      expect(row).toEqual({ cancelled: true, status: 'cancelled' });
    }
  });

  it('holds the period’s subsidy against the counter, shows the cashier a meal to collect, and closes ordering and cancelling before the meal opens', async () => {
    // An order placed yesterday for the meal the canteen serves now.
    const now = mealPeriodAt(ALL_DAY, Date.now())!;
    const [familyUser]: { id: string }[] = await harness.dataSource.query(
      `SELECT user_id AS id FROM user_elders WHERE elder_id = $1 LIMIT 1`,
      [otherElder.elderId],
    );
    const ordered = await new CanteenRepository(harness.dataSource).recordMeal({
      elderId: otherElder.elderId,
      canteenId: canteen.id,
      terminal: null,
      mealDate: now.date,
      period: now.period,
      identifiedBy: 'order',
      identifyReason: null,
      matchScore: null,
      liveness: null,
      faceCheckId: null,
      priceCents: 1500,
      subsidyCents: 1400,
      selfPayCents: 100,
      subsidyCategory: 'extreme_poverty',
      cashierId: null,
      orderedBy: familyUser.id,
      workOrderId: null,
    });
    // The cashier sees it is ordered and paid, to collect: nothing to record.
    const admin = await signIn(await createTestUser(harness.dataSource, 'admin'));
    const card = await admin.request<{ code: string }>('PUT', `/api/elders/${otherElder.elderId}/meal-card`);
    const diner = await cashier.post<DinerView>(`/api/canteens/${canteen.id}/diner`, {
      by: 'qr',
      value: card.body.code,
      reason: '老人未录入人脸',
    });
    expect(diner.body).toMatchObject({ collects: true, alreadySubsidised: true });
    const atCounter = await cashier.post<MealView>(`/api/canteens/${canteen.id}/meals`, {
      elderId: otherElder.elderId,
      terminal: 'pad-1',
      identifiedBy: 'qr',
      reason: '老人未录入人脸',
    });
    expect(atCounter).toMatchObject({ status: 409, body: { error: { code: 'meal-already-subsidised' } } });

    const late = await otherFamily.post(`/api/meal-orders/${ordered}/cancel`, {});
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'meal-order-closed' } } });
    const tooLate = await otherFamily.post('/api/meal-orders', {
      ...order(otherElder.elderId),
      date: now.date,
      period: now.period,
    });
    expect(tooLate).toMatchObject({ status: 409, body: { error: { code: 'meal-order-closed' } } });
    const farAhead = await otherFamily.post('/api/meal-orders', {
      ...order(otherElder.elderId),
      date: addLocalDays(now.date, 10),
    });
    expect(farAhead).toMatchObject({ status: 409, body: { error: { code: 'meal-order-closed' } } });
  });
});
