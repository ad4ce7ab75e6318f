import { DomainError } from '../errors/domain-error';
import { RULE_CODES } from '../rules/rule-code';
import type { RaiseDecision } from '../rules/rule-decision';
import {
  acceptsTriggers,
  acknowledgeAlert,
  cancelAlertByElder,
  isAnsweredOnDevice,
  markFirstShown,
  mergeTrigger,
  resolveAlert,
} from './alert-life-cycle';
import type { AlertOutcome } from './alert-outcome';
import { openAlert, type AlertState } from './alert-state';

const T = 1_763_960_000_000;

const sosRaise: RaiseDecision = {
  type: 'raise',
  rule: 'sos',
  severity: 'critical',
  occurredAt: T,
  evidence: {},
  triggerId: 'event:41:sos',
  sourceEventId: '41',
  sourceMsgId: 'a1',
};

const raised = (decision: RaiseDecision = sosRaise): AlertState =>
  openAlert(decision, { receivedAt: T + 40, storedAt: T + 55, raisedAt: T + 90 });
const acknowledged = () => acknowledgeAlert(raised(), 'op-7', T + 20_000);
const cancelled = () => cancelAlertByElder(raised(), T + 10_000);
const resolved = () => resolveAlert(acknowledged(), 'elder-fine-after-call', undefined, T + 300_000);

function expectRefusal(attempt: () => unknown, code: string): void {
  expect(attempt).toThrow(DomainError);
  expect(attempt).toThrow(expect.objectContaining({ code }));
}

describe('openAlert', () => {
  it('opens a raised alert with the timeline of its first trigger', () => {
    expect(raised()).toEqual({
      rule: 'sos',
      severity: 'critical',
      status: 'raised',
      triggerCount: 1,
      evidence: {},
      deviceTime: T,
      receivedAt: T + 40,
      storedAt: T + 55,
      raisedAt: T + 90,
      lastTriggeredAt: T + 90,
      firstShownAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      cancelledAt: null,
      resolvedAt: null,
      outcome: null,
      reason: null,
    });
  });
});

describe('legal transitions', () => {
  it('raised → acknowledged, recording who and when', () => {
    expect(acknowledged()).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: T + 20_000,
      acknowledgedBy: 'op-7',
    });
  });

  it('acknowledged → resolved, with the outcome', () => {
    expect(resolved()).toMatchObject({
      status: 'resolved',
      resolvedAt: T + 300_000,
      outcome: 'elder-fine-after-call',
      reason: null,
    });
  });

  it('raised → cancelled-by-elder, which stays to be called back, acknowledged and resolved', () => {
    const claimed = acknowledgeAlert(cancelled(), 'op-7', T + 30_000);
    const closed = resolveAlert(
      claimed,
      'false-alarm-pressed-by-mistake',
      '  elder pressed it while dusting ',
      T + 90_000,
    );

    expect(cancelled()).toMatchObject({ status: 'cancelled-by-elder', cancelledAt: T + 10_000 });
    expect(claimed).toMatchObject({ status: 'cancelled-by-elder', acknowledgedBy: 'op-7', acknowledgedAt: T + 30_000 });
    expect(closed).toMatchObject({
      status: 'resolved',
      outcome: 'false-alarm-pressed-by-mistake',
      reason: 'elder pressed it while dusting',
      cancelledAt: T + 10_000,
    });
  });

  it('acknowledged → cancelled-by-elder, keeping the acknowledgement', () => {
    expect(cancelAlertByElder(acknowledged(), T + 40_000)).toMatchObject({
      status: 'cancelled-by-elder',
      acknowledgedBy: 'op-7',
      cancelledAt: T + 40_000,
    });
  });

  it.each<[string, () => AlertState]>([
    ['raised', raised],
    ['acknowledged', acknowledged],
  ])('merges a new trigger into a %s alert: counted, latest evidence shown', (_case, alert) => {
    const sut = mergeTrigger(mergeTrigger(alert(), { lat: 1, lon: 2 }, T + 50_000), { lat: 3, lon: 4 }, T + 60_000);

    expect(sut).toMatchObject({
      status: alert().status,
      triggerCount: 3,
      evidence: { lat: 3, lon: 4 },
      lastTriggeredAt: T + 60_000,
    });
  });

  it('keeps the first time the alert was shown', () => {
    const sut = markFirstShown(markFirstShown(raised(), T + 1_000), T + 2_000);

    expect(sut.firstShownAt).toBe(T + 1_000);
  });

  it.each<[AlertOutcome, string | undefined, string | null]>([
    ['other', 'neighbour says the elder is at the market', 'neighbour says the elder is at the market'],
    ['ambulance-called', undefined, null],
    ['caregiver-sent', '   ', null],
    ['hospitalised', 'admitted to 中山市人民医院', 'admitted to 中山市人民医院'],
  ])('resolves with %s and reason %p, stored as %p', (outcome, reason, stored) => {
    expect(resolveAlert(acknowledged(), outcome, reason, T + 100_000)).toMatchObject({ outcome, reason: stored });
  });
});

describe('illegal transitions', () => {
  it.each<[string, () => unknown, string]>([
    ['acknowledging twice', () => acknowledgeAlert(acknowledged(), 'op-8', T + 1), 'alert-already-acknowledged'],
    [
      'acknowledging a claimed call-back again',
      () => acknowledgeAlert(acknowledgeAlert(cancelled(), 'op-7', T + 1), 'op-8', T + 2),
      'alert-already-acknowledged',
    ],
    ['acknowledging a resolved alert', () => acknowledgeAlert(resolved(), 'op-8', T + 1), 'alert-not-open'],
    ['acknowledging without an operator', () => acknowledgeAlert(raised(), ' ', T + 1), 'alert-operator-required'],
    [
      'resolving before anyone acknowledged',
      () => resolveAlert(raised(), 'family-went', undefined, T + 1),
      'alert-not-acknowledged',
    ],
    [
      'resolving a cancelled press nobody called back',
      () => resolveAlert(cancelled(), 'false-alarm-pressed-by-mistake', undefined, T + 1),
      'alert-not-acknowledged',
    ],
    ['resolving twice', () => resolveAlert(resolved(), 'family-went', undefined, T + 1), 'alert-not-open'],
    [
      'resolving as other without a reason',
      () => resolveAlert(acknowledged(), 'other', undefined, T + 1),
      'alert-outcome-requires-reason',
    ],
    [
      'resolving as other with a blank reason',
      () => resolveAlert(acknowledged(), 'other', '  ', T + 1),
      'alert-outcome-requires-reason',
    ],
    [
      'resolving with an unknown outcome',
      () => resolveAlert(acknowledged(), 'went-fishing' as AlertOutcome, undefined, T + 1),
      'alert-outcome-unknown',
    ],
    [
      'resolving with an outcome only the platform sets',
      () => resolveAlert(acknowledged(), 'device-back-online', undefined, T + 1),
      'alert-outcome-unknown',
    ],
    ['cancelling twice', () => cancelAlertByElder(cancelled(), T + 1), 'alert-already-cancelled'],
    ['cancelling a resolved alert', () => cancelAlertByElder(resolved(), T + 1), 'alert-not-open'],
    [
      'cancelling a fall from the device',
      () => cancelAlertByElder(raised({ ...sosRaise, rule: 'fall' }), T + 1),
      'alert-not-cancellable',
    ],
    ['merging into a resolved alert', () => mergeTrigger(resolved(), {}, T + 1), 'alert-not-open'],
    [
      'merging into a cancelled press: a new press is a new alert',
      () => mergeTrigger(cancelled(), {}, T + 1),
      'alert-not-open',
    ],
  ])('refuses %s', (_case, attempt, code) => {
    expectRefusal(attempt, code);
  });
});

describe('acceptsTriggers', () => {
  it.each<[string, boolean, () => AlertState]>([
    ['raised', true, raised],
    ['acknowledged', true, acknowledged],
    ['cancelled-by-elder', false, cancelled],
    ['resolved', false, resolved],
  ])('%s: takes new triggers: %p', (_case, accepts, alert) => {
    expect(acceptsTriggers(alert())).toBe(accepts);
  });
});

describe('isAnsweredOnDevice', () => {
  it('tells the device about the alerts an elder raised from it, a press or a fall, and no others', () => {
    expect(RULE_CODES.filter(isAnsweredOnDevice)).toEqual(['sos', 'fall']);
  });
});
