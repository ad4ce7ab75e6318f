import { ElderAccessService } from '../elders/elder-access.service';
import { FakeOutbox } from '../fakes/fake-outbox';
import { FakeAudit } from '../fakes/fake-audit';
import { FakeBookings } from '../fakes/fake-bookings';
import { FakeMealOrders } from '../fakes/fake-meal-orders';
import { FakeCarePlans } from '../fakes/fake-care-plans';
import { elderRecord, FakeElderRecords } from '../fakes/fake-elder-records';
import { FakeComplaints, FakeVisitRatings, FakeWorkOrders, workOrderRow } from '../fakes/fake-work-orders';
import { viewer } from '../fakes/viewers';
import { WorkOrdersService } from './work-orders.service';

const operator = viewer({ role: 'operator', regionIds: ['street-1'] });
const otherStreetOperator = viewer({ role: 'operator', id: 'operator-2', regionIds: ['street-2'] });
const providerAdmin = viewer({ role: 'provider_admin', providerId: 'provider-1' });
const caregiver = viewer({ role: 'caregiver', id: 'caregiver-1', providerId: 'provider-1' });
const otherCaregiver = viewer({ role: 'caregiver', id: 'caregiver-2', providerId: 'provider-1' });
const family = viewer({ role: 'family', elderIds: ['elder-1'] });
const otherProviderAdmin = viewer({ role: 'provider_admin', id: 'provider_admin-2', providerId: 'provider-2' });

/** The fake order's planned start (a two-hour cleaning), and a moment `minutes` from it. */
const STARTS_AT = Date.parse('2026-11-23T01:00:00Z');
const at = (minutes: number) => new Date(STARTS_AT + minutes * 60_000);

/** 王秀英's home, and a phone 2 km north of it. */
const AT_HOME = { lat: 30.55, lon: 114.35, accuracyM: 10 };
const FAR_AWAY = { lat: 30.568, lon: 114.35, accuracyM: 10 };

describe('WorkOrdersService', () => {
  let orders: FakeWorkOrders;
  let ratings: FakeVisitRatings;
  let complaints: FakeComplaints;
  let audit: FakeAudit;
  let outbox: FakeOutbox;
  let bookings: FakeBookings;
  let sut: WorkOrdersService;

  beforeEach(() => {
    orders = new FakeWorkOrders();
    orders.caregiverNames.set('caregiver-1', '李护理');
    ratings = new FakeVisitRatings();
    complaints = new FakeComplaints();
    audit = new FakeAudit();
    outbox = new FakeOutbox();
    bookings = new FakeBookings();
    const elders = new FakeElderRecords().add(elderRecord({ id: 'elder-1' })).add(elderRecord({ id: 'elder-2' }));
    sut = new WorkOrdersService(
      orders.asRepository(),
      new FakeCarePlans().provider('provider-1', 'caregiver-1', 'caregiver-2').asRepository(),
      ratings.asRepository(),
      complaints.asRepository(),
      bookings.asRepository(),
      new FakeMealOrders().asRepository(),
      new ElderAccessService(elders.asRepository()),
      audit.asRepository(),
      outbox.asOutbox(),
    );
  });

  describe('sending someone now', () => {
    const order = {
      elderId: 'elder-1',
      providerId: 'provider-1',
      service: 'cleaning',
      startsAt: '2026-11-23T02:00:00Z',
    };

    it('makes the order with the service’s usual length, records who made it and announces it', async () => {
      const made = await sut.createOneOff(operator, { ...order, sourceAlertId: 'alert-7' });

      expect(made).toMatchObject({ service: 'cleaning', status: 'created', minutes: 120, sourceAlertId: 'alert-7' });
      expect(audit.entries).toEqual([
        {
          userId: operator.id,
          action: 'work-order.create',
          elderId: 'elder-1',
          subject: `work-order:${made.id}`,
          detail: { service: 'cleaning' },
        },
      ]);
      expect(outbox.workOrders).toEqual([{ workOrderId: made.id, seq: '1' }]);
    });

    it('refuses an elder outside the operator’s streets as if there were none, and makes nothing', async () => {
      await expect(sut.createOneOff(otherStreetOperator, order)).rejects.toMatchObject({ code: 'elder-not-found' });
      expect(orders.rows.size).toBe(0);
      expect(audit.entries).toEqual([]);
    });

    it.each([
      ['a provider that does not exist', { providerId: 'provider-9' }, 'provider-not-found'],
      ['a service not in the catalogue', { service: 'gardening' }, 'service-unknown'],
    ])('refuses %s', async (_case, change, code) => {
      await expect(sut.createOneOff(operator, { ...order, ...change })).rejects.toMatchObject({ code });
      expect(orders.rows.size).toBe(0);
    });
  });

  describe('the visit', () => {
    beforeEach(() => orders.add(workOrderRow({ id: 'order-1' })));

    it('is assigned by the provider to one of its caregivers, and the change is announced', async () => {
      const assigned = await sut.assign(providerAdmin, 'order-1', 'caregiver-1');

      expect(assigned).toMatchObject({ status: 'assigned', caregiver: { id: 'caregiver-1', displayName: '李护理' } });
      expect(outbox.workOrders).toEqual([{ workOrderId: 'order-1', seq: '2' }]);
    });

    it('is not assigned to someone who does not work for its provider', async () => {
      await expect(sut.assign(providerAdmin, 'order-1', 'caregiver-9')).rejects.toMatchObject({
        code: 'caregiver-not-found',
      });
      expect(orders.rows.get('order-1')?.status).toBe('created');
    });

    it('is accepted, checked in and out at the home by the caregiver it is assigned to', async () => {
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');
      await sut.accept(caregiver, 'order-1');
      await sut.checkIn(caregiver, 'order-1', AT_HOME, at(-10));
      const done = await sut.checkOut(
        caregiver,
        'order-1',
        { ...AT_HOME, note: '打扫厨房', confirmedBy: 'elder' },
        at(110),
      );

      expect(done).toMatchObject({
        status: 'checked-out',
        exceptions: { reasons: [], state: 'none' },
        delivered: true,
      });
      expect(orders.rows.get('order-1')).toMatchObject({ note: '打扫厨房', confirmedBy: 'elder' });
    });

    it('is hidden from a caregiver it is not assigned to', async () => {
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');

      await expect(sut.accept(otherCaregiver, 'order-1')).rejects.toMatchObject({ code: 'work-order-not-found' });
      expect(orders.rows.get('order-1')?.status).toBe('assigned');
    });

    it('flags a check-in far from the home with the distance, and still takes it', async () => {
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');
      await sut.accept(caregiver, 'order-1');
      await sut.checkIn(caregiver, 'order-1', FAR_AWAY, at(0));

      const stored = orders.rows.get('order-1');
      expect(stored).toMatchObject({ status: 'checked-in', exceptions: ['far-from-home'] });
      expect(stored?.checkInPosition?.distanceM).toBeGreaterThan(1900);
    });

    it('starts a booked visit only with the code the elder holds', async () => {
      bookings.visitCodes.set('order-1', '004821');
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');
      await sut.accept(caregiver, 'order-1');

      for (const visitCode of [undefined, '123456'])
        await expect(sut.checkIn(caregiver, 'order-1', { ...AT_HOME, visitCode }, at(0))).rejects.toMatchObject({
          code: 'visit-code-mismatch',
        });
      expect(orders.rows.get('order-1')?.status).toBe('accepted');
      await sut.checkIn(caregiver, 'order-1', { ...AT_HOME, visitCode: '004821' }, at(0));
      expect(orders.rows.get('order-1')?.status).toBe('checked-in');
    });

    it('cannot be checked in before it is accepted', async () => {
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');

      await expect(sut.checkIn(caregiver, 'order-1', AT_HOME)).rejects.toMatchObject({
        code: 'work-order-transition-illegal',
      });
      expect(outbox.workOrders).toHaveLength(1);
    });

    it('is cancelled with its reason while nobody has started it', async () => {
      const cancelled = await sut.cancel(operator, 'order-1', '老人住院');

      expect(cancelled.status).toBe('cancelled');
      expect(orders.rows.get('order-1')?.cancelReason).toBe('老人住院');
    });
  });

  describe('a visit outside the rules', () => {
    beforeEach(async () => {
      orders.add(workOrderRow({ id: 'order-1' }));
      await sut.assign(providerAdmin, 'order-1', 'caregiver-1');
      await sut.accept(caregiver, 'order-1');
    });

    it('records the visit that never happened (checked in 20 hours early, out 16 ms later) and never counts it delivered', async () => {
      const checkedInAt = at(-20 * 60);
      const checkedIn = await sut.checkIn(caregiver, 'order-1', AT_HOME, checkedInAt);
      const done = await sut.checkOut(
        caregiver,
        'order-1',
        { ...AT_HOME, note: '', confirmedBy: null },
        new Date(checkedInAt.getTime() + 16),
      );

      expect(checkedIn).toMatchObject({
        status: 'checked-in',
        exceptions: { reasons: ['early-check-in'], state: 'open' },
      });
      expect(done).toMatchObject({
        status: 'checked-out',
        exceptions: { reasons: ['early-check-in', 'short-visit'], state: 'open' },
        delivered: false,
      });
    });

    it('records a check-in after the missed-visit cut-off when the sweep has not run yet', async () => {
      const checkedIn = await sut.checkIn(caregiver, 'order-1', AT_HOME, at(30));

      expect(checkedIn.exceptions.reasons).toEqual(['late-check-in']);
    });

    it('keeps a check-in far from the home as an exception when the check-out is at the door', async () => {
      await sut.checkIn(caregiver, 'order-1', FAR_AWAY, at(0));
      const done = await sut.checkOut(caregiver, 'order-1', { ...AT_HOME, note: '', confirmedBy: null }, at(120));

      expect(done.exceptions).toMatchObject({ reasons: ['far-from-home'], state: 'open' });
      expect(done.delivered).toBe(false);
    });

    describe('resolved by the provider', () => {
      beforeEach(async () => {
        await sut.checkIn(caregiver, 'order-1', AT_HOME, at(-60));
        await sut.checkOut(caregiver, 'order-1', { ...AT_HOME, note: '', confirmedBy: null }, at(60));
      });

      it('counts an approved visit as delivered, records who decided and why, and announces it', async () => {
        outbox.queued.length = 0;
        const resolved = await sut.resolveExceptions(
          providerAdmin,
          'order-1',
          { resolution: 'approved', note: '老人要求提前上门，已电话核实' },
          at(24 * 60),
        );

        expect(resolved).toMatchObject({
          delivered: true,
          exceptions: {
            reasons: ['early-check-in'],
            state: 'approved',
            resolvedBy: { id: providerAdmin.id },
            resolvedAt: at(24 * 60).toISOString(),
            note: '老人要求提前上门，已电话核实',
          },
        });
        expect(audit.entries).toContainEqual({
          userId: providerAdmin.id,
          action: 'work-order.resolve-exceptions',
          elderId: 'elder-1',
          subject: 'work-order:order-1',
          detail: { resolution: 'approved', exceptions: ['early-check-in'], note: '老人要求提前上门，已电话核实' },
        });
        expect(outbox.workOrders).toHaveLength(1);
      });

      it('keeps a rejected visit out of what was delivered', async () => {
        const resolved = await sut.resolveExceptions(providerAdmin, 'order-1', {
          resolution: 'rejected',
          note: '老人说当天没人来',
        });

        expect(resolved).toMatchObject({ delivered: false, exceptions: { state: 'rejected' } });
      });

      it('decides once', async () => {
        await sut.resolveExceptions(providerAdmin, 'order-1', { resolution: 'rejected', note: '未上门' });

        await expect(
          sut.resolveExceptions(providerAdmin, 'order-1', { resolution: 'approved', note: '改判' }),
        ).rejects.toMatchObject({ code: 'visit-exception-not-open' });
        expect(orders.rows.get('order-1')?.exceptionResolution.resolution).toBe('rejected');
      });

      it('is not for another provider', async () => {
        await expect(
          sut.resolveExceptions(otherProviderAdmin, 'order-1', { resolution: 'approved', note: '' }),
        ).rejects.toMatchObject({ code: 'work-order-not-found' });
        expect(audit.entries.filter((entry) => entry.action === 'work-order.resolve-exceptions')).toEqual([]);
      });
    });

    it('waits for the check-out before anyone decides, and has nothing to decide on a visit within the rules', async () => {
      await sut.checkIn(caregiver, 'order-1', AT_HOME, at(-60));
      await expect(
        sut.resolveExceptions(providerAdmin, 'order-1', { resolution: 'approved', note: '提前' }),
      ).rejects.toMatchObject({ code: 'visit-exception-not-open' });

      orders.add(workOrderRow({ id: 'order-2', status: 'checked-out' }));
      await expect(
        sut.resolveExceptions(providerAdmin, 'order-2', { resolution: 'approved', note: '无' }),
      ).rejects.toMatchObject({ code: 'visit-exception-not-open' });
    });
  });

  describe('rating a visit', () => {
    it('takes one rating from the family once the visit was made', async () => {
      orders.add(workOrderRow({ id: 'order-1', status: 'checked-out' }));

      await sut.rate(family, 'order-1', 5, '很细心');

      expect(ratings.ratings.get('order-1')).toEqual({ userId: family.id, stars: 5, comment: '很细心' });
      await expect(sut.rate(family, 'order-1', 1, 'again')).rejects.toMatchObject({ code: 'visit-already-rated' });
      expect(ratings.ratings.get('order-1')?.stars).toBe(5);
    });

    it('refuses a visit that has not been made', async () => {
      orders.add(workOrderRow({ id: 'order-1', status: 'accepted' }));

      await expect(sut.rate(family, 'order-1', 5, '')).rejects.toMatchObject({ code: 'visit-not-done' });
      expect(ratings.ratings.size).toBe(0);
    });
  });

  describe('a complaint', () => {
    it('names the provider and the order when it is about one', async () => {
      orders.add(workOrderRow({ id: 'order-1' }));

      const { id } = await sut.complain(family, { elderId: 'elder-1', workOrderId: 'order-1', text: '迟到一小时' });

      expect(id).toBe('complaint-1');
      expect(complaints.filed).toEqual([
        { elderId: 'elder-1', providerId: 'provider-1', workOrderId: 'order-1', userId: family.id, text: '迟到一小时' },
      ]);
    });

    it('refuses an order of another elder as one that does not exist', async () => {
      orders.add(workOrderRow({ id: 'order-1' }));

      await expect(
        sut.complain(operator, { elderId: 'elder-2', workOrderId: 'order-1', text: '迟到' }),
      ).rejects.toMatchObject({ code: 'work-order-not-found' });
      expect(complaints.filed).toEqual([]);
    });

    it('refuses an elder who is not the family’s own', async () => {
      await expect(sut.complain(family, { elderId: 'elder-2', text: '迟到' })).rejects.toMatchObject({
        code: 'elder-not-found',
      });
    });
  });
});
