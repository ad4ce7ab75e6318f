import { JobName } from '@eldercare/contracts';
import { FakeAlerts, storedAlert } from '../fakes/fake-alerts';
import { FakeOutbox } from '../fakes/fake-outbox';
import { elderRecord, FakeElderRecords } from '../fakes/fake-elder-records';
import { viewer } from '../fakes/viewers';
import { AlertCaseService } from './alert-case.service';

const operator = viewer({ role: 'operator', id: 'operator-1', regionIds: ['street-1'] });
const colleague = viewer({ role: 'operator', id: 'operator-2', regionIds: ['community-1'] });
const otherStreetOperator = viewer({ role: 'operator', id: 'operator-9', regionIds: ['street-2'] });

const CLAIMED_AT = Date.parse('2026-11-23T01:01:00Z');
const RESOLVED_AT = Date.parse('2026-11-23T01:20:00Z');

describe('AlertCaseService', () => {
  let alerts: FakeAlerts;
  let outbox: FakeOutbox;
  let sut: AlertCaseService;

  beforeEach(() => {
    alerts = new FakeAlerts();
    outbox = new FakeOutbox();
    const elders = new FakeElderRecords().add(
      elderRecord({
        id: 'elder-1',
        phone: '13907141234',
        contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
      }),
    );
    sut = new AlertCaseService(
      alerts.asAlertRepository(),
      alerts.asViewRepository(),
      alerts.asCaseRepository(),
      elders.asRepository(),
      outbox.asOutbox(),
    );
  });

  const downlinkStates = () => outbox.downlinks.map((job) => job.downlink);

  describe('a claim', () => {
    beforeEach(() => alerts.add(storedAlert({ id: 'alert-1', deviceId: 'button-1', sourceMsgId: 'press-1' })));

    it('gives the alert to the operator, tells the button that pressed help is coming, and announces it', async () => {
      const claimed = await sut.claim(operator, 'alert-1', CLAIMED_AT);

      expect(claimed).toMatchObject({
        status: 'acknowledged',
        acknowledgedAt: new Date(CLAIMED_AT).toISOString(),
        claimedBy: { id: 'operator-1' },
      });
      expect(outbox.queued.filter((entry) => entry.name === JobName.SendDownlink)).toEqual([
        expect.objectContaining({
          data: { deviceId: 'button-1', downlink: expect.objectContaining({ kind: 'ack', ref: 'press-1' }) },
          jobId: expect.stringMatching(/^downlink-button-1-/),
        }),
      ]);
      expect(downlinkStates()).toEqual([expect.objectContaining({ state: 'help-coming' })]);
      expect(outbox.alerts).toEqual([{ alertId: 'alert-1', change: 'acknowledged' }]);
    });

    it('refuses a second operator with alert-already-acknowledged, leaving the first one’s claim and telling no one again', async () => {
      await sut.claim(operator, 'alert-1', CLAIMED_AT);

      await expect(sut.claim(colleague, 'alert-1', CLAIMED_AT + 1000)).rejects.toMatchObject({
        code: 'alert-already-acknowledged',
      });
      expect(alerts.stored.get('alert-1')).toMatchObject({ acknowledgedBy: 'operator-1' });
      expect(outbox.downlinks).toHaveLength(1);
      expect(outbox.alerts).toHaveLength(1);
    });

    it('takes the call-back of a press the elder cancelled, which keeps showing as cancelled', async () => {
      alerts.add(storedAlert({ id: 'alert-1', status: 'cancelled-by-elder', cancelledAt: new Date(CLAIMED_AT - 1) }));

      const claimed = await sut.claim(operator, 'alert-1', CLAIMED_AT);

      expect(claimed).toMatchObject({ status: 'cancelled-by-elder', claimedBy: { id: 'operator-1' } });
    });

    it('is refused with alert-not-open once the alert is resolved, and nothing is sent', async () => {
      alerts.add(storedAlert({ id: 'alert-1', status: 'resolved', resolvedAt: new Date(CLAIMED_AT - 1) }));

      await expect(sut.claim(operator, 'alert-1', CLAIMED_AT)).rejects.toMatchObject({ code: 'alert-not-open' });
      expect(outbox.downlinks).toEqual([]);
      expect(outbox.alerts).toEqual([]);
    });

    it('answers an alert outside the operator’s streets as not found, and changes nothing', async () => {
      await expect(sut.claim(otherStreetOperator, 'alert-1', CLAIMED_AT)).rejects.toMatchObject({
        code: 'alert-not-found',
      });
      expect(alerts.stored.get('alert-1')).toMatchObject({ status: 'raised', acknowledgedBy: null });
      expect(outbox.downlinks).toEqual([]);
    });
  });

  describe('a resolution', () => {
    beforeEach(() => alerts.add(storedAlert({ id: 'alert-1' })));

    it('closes the claimed alert with its outcome and reason, tells the button, and announces it', async () => {
      await sut.claim(operator, 'alert-1', CLAIMED_AT);

      const resolved = await sut.resolve(operator, 'alert-1', 'family-went', '  儿子到了  ', RESOLVED_AT);

      expect(resolved).toMatchObject({
        status: 'resolved',
        outcome: 'family-went',
        reason: '儿子到了',
        resolvedAt: new Date(RESOLVED_AT).toISOString(),
      });
      expect(downlinkStates().map((downlink) => downlink.kind === 'ack' && downlink.state)).toEqual([
        'help-coming',
        'resolved',
      ]);
      expect(outbox.alerts.map((announced) => announced.change)).toEqual(['acknowledged', 'resolved']);
    });

    it('is refused with alert-not-acknowledged before anyone has claimed the alert', async () => {
      await expect(sut.resolve(operator, 'alert-1', 'family-went', undefined, RESOLVED_AT)).rejects.toMatchObject({
        code: 'alert-not-acknowledged',
      });
      expect(alerts.stored.get('alert-1')?.status).toBe('raised');
    });

    it('is refused with alert-outcome-requires-reason for the outcome other without a reason', async () => {
      await sut.claim(operator, 'alert-1', CLAIMED_AT);

      await expect(sut.resolve(operator, 'alert-1', 'other', ' ', RESOLVED_AT)).rejects.toMatchObject({
        code: 'alert-outcome-requires-reason',
      });
      expect(alerts.stored.get('alert-1')?.status).toBe('acknowledged');
    });

    it('is refused with alert-not-open the second time', async () => {
      await sut.claim(operator, 'alert-1', CLAIMED_AT);
      await sut.resolve(operator, 'alert-1', 'family-went', undefined, RESOLVED_AT);

      await expect(sut.resolve(operator, 'alert-1', 'other', 'again', RESOLVED_AT + 1)).rejects.toMatchObject({
        code: 'alert-not-open',
      });
      expect(alerts.stored.get('alert-1')?.outcome).toBe('family-went');
    });
  });

  describe('the device that raised the alert', () => {
    it.each(['sos', 'fall'])('hears how a %s alert is answered', async (rule) => {
      alerts.add(storedAlert({ id: 'alert-1', rule }));

      await sut.claim(operator, 'alert-1', CLAIMED_AT);
      await sut.resolve(operator, 'alert-1', 'family-went', undefined, RESOLVED_AT);

      expect(downlinkStates()).toEqual([
        expect.objectContaining({ state: 'help-coming' }),
        expect.objectContaining({ state: 'resolved' }),
      ]);
    });

    it.each(['vitals', 'left-safe-zone', 'battery-low'])(
      'hears nothing of a %s alert, which it did not ask to be answered',
      async (rule) => {
        alerts.add(storedAlert({ id: 'alert-1', rule }));

        await sut.claim(operator, 'alert-1', CLAIMED_AT);
        await sut.resolve(operator, 'alert-1', 'family-went', undefined, RESOLVED_AT);

        expect(outbox.downlinks).toEqual([]);
        expect(outbox.alerts).toHaveLength(2);
      },
    );

    it('is none for an alert no device raised (an unanswered care call): nothing is sent', async () => {
      alerts.add(storedAlert({ id: 'alert-1', rule: 'care-call-unanswered', deviceId: null, sourceMsgId: null }));

      await sut.claim(operator, 'alert-1', CLAIMED_AT);

      expect(outbox.downlinks).toEqual([]);
    });
  });

  describe('working the case', () => {
    beforeEach(() => alerts.add(storedAlert({ id: 'alert-1' })));

    it('logs a call to a contact with the number on the elder’s record', async () => {
      const call = await sut.logCall(operator, 'alert-1', { contactIndex: 0, answered: true, note: '马上过去' });

      expect(call).toMatchObject({ callee: '李建国', phone: '13811112222', by: { id: 'operator-1' } });
      expect(alerts.calls).toEqual([
        {
          alertId: 'alert-1',
          byUserId: 'operator-1',
          callee: '李建国',
          phone: '13811112222',
          answered: true,
          note: '马上过去',
        },
      ]);
    });

    it('logs a call to the elder on their own phone', async () => {
      const call = await sut.logCall(operator, 'alert-1', { contactIndex: null, answered: false, note: '' });

      expect(call).toMatchObject({ callee: '王秀英', phone: '13907141234', answered: false });
    });

    it('refuses a contact the elder does not have with contact-not-found', async () => {
      await expect(
        sut.logCall(operator, 'alert-1', { contactIndex: 3, answered: true, note: '' }),
      ).rejects.toMatchObject({ code: 'contact-not-found' });
      expect(alerts.calls).toEqual([]);
    });

    it('records the help sent', async () => {
      const sent = await sut.dispatchHelp(operator, 'alert-1', { kind: 'family', to: '李建国', note: '' });

      expect(sent).toMatchObject({ kind: 'family', to: '李建国', by: { id: 'operator-1' } });
      expect(alerts.dispatches).toEqual([
        { alertId: 'alert-1', byUserId: 'operator-1', kind: 'family', sentTo: '李建国', note: '' },
      ]);
    });

    it('takes no more calls or help once the alert is resolved: alert-not-open', async () => {
      await sut.claim(operator, 'alert-1', CLAIMED_AT);
      await sut.resolve(operator, 'alert-1', 'family-went', undefined, RESOLVED_AT);

      await expect(
        sut.logCall(operator, 'alert-1', { contactIndex: 0, answered: true, note: '' }),
      ).rejects.toMatchObject({ code: 'alert-not-open' });
      await expect(
        sut.dispatchHelp(operator, 'alert-1', { kind: 'family', to: '李建国', note: '' }),
      ).rejects.toMatchObject({ code: 'alert-not-open' });
      expect(alerts.calls).toEqual([]);
      expect(alerts.dispatches).toEqual([]);
    });

    it('keeps the first time any console showed the alert', async () => {
      await sut.markShown(operator, 'alert-1', new Date(CLAIMED_AT - 30_000));
      await sut.markShown(colleague, 'alert-1', new Date(CLAIMED_AT));

      expect(alerts.stored.get('alert-1')?.firstShownAt).toEqual(new Date(CLAIMED_AT - 30_000));
    });
  });
});
