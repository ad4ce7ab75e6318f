import type { CarePlanLine } from '@eldercare/domain';
import { ElderAccessService } from '../elders/elder-access.service';
import { FakeAudit } from '../fakes/fake-audit';
import { FakeCarePlans, FakeMonthOrders } from '../fakes/fake-care-plans';
import { elderRecord, FakeElderRecords } from '../fakes/fake-elder-records';
import { viewer } from '../fakes/viewers';
import { CarePlansService } from './care-plans.service';

const supervisor = viewer({ role: 'supervisor', regionIds: ['street-1'] });
const otherStreetSupervisor = viewer({ role: 'supervisor', id: 'supervisor-2', regionIds: ['street-2'] });

/** Eight hours of cleaning and five safety checks (a month has at most five Mondays) for an elder living alone. */
const RULES = [
  { category: 'living_alone', service: 'cleaning', perMonth: 8 },
  { category: 'living_alone', service: 'safety-check', perMonth: 5 },
] as const;

/** A safety check every Monday morning, from December. */
const weeklyCheck: Omit<CarePlanLine, 'id'> = {
  service: 'safety-check',
  providerId: 'provider-1',
  weekdays: [1],
  times: ['09:00'],
  startsOn: '2026-12-01',
  endsOn: null,
};

describe('CarePlansService', () => {
  let plans: FakeCarePlans;
  let orders: FakeMonthOrders;
  let audit: FakeAudit;
  let sut: CarePlansService;

  beforeEach(() => {
    plans = new FakeCarePlans().provider('provider-1');
    plans.rules = [...RULES];
    orders = new FakeMonthOrders();
    audit = new FakeAudit();
    const elders = new FakeElderRecords().add(elderRecord({ id: 'elder-1', categories: ['living_alone'] }));
    sut = new CarePlansService(
      plans.asRepository(),
      orders.asRepository(),
      new ElderAccessService(elders.asRepository()),
      audit.asRepository(),
    );
  });

  describe('the plan of a month', () => {
    it('accounts for what the elder is owed, what was planned and what was delivered (not a visit with open exceptions)', async () => {
      orders.orders.push(
        {
          elderId: 'elder-1',
          startsAt: new Date('2026-11-02T01:00:00Z'),
          service: 'cleaning',
          quantity: 2,
          status: 'checked-out',
        },
        {
          elderId: 'elder-1',
          startsAt: new Date('2026-11-03T01:00:00Z'),
          service: 'cleaning',
          quantity: 2,
          status: 'checked-out',
          exceptions: ['short-visit'],
          resolution: null,
        },
        {
          elderId: 'elder-1',
          startsAt: new Date('2026-11-09T01:00:00Z'),
          service: 'cleaning',
          quantity: 2,
          status: 'missed',
        },
        {
          elderId: 'elder-1',
          startsAt: new Date('2026-11-16T01:00:00Z'),
          service: 'cleaning',
          quantity: 2,
          status: 'cancelled',
        },
        {
          elderId: 'elder-1',
          startsAt: new Date('2026-12-07T01:00:00Z'),
          service: 'cleaning',
          quantity: 2,
          status: 'created',
        },
      );

      const plan = await sut.view(supervisor, 'elder-1', '2026-11');

      expect(plan.account).toEqual([
        { service: 'cleaning', unit: 'hour', owed: 8, planned: 6, delivered: 2, missed: 2, remaining: 6 },
        { service: 'safety-check', unit: 'visit', owed: 5, planned: 0, delivered: 0, missed: 0, remaining: 5 },
      ]);
    });

    it('shows a line without its own length at the catalogue’s', async () => {
      await sut.addLine(supervisor, 'elder-1', weeklyCheck);

      const { lines } = await sut.view(supervisor, 'elder-1', '2026-12');

      expect(lines).toEqual([expect.objectContaining({ service: 'safety-check', minutes: 30 })]);
    });

    it('is not shown for an elder outside the viewer’s streets', async () => {
      await expect(sut.view(otherStreetSupervisor, 'elder-1', '2026-11')).rejects.toMatchObject({
        code: 'elder-not-found',
      });
    });
  });

  describe('adding a line', () => {
    it('stores a line the elder is owed and records who added it', async () => {
      const plan = await sut.addLine(supervisor, 'elder-1', weeklyCheck);

      expect(plan.lines).toEqual([expect.objectContaining({ service: 'safety-check', weekdays: [1] })]);
      expect(plans.lines[0]).toMatchObject({ elderId: 'elder-1', createdBy: supervisor.id, minutes: null });
      expect(audit.entries).toEqual([
        {
          userId: supervisor.id,
          action: 'care-plan.add-line',
          elderId: 'elder-1',
          subject: `care-plan-line:${plans.lines[0].id}`,
          detail: { service: 'safety-check' },
        },
      ]);
    });

    it('refuses, whole and with the excess, a line that asks for more than the elder is owed', async () => {
      // Two hours every Monday and Thursday: about sixteen hours a month against eight.
      const tooMuch = { ...weeklyCheck, service: 'cleaning' as const, weekdays: [1, 4] };

      const refusal = await sut.addLine(supervisor, 'elder-1', tooMuch).catch((error: unknown) => error);

      expect(refusal).toMatchObject({
        code: 'care-plan-over-entitlement',
        details: { excesses: expect.arrayContaining([expect.objectContaining({ service: 'cleaning', owed: 8 })]) },
      });
      expect(plans.lines).toEqual([]);
      expect(audit.entries).toEqual([]);
    });

    it('counts the elder’s other lines against what is owed', async () => {
      await sut.addLine(supervisor, 'elder-1', weeklyCheck);

      await expect(sut.addLine(supervisor, 'elder-1', { ...weeklyCheck, weekdays: [4] })).rejects.toMatchObject({
        code: 'care-plan-over-entitlement',
      });
      expect(plans.lines).toHaveLength(1);
    });

    it.each([
      ['a provider that does not exist', { providerId: 'provider-9' }, 'provider-not-found'],
      ['a weekday that does not exist', { weekdays: [8] }, 'care-plan-invalid'],
      ['an end before the start', { endsOn: '2026-11-01' }, 'care-plan-invalid'],
    ])('refuses %s', async (_case, change, code) => {
      await expect(sut.addLine(supervisor, 'elder-1', { ...weeklyCheck, ...change })).rejects.toMatchObject({ code });
      expect(plans.lines).toEqual([]);
    });
  });

  describe('ending a line', () => {
    beforeEach(() => sut.addLine(supervisor, 'elder-1', weeklyCheck).then(() => audit.entries.splice(0)));

    it('ends it on the day given and cancels its unstarted orders from the next local day', async () => {
      await sut.endLine(supervisor, 'elder-1', 'line-1', '2026-12-31');

      expect(plans.lines[0].endsOn).toBe('2026-12-31');
      // Midnight of 1 January in China is 16:00 UTC the day before.
      expect(plans.cancelledFrom.get('line-1')).toEqual(new Date('2026-12-31T16:00:00Z'));
      expect(audit.entries).toEqual([
        expect.objectContaining({
          action: 'care-plan.end-line',
          subject: 'care-plan-line:line-1',
          detail: { endsOn: '2026-12-31' },
        }),
      ]);
    });

    it('refuses a line the elder does not have', async () => {
      await expect(sut.endLine(supervisor, 'elder-1', 'line-9', '2026-12-31')).rejects.toMatchObject({
        code: 'care-plan-line-not-found',
      });
      expect(audit.entries).toEqual([]);
    });

    it('refuses an elder outside the viewer’s streets before touching the line', async () => {
      await expect(sut.endLine(otherStreetSupervisor, 'elder-1', 'line-1', '2026-12-31')).rejects.toMatchObject({
        code: 'elder-not-found',
      });
      expect(plans.lines[0].endsOn).toBeNull();
    });
  });

  it('replaces the entitlement rules and records how many there are now', async () => {
    const rules = [{ category: 'living_alone', service: 'cleaning' as const, perMonth: 10 }];

    expect(await sut.replaceEntitlementRules(supervisor, rules)).toEqual(rules);
    expect(audit.entries).toEqual([expect.objectContaining({ action: 'entitlements.replace', detail: { rules: 1 } })]);
  });
});
