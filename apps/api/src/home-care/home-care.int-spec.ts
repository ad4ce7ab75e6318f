import {
  announceWorkOrderJobId,
  type AlertView,
  type CarePlanView,
  type ClientToServerEvents,
  type FamilyElderView,
  type MonthlyReport,
  type ServerToClientEvents,
  type WorkOrderView,
} from '@eldercare/contracts';
import { localMonthOf } from '@eldercare/domain';
import { io, type Socket } from 'socket.io-client';
import { CarePlanRepository } from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('home care: plans become orders, caregivers prove each visit, families see and rate it', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let providerId: string;
  let providerName: string;
  let supervisor: ApiClient;
  let providerAdmin: ApiClient;
  let caregiver: ApiClient;
  let caregiverId: string;
  let family: ApiClient;

  const signIn = async (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource);
    await harness.dataSource.query(
      `UPDATE elders SET categories = '{living_alone,extreme_poverty,disabled}' WHERE id = $1`,
      [elder.elderId],
    );
    providerName = `夕阳红居家养老服务中心-${randomBytes(3).toString('hex')}`;
    providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: providerName });
    const caregiverUser = await createTestUser(harness.dataSource, 'caregiver', { providerId, displayName: '刘芳' });
    caregiverId = caregiverUser.id;
    [supervisor, providerAdmin, caregiver, family] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] })),
      signIn(await createTestUser(harness.dataSource, 'provider_admin', { providerId })),
      signIn(caregiverUser),
      signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })),
    ]);
  });

  const weekdaysMeals = {
    service: 'meal-delivery',
    weekdays: [1, 2, 3, 4, 5],
    times: ['11:30'],
    startsOn: '2026-01-01',
    endsOn: null,
  };

  async function ordersOfElder(client: ApiClient): Promise<WorkOrderView[]> {
    return (await client.get<WorkOrderView[]>(`/api/work-orders?elderId=${elder.elderId}`)).body;
  }

  it('refuses a plan that asks for more meals than the elder is owed, and takes one that fits', async () => {
    const daily = await supervisor.post<{ error: { code: string; details: { excesses: unknown[] } } }>(
      `/api/elders/${elder.elderId}/care-plan/lines`,
      { ...weekdaysMeals, providerId, weekdays: [1, 2, 3, 4, 5, 6, 7] },
    );
    expect(daily.status).toBe(422);
    expect(daily.body.error.code).toBe('care-plan-over-entitlement');
    expect(daily.body.error.details.excesses).toContainEqual(
      expect.objectContaining({ service: 'meal-delivery', owed: 30, planned: 31 }),
    );

    const fits = await supervisor.post<CarePlanView>(`/api/elders/${elder.elderId}/care-plan/lines`, {
      ...weekdaysMeals,
      providerId,
    });
    expect(fits.status).toBe(201);
    expect(fits.body.lines).toEqual([
      expect.objectContaining({ service: 'meal-delivery', weekdays: [1, 2, 3, 4, 5], times: ['11:30'] }),
    ]);
    expect(fits.body.account.find((line) => line.service === 'meal-delivery')).toMatchObject({
      owed: 30,
      unit: 'meal',
    });
    expect(fits.body.subsidy).toMatchObject({ careLevel: 'full-care', careSubsidy: 300, ageAllowance: 50 });
  });

  it('makes each planned visit one order, however often the generator runs, and after a worker restart', async () => {
    await supervisor.post(`/api/elders/${elder.elderId}/care-plan/lines`, { ...weekdaysMeals, providerId });
    const now = Date.parse('2026-11-23T08:00:00+08:00');

    const first = await harness.generateWorkOrders(now);
    const again = await Promise.all([harness.generateWorkOrders(now), harness.generateWorkOrders(now + 3_600_000)]);
    const orders = await ordersOfElder(supervisor);
    expect(orders.map((order) => order.startsAt)).toEqual([
      '2026-11-23T03:30:00.000Z',
      '2026-11-24T03:30:00.000Z',
      '2026-11-25T03:30:00.000Z',
      '2026-11-26T03:30:00.000Z',
      '2026-11-27T03:30:00.000Z',
    ]);
    expect(first).toBeGreaterThanOrEqual(5);
    expect(again).toEqual([0, 0]);

    // A worker started afresh (as after a crash) on the same database makes none of them again.
    expect(await harness.generateWorkOrdersInFreshWorker(now)).toBe(0);
    expect(await ordersOfElder(supervisor)).toHaveLength(5);
  });

  it('cancels the orders after the day a plan line ends, and makes no new ones for it', async () => {
    const { body: plan } = await supervisor.post<CarePlanView>(`/api/elders/${elder.elderId}/care-plan/lines`, {
      ...weekdaysMeals,
      providerId,
    });
    const now = Date.parse('2026-11-23T08:00:00+08:00');
    await harness.generateWorkOrders(now);

    const ended = await supervisor.post<CarePlanView>(
      `/api/elders/${elder.elderId}/care-plan/lines/${plan.lines[0].id}/end`,
      { endsOn: '2026-11-24' },
    );
    expect(ended.body.lines[0].endsOn).toBe('2026-11-24');
    expect(await harness.generateWorkOrders(now)).toBe(0);
    const orders = await ordersOfElder(supervisor);
    expect(orders.map((order) => [order.startsAt.slice(0, 10), order.status, order.cancelReason])).toEqual([
      ['2026-11-23', 'created', null],
      ['2026-11-24', 'created', null],
      ['2026-11-25', 'cancelled', 'plan-changed'],
      ['2026-11-26', 'cancelled', 'plan-changed'],
      ['2026-11-27', 'cancelled', 'plan-changed'],
    ]);
  });

  it('takes a visit from assignment to check-out at the home, flags a check-in far away, and lets the family see and rate it once', async () => {
    const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'personal-care',
      startsAt: new Date(Date.now() + 600_000).toISOString(),
    });
    expect(order).toMatchObject({ status: 'created', fromPlan: false, quantity: 1 });

    expect((await caregiver.post(`/api/work-orders/${order.id}/accept`)).status).toBe(404);
    expect(
      (await providerAdmin.post<WorkOrderView>(`/api/work-orders/${order.id}/assign`, { caregiverId })).body,
    ).toMatchObject({ status: 'assigned', caregiver: { displayName: '刘芳' } });
    expect((await caregiver.post<WorkOrderView>(`/api/work-orders/${order.id}/accept`)).body.status).toBe('accepted');
    const checkedIn = await caregiver.post<WorkOrderView>(`/api/work-orders/${order.id}/check-in`, {
      lat: 28.6802,
      lon: 115.8901,
      accuracyM: 8,
    });
    expect(checkedIn.body).toMatchObject({
      status: 'checked-in',
      exceptions: { reasons: [], state: 'none' },
      checkIn: { distanceM: expect.any(Number) },
    });
    expect(checkedIn.body.checkIn!.distanceM).toBeLessThan(50);
    const refusedTwice = await caregiver.post(`/api/work-orders/${order.id}/check-in`, { lat: 28.68, lon: 115.89 });
    expect(refusedTwice).toMatchObject({ status: 409, body: { error: { code: 'work-order-transition-illegal' } } });
    const done = await caregiver.post<WorkOrderView>(`/api/work-orders/${order.id}/check-out`, {
      lat: 28.69,
      lon: 115.89,
      note: '协助洗漱、翻身',
      confirmedBy: 'elder',
    });
    // Far from the home at check-out, and minutes after check-in for an hour of care: recorded, not refused.
    expect(done.body).toMatchObject({
      status: 'checked-out',
      exceptions: { reasons: ['short-visit', 'far-from-home'], state: 'open' },
      delivered: false,
      note: '协助洗漱、翻身',
      confirmedBy: 'elder',
    });

    const { body: page } = await family.get<FamilyElderView>(`/api/family/elders/${elder.elderId}`);
    expect(page.visits.find((visit) => visit.id === order.id)).toMatchObject({
      status: 'checked-out',
      caregiver: { displayName: '刘芳' },
    });
    expect((await family.post(`/api/work-orders/${order.id}/rating`, { stars: 5, comment: '很细心' })).status).toBe(
      204,
    );
    expect((await family.post(`/api/work-orders/${order.id}/rating`, { stars: 1, comment: '' })).body).toMatchObject({
      error: { code: 'visit-already-rated' },
    });
    expect((await family.get<WorkOrderView>(`/api/work-orders/${order.id}`)).body.rating).toEqual({
      stars: 5,
      comment: '很细心',
    });

    const otherFamily = await signIn(
      await createTestUser(harness.dataSource, 'family', {
        elderIds: [(await createTestElderInPlace(harness.dataSource)).elderId],
      }),
    );
    expect((await otherFamily.get(`/api/family/elders/${elder.elderId}`)).status).toBe(404);
    expect((await otherFamily.get(`/api/work-orders/${order.id}`)).status).toBe(404);
    expect((await otherFamily.post(`/api/work-orders/${order.id}/rating`, { stars: 1, comment: '' })).status).toBe(404);
  });

  it('records a visit checked in 20 hours early and out 16 ms later as exceptions, not delivered until the provider approves, and counts it apart', async () => {
    const startsAt = Date.now() + 20 * 3_600_000;
    const month = localMonthOf(startsAt);
    const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'personal-care',
      startsAt: new Date(startsAt).toISOString(),
    });
    await providerAdmin.post(`/api/work-orders/${order.id}/assign`, { caregiverId });
    await caregiver.post(`/api/work-orders/${order.id}/accept`);
    const atHome = { lat: 28.6802, lon: 115.8901, accuracyM: 8 };

    const checkedIn = await caregiver.post<WorkOrderView>(`/api/work-orders/${order.id}/check-in`, atHome);
    expect(checkedIn).toMatchObject({
      status: 200,
      body: { status: 'checked-in', exceptions: { reasons: ['early-check-in'], state: 'open' } },
    });
    const checkedOut = await caregiver.post<WorkOrderView>(`/api/work-orders/${order.id}/check-out`, {
      ...atHome,
      note: '',
      confirmedBy: null,
    });
    expect(checkedOut).toMatchObject({
      status: 200,
      body: {
        status: 'checked-out',
        exceptions: { reasons: ['early-check-in', 'short-visit'], state: 'open' },
        delivered: false,
      },
    });

    const visitsRow = async () => {
      const { body } = await supervisor.get<MonthlyReport>(`/api/reports/monthly?month=${month}&table=visits`);
      const [table] = body.tables;
      const row = table.rows.find((candidate) => candidate[0] === providerName)!;
      return Object.fromEntries(table.columns.map((column, index) => [column, row[index]]));
    };
    const delivered = async () =>
      (await supervisor.get<CarePlanView>(`/api/elders/${elder.elderId}/care-plan?month=${month}`)).body.account.find(
        (line) => line.service === 'personal-care',
      )?.delivered;
    expect(await visitsRow()).toMatchObject({ 工单数: 1, 已完成: 0, 异常待处理: 1, 异常已认可: 0, 异常已驳回: 0 });
    expect(await delivered()).toBe(0);

    const { body: open } = await providerAdmin.get<WorkOrderView[]>('/api/work-orders?exceptions=open');
    expect(open.map((candidate) => candidate.id)).toEqual([order.id]);
    const decision = { resolution: 'approved', note: '老人临时要求提前，已电话核实' };
    expect((await caregiver.post(`/api/work-orders/${order.id}/resolve-exceptions`, decision)).status).toBe(403);
    expect((await supervisor.post(`/api/work-orders/${order.id}/resolve-exceptions`, decision)).status).toBe(403);
    expect(
      (
        await providerAdmin.post(`/api/work-orders/${order.id}/resolve-exceptions`, {
          resolution: 'approved',
          note: ' ',
        })
      ).status,
    ).toBe(400);

    const approved = await providerAdmin.post<WorkOrderView>(
      `/api/work-orders/${order.id}/resolve-exceptions`,
      decision,
    );
    expect(approved).toMatchObject({
      status: 200,
      body: {
        delivered: true,
        exceptions: { state: 'approved', note: decision.note, resolvedBy: { id: expect.any(String) } },
      },
    });
    expect(await visitsRow()).toMatchObject({ 工单数: 1, 已完成: 1, 异常待处理: 0, 异常已认可: 1, 异常已驳回: 0 });
    expect(await delivered()).toBe(1);
    expect((await providerAdmin.get<WorkOrderView[]>('/api/work-orders?exceptions=open')).body).toEqual([]);
    expect(
      await providerAdmin.post(`/api/work-orders/${order.id}/resolve-exceptions`, {
        resolution: 'rejected',
        note: '改判',
      }),
    ).toMatchObject({ status: 409, body: { error: { code: 'visit-exception-not-open' } } });
    const [audited] = await harness.dataSource.query(
      `SELECT detail FROM audit_log WHERE action = 'work-order.resolve-exceptions' AND subject = $1`,
      [`work-order:${order.id}`],
    );
    expect(audited.detail).toEqual({
      resolution: 'approved',
      exceptions: ['early-check-in', 'short-visit'],
      note: decision.note,
    });
  });

  it('marks a visit nobody checked in to as missed and raises an urgent alert for an elder living alone, once', async () => {
    const startsAt = new Date(Date.now() - 40 * 60_000).toISOString();
    const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'look-in',
      startsAt,
    });

    expect(await harness.sweepMissedVisits()).toBeGreaterThanOrEqual(1);
    expect(await harness.sweepMissedVisits()).toBe(0);
    const { body: missed } = await supervisor.get<WorkOrderView>(`/api/work-orders/${order.id}`);
    expect(missed).toMatchObject({ status: 'missed', missedAt: expect.any(String) });
    // Announced at the seq the sweep's transaction left it with, through the outbox.
    expect(await harness.dispatch.getJob(announceWorkOrderJobId(order.id, missed.seq))).toMatchObject({
      data: { workOrderId: order.id, seq: missed.seq },
    });
    const alert = await eventually(async () =>
      (await supervisor.get<AlertView[]>('/api/alerts/open')).body.find(
        (open) => open.rule === 'visit-missed' && open.elder.id === elder.elderId,
      ),
    );
    expect(alert).toMatchObject({ severity: 'urgent', device: null, evidence: { workOrderId: order.id } });
  });

  it('tells each audience of an order live, masked for its role: the family in full, the bureau without phone or address', async () => {
    const bureau = await signIn(await createTestUser(harness.dataSource, 'bureau'));
    const listen = (client: ApiClient) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(harness.apiUrl, {
        transports: ['websocket'],
        extraHeaders: { cookie: client.cookieHeader },
        reconnection: false,
      });
      const heard: WorkOrderView[] = [];
      socket.on('work-order.updated', (order) => heard.push(order));
      return { socket, heard, connected: new Promise<void>((resolve) => socket.on('connect', () => resolve())) };
    };
    const [toFamily, toBureau, toCaregiver] = [listen(family), listen(bureau), listen(caregiver)];
    try {
      await Promise.all([toFamily.connected, toBureau.connected, toCaregiver.connected]);
      const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
        elderId: elder.elderId,
        providerId,
        service: 'bathing',
        startsAt: new Date(Date.now() + 7_200_000).toISOString(),
      });
      await providerAdmin.post(`/api/work-orders/${order.id}/assign`, { caregiverId });

      const assigned = (heard: WorkOrderView[]) =>
        eventually(async () => heard.find((seen) => seen.id === order.id && seen.status === 'assigned'));
      expect((await assigned(toFamily.heard)).elder.phone).toBe('13907911234');
      expect((await assigned(toCaregiver.heard)).elder).toMatchObject({
        phone: '13907911234',
        address: expect.stringContaining('八一大道'),
      });
      const masked = await assigned(toBureau.heard);
      expect(masked.elder).toMatchObject({ phone: '139****1234', home: null });
      expect(masked.elder.address).not.toContain('3栋501');
    } finally {
      [toFamily, toBureau, toCaregiver].forEach(({ socket }) => socket.disconnect());
    }
  });

  it('lets the provider’s admin or the dispatch centre cancel an order with a reason, never the caregiver, and not twice', async () => {
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'errands',
      startsAt,
    });
    await providerAdmin.post(`/api/work-orders/${order.id}/assign`, { caregiverId });

    expect(await caregiver.post(`/api/work-orders/${order.id}/cancel`, { reason: '临时有事' })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(
      (await providerAdmin.post<WorkOrderView>(`/api/work-orders/${order.id}/cancel`, { reason: '老人住院' })).body,
    ).toMatchObject({ status: 'cancelled', cancelReason: '老人住院' });
    expect(await supervisor.post(`/api/work-orders/${order.id}/cancel`, { reason: '重复' })).toMatchObject({
      status: 409,
      body: { error: { code: 'work-order-transition-illegal' } },
    });
    expect((await supervisor.post(`/api/work-orders/${order.id}/cancel`, {})).status).toBe(400);
  });

  it('shows a caregiver only the visits assigned to them, and another provider nothing', async () => {
    const { body: order } = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'cleaning',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(await ordersOfElder(caregiver)).toEqual([]);
    await providerAdmin.post(`/api/work-orders/${order.id}/assign`, { caregiverId });
    expect((await ordersOfElder(caregiver)).map((visit) => visit.id)).toEqual([order.id]);
    expect((await ordersOfElder(caregiver))[0].elder).toMatchObject({
      phone: '13907911234',
      address: expect.stringContaining('八一大道'),
    });

    const otherProvider = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `其他服务商-${randomBytes(3).toString('hex')}`,
    });
    const stranger = await signIn(
      await createTestUser(harness.dataSource, 'provider_admin', { providerId: otherProvider }),
    );
    expect((await stranger.get(`/api/work-orders/${order.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/work-orders/${order.id}/assign`, { caregiverId })).status).toBe(404);
  });
});
