import type { BookingQuote, BookingView, OfferView, SlotView, WorkOrderView } from '@eldercare/contracts';
import { addLocalDays, firstBookableStart, localDateOf, localDateTime } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** Every day, round the clock: any half hour from the next one on can be booked whenever the spec runs. */
const ALWAYS = { weekdays: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' };

describe('booking a service: offers, slots, one caregiver never twice, the visit code, cancel and dispute', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let otherElder: TestElder;
  let providerId: string;
  let caregiverIds: string[];
  let providerAdmin: ApiClient;
  let caregivers: Map<string, ApiClient>;
  let family: ApiClient;
  let operator: ApiClient;
  let bath: OfferView;
  let bathRoom: OfferView;

  const signIn = (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  const inDays = (days: number, time: string) =>
    new Date(localDateTime(addLocalDays(localDateOf(Date.now()), days), time)).toISOString();

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource);
    otherElder = await createTestElderInPlace(harness.dataSource, { name: '赵桂兰' });
    // 失能: eight baths a month from the city.
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,disabled}' WHERE id = $1`, [
      elder.elderId,
    ]);
    providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `康乐助浴-${randomBytes(3).toString('hex')}`,
    });
    const caregiverUsers = await Promise.all(
      ['刘芳', '李娟'].map((displayName) =>
        createTestUser(harness.dataSource, 'caregiver', { providerId, displayName }),
      ),
    );
    caregiverIds = caregiverUsers.map((user) => user.id);
    caregivers = new Map(await Promise.all(caregiverUsers.map(async (user) => [user.id, await signIn(user)] as const)));
    [providerAdmin, family, operator] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'provider_admin', { providerId })),
      signIn(await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })),
      signIn(
        await createTestUser(harness.dataSource, 'operator', { regionIds: [elder.districtId, otherElder.districtId] }),
      ),
    ]);
    const terms = { cancelCutoffMinutes: 60, lateCancelShare: 0.5, ...ALWAYS };
    bath = (
      await providerAdmin.post<OfferView>('/api/offers', {
        service: 'bathing',
        minutes: 60,
        priceCents: 8000,
        capacity: 'caregivers',
        ...terms,
      })
    ).body;
    bathRoom = (
      await providerAdmin.post<OfferView>('/api/offers', {
        service: 'bathing',
        minutes: 30,
        priceCents: 3000,
        capacity: 'places',
        places: 1,
        ...terms,
      })
    ).body;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('publishes offers of the provider’s own, and refuses one that cannot be booked', async () => {
    expect(bath).toMatchObject({ service: 'bathing', capacity: 'caregivers', provider: { id: providerId } });
    const refused = await providerAdmin.post('/api/offers', {
      service: 'bathing',
      minutes: 45,
      priceCents: 8000,
      capacity: 'caregivers',
      cancelCutoffMinutes: 60,
      lateCancelShare: 0.5,
      ...ALWAYS,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'offer-invalid' } } });
    expect((await family.post('/api/offers', { service: 'bathing' })).status).toBe(403);
    const listed = await family.get<OfferView[]>(`/api/offers?providerId=${providerId}`);
    expect(listed.body.map((offer) => offer.id).sort()).toEqual([bath.id, bathRoom.id].sort());
  });

  it('shows who pays before booking: the entitlement for a 失能 elder, the provider’s price for another', async () => {
    const startsAt = inDays(3, '09:00');
    const covered = await family.post<BookingQuote>('/api/bookings/quote', {
      offerId: bath.id,
      elderId: elder.elderId,
      startsAt,
    });
    expect(covered.body).toMatchObject({
      paidBy: 'entitlement',
      selfPayCents: 0,
      priceCents: 8000,
      lateChargeCents: 4000,
    });
    expect(Date.parse(covered.body.cancelCutoffAt)).toBe(Date.parse(startsAt) - 3_600_000);
    const selfPaid = await operator.post<BookingQuote>('/api/bookings/quote', {
      offerId: bath.id,
      elderId: otherElder.elderId,
      startsAt,
    });
    expect(selfPaid.body).toMatchObject({ paidBy: 'self', selfPayCents: 8000 });
  });

  it('lets a family book only for its own elder, and refuses times that cannot be booked', async () => {
    const foreign = await family.post('/api/bookings', {
      offerId: bath.id,
      elderId: otherElder.elderId,
      startsAt: inDays(3, '10:00'),
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    for (const startsAt of [inDays(3, '10:15'), inDays(-1, '10:00')]) {
      const refused = await family.post('/api/bookings', { offerId: bath.id, elderId: elder.elderId, startsAt });
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'booking-time-invalid' } } });
    }
    const [{ count }]: { count: number }[] = await harness.dataSource.query(
      'SELECT count(*)::int AS count FROM bookings WHERE elder_id = $1',
      [elder.elderId],
    );
    expect(count).toBe(0);
  });

  it('gives a slot booked by ten at once to exactly as many as there are caregivers or places', async () => {
    const startsAt = inDays(4, '14:00');
    const race = (offerId: string) =>
      Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 ? family : operator).post<BookingView>('/api/bookings', {
            offerId,
            elderId: elder.elderId,
            startsAt,
          }),
        ),
      );

    const byCaregivers = await race(bath.id);
    const won = byCaregivers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(2);
    expect(won.map((answer) => answer.body.caregiver!.id).sort()).toEqual([...caregiverIds].sort());
    expect(byCaregivers.filter((answer) => answer.status === 409)).toHaveLength(8);
    expect(byCaregivers.filter((answer) => answer.status === 409).map((answer) => answer.body)).toContainEqual({
      error: expect.objectContaining({ code: 'booking-slot-taken' }),
    });

    const byPlace = await race(bathRoom.id);
    expect(byPlace.filter((answer) => answer.status === 201)).toHaveLength(1);

    const day = localDateOf(Date.parse(startsAt));
    const slots = (await family.get<SlotView[]>(`/api/offers/${bath.id}/slots?date=${day}`)).body;
    expect(
      slots.some(
        (slot) => slot.startsAt === startsAt || Date.parse(slot.startsAt) === Date.parse(startsAt) - 1_800_000,
      ),
    ).toBe(false);
    expect(slots.find((slot) => Date.parse(slot.startsAt) === Date.parse(startsAt) + 3_600_000)).toMatchObject({
      free: 2,
    });
  });

  it('is refused by the database itself when two rows would hold one caregiver’s time', async () => {
    const [booking]: { offer_id: string; work_order_id: string; caregiver_id: string }[] =
      await harness.dataSource.query(
        `SELECT offer_id, work_order_id, caregiver_id FROM bookings WHERE caregiver_id IS NOT NULL LIMIT 1`,
      );
    await expect(
      harness.dataSource.query(
        `INSERT INTO bookings (offer_id, provider_id, elder_id, work_order_id, starts_at, ends_at, caregiver_id, paid_by,
           price_cents, self_pay_cents, cancel_cutoff_at, late_charge_cents, visit_code, booked_by)
         SELECT offer_id, provider_id, elder_id, work_order_id, starts_at + interval '30 minutes', ends_at + interval '30 minutes',
           caregiver_id, paid_by, price_cents, self_pay_cents, cancel_cutoff_at, late_charge_cents, visit_code, booked_by
         FROM bookings WHERE work_order_id = $1`,
        [booking.work_order_id],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01' }) });
  });

  it('makes the booking a work order the caregiver starts only with the elder’s code, and the family confirms it', async () => {
    const { body: booked } = await family.post<BookingView>('/api/bookings', {
      offerId: bath.id,
      elderId: elder.elderId,
      startsAt: inDays(1, '10:00'),
    });
    expect(booked).toMatchObject({
      status: 'booked',
      paidBy: 'entitlement',
      visitCode: expect.stringMatching(/^\d{6}$/),
    });
    expect(booked.workOrder.status).toBe('assigned');
    const orderId = booked.workOrder.id;
    // The visit is due now, so that it may be checked in at any hour the spec runs (a booking may not cross midnight).
    await harness.dataSource.query('UPDATE work_orders SET starts_at = now() WHERE id = $1', [orderId]);
    // The booking holds one caregiver's time, and that caregiver makes the visit.
    const caregiver = caregivers.get(booked.caregiver!.id)!;

    const seenByProvider = (await providerAdmin.get<BookingView[]>(`/api/bookings?providerId=${providerId}`)).body;
    expect(seenByProvider.find((row) => row.id === booked.id)).toMatchObject({ visitCode: null });

    await caregiver.post(`/api/work-orders/${orderId}/accept`);
    const noCode = await caregiver.post(`/api/work-orders/${orderId}/check-in`, { lat: 28.68, lon: 115.89 });
    expect(noCode).toMatchObject({ status: 403, body: { error: { code: 'visit-code-mismatch' } } });
    const notTheirs = await caregiver.post(`/api/bookings/${booked.id}/cancel`, { reason: '不想去' });
    expect(notTheirs).toMatchObject({ status: 409, body: { error: { code: 'booking-not-cancellable' } } });
    const started = await caregiver.post<WorkOrderView>(`/api/work-orders/${orderId}/check-in`, {
      lat: 28.68,
      lon: 115.89,
      visitCode: booked.visitCode,
    });
    expect(started.body.status).toBe('checked-in');
    expect((await family.post(`/api/bookings/${booked.id}/confirm`)).body).toMatchObject({
      error: { code: 'booking-not-confirmable' },
    });
    await caregiver.post(`/api/work-orders/${orderId}/check-out`, { lat: 28.68, lon: 115.89, note: '助浴完成' });

    const confirmed = await family.post<BookingView>(`/api/bookings/${booked.id}/confirm`);
    expect(confirmed.body).toMatchObject({ confirmation: 'confirmed', workOrder: { status: 'checked-out' } });
    const again = await family.post(`/api/bookings/${booked.id}/dispute`, { text: '没有来' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'booking-not-confirmable' } } });
  });

  it('lets a caregiver book for an elder they visit, and for no other', async () => {
    const caregiver = caregivers.get(caregiverIds[1])!;
    // The caregiver visits 贺素芬: a personal-care order of hers is theirs.
    await harness.dataSource.query(
      `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity, caregiver_id, status)
       VALUES ($1, $2, 'personal-care', now() + interval '20 days', 60, 1, $3, 'assigned')`,
      [elder.elderId, providerId, caregiverIds[1]],
    );
    const own = await caregiver.post<BookingView>('/api/bookings', {
      offerId: bathRoom.id,
      elderId: elder.elderId,
      startsAt: inDays(7, '09:00'),
    });
    expect(own).toMatchObject({ status: 201, body: { visitCode: null, bookedBy: { role: 'caregiver' } } });
    const foreign = await caregiver.post('/api/bookings', {
      offerId: bathRoom.id,
      elderId: otherElder.elderId,
      startsAt: inDays(7, '10:00'),
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    expect(
      (await caregiver.post<BookingView>(`/api/bookings/${own.body.id}/cancel`, { reason: '老人改期' })).status,
    ).toBe(200);
  });

  it('cancels free before the cut-off and charges the share after it, cancelling the visit too', async () => {
    const early = (
      await family.post<BookingView>('/api/bookings', {
        offerId: bath.id,
        elderId: elder.elderId,
        startsAt: inDays(5, '08:00'),
      })
    ).body;
    const late = (
      await family.post<BookingView>('/api/bookings', {
        offerId: bathRoom.id,
        elderId: elder.elderId,
        startsAt: new Date(firstBookableStart(Date.now())).toISOString(),
      })
    ).body;

    const freeCancel = await family.post<BookingView>(`/api/bookings/${early.id}/cancel`, { reason: '老人住院' });
    expect(freeCancel.body).toMatchObject({
      status: 'cancelled',
      cancelChargeCents: 0,
      workOrder: { status: 'cancelled' },
    });
    const charged = await operator.post<BookingView>(`/api/bookings/${late.id}/cancel`, { reason: '家属来电取消' });
    expect(charged.body).toMatchObject({ status: 'cancelled', cancelChargeCents: 1500 });
    expect((await family.post(`/api/bookings/${early.id}/cancel`, { reason: '再次' })).status).toBe(409);

    // The freed time can be booked again.
    const rebooked = await family.post<BookingView>('/api/bookings', {
      offerId: bath.id,
      elderId: elder.elderId,
      startsAt: inDays(5, '08:00'),
    });
    expect(rebooked.status).toBe(201);
  });

  it('sends a dispute to the provider and the bureau as a complaint, and audits the elder’s bookings read', async () => {
    const { body: booked } = await operator.post<BookingView>('/api/bookings', {
      offerId: bath.id,
      elderId: elder.elderId,
      startsAt: inDays(6, '10:00'),
    });
    await harness.dataSource.query(
      `UPDATE work_orders SET status = 'checked-out', checked_in_at = now(), checked_out_at = now() WHERE id = $1`,
      [booked.workOrder.id],
    );
    const disputed = await family.post<BookingView>(`/api/bookings/${booked.id}/dispute`, {
      text: '护理员只待了十分钟',
    });
    expect(disputed.body.confirmation).toBe('disputed');
    const complaints: { provider_id: string; text: string }[] = await harness.dataSource.query(
      'SELECT provider_id, text FROM complaints WHERE work_order_id = $1',
      [booked.workOrder.id],
    );
    expect(complaints).toEqual([{ provider_id: providerId, text: '护理员只待了十分钟' }]);

    const list = await family.get<BookingView[]>(`/api/bookings?elderId=${elder.elderId}`);
    expect(list.body.length).toBeGreaterThan(3);
    const audited: unknown[] = await harness.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'bookings.read' AND elder_id = $1`,
      [elder.elderId],
    );
    expect(audited.length).toBeGreaterThan(0);
    expect((await family.get(`/api/bookings?elderId=${otherElder.elderId}`)).status).toBe(404);
  });

  it("answers a provider's staff asking for the bookings of an elder they do not serve as not found, and records no read", async () => {
    const reads = () =>
      harness.dataSource.query(`SELECT 1 FROM audit_log WHERE action = 'bookings.read' AND elder_id = $1`, [
        otherElder.elderId,
      ]);
    const before = (await reads()).length;

    const asked = await providerAdmin.get<{ error: { code: string } }>(`/api/bookings?elderId=${otherElder.elderId}`);

    expect(asked).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    expect((await reads()).length).toBe(before);
    expect((await providerAdmin.get(`/api/bookings?elderId=${elder.elderId}`)).status).toBe(200);
  });
});
