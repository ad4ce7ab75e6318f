import type { Absence } from './absence';
import { evaluateBed, nightOf } from './bed.rule';
import type { DeviceRuleState } from './device-rule-state';
import { evaluateEvent } from './evaluate-event';
import { evaluateTimer } from './evaluate-timer';
import type { RuleDecision } from './rule-decision';
import { DEFAULT_RULE_SETTINGS, mergeRuleSettings, type RuleSettingsOverrides } from './rule-settings';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';

const sut = evaluateBed;

type Report = [at: number, inBed: boolean, rates?: { heartRate?: number; breathingRate?: number }];

function report(
  reports: Report[],
  overrides: RuleSettingsOverrides = {},
): { decisions: RuleDecision[][]; state: DeviceRuleState } {
  const settings = mergeRuleSettings(overrides);
  let state = freshState('bed_mat');
  const decisions: RuleDecision[][] = [];
  for (const [at, inBed, rates] of reports) {
    const event = deviceEvent('bed_mat', { kind: 'bed', inBed, ...rates }, at);
    const outcome = sut(event, event.uplink, state, settings);
    state = outcome.state;
    decisions.push(outcome.decisions);
  }
  return { decisions, state };
}

function fire(
  kind: 'bed-no-return' | 'out-of-bed-at-night',
  state: DeviceRuleState,
  overrides: RuleSettingsOverrides = {},
  absences: Absence[] = [],
) {
  const dueAt = state.timers[kind]!;
  return evaluateTimer({ kind, dueAt }, state, ruleContext(dueAt, overrides, absences));
}

describe('nightOf', () => {
  const day = DEFAULT_RULE_SETTINGS.bed.dayHours;

  it.each([
    ['late evening', localAt(0, 23), localAt(0, 22), localAt(1, 6)],
    ['after midnight', localAt(1, 3), localAt(0, 22), localAt(1, 6)],
    ['the last minute of the night', localAt(1, 5, 59), localAt(0, 22), localAt(1, 6)],
    ['the waking hours: the coming night', localAt(1, 6), localAt(1, 22), localAt(2, 6)],
    ['the afternoon: the coming night', localAt(1, 15), localAt(1, 22), localAt(2, 6)],
  ])('finds the night of %s', (_case, at, start, end) => {
    expect(nightOf(at, day)).toEqual({ start, end });
  });

  it('ends a night that starts at midnight at the opening hour', () => {
    expect(nightOf(localAt(1, 2), { fromHour: 7, toHour: 24 })).toEqual({ start: localAt(1, 0), end: localAt(1, 7) });
  });
});

describe('a bed mat: getting up and lying down', () => {
  it('at night starts the no-return timer and the night count', () => {
    const { decisions, state } = report([
      [localAt(0, 23), true],
      [localAt(1, 2), false],
    ]);

    expect(decisions).toEqual([
      [],
      [
        { type: 'schedule', timer: 'bed-no-return', dueAt: localAt(1, 2, 30) },
        { type: 'schedule', timer: 'out-of-bed-at-night', dueAt: localAt(1, 4) },
      ],
    ]);
    expect(state.bed).toEqual({ inBed: false, outSince: localAt(1, 2), night: null });
  });

  it('in the waking hours starts no no-return timer; the night count waits for the night', () => {
    const { decisions } = report([
      [localAt(0, 7), true],
      [localAt(0, 8), false],
    ]);

    expect(decisions[1]).toEqual([{ type: 'schedule', timer: 'out-of-bed-at-night', dueAt: localAt(1, 0) }]);
  });

  it('lying down again stops both timers and adds the night time to the night', () => {
    const { decisions, state } = report([
      [localAt(0, 23), true],
      [localAt(1, 2), false],
      [localAt(1, 2, 10), true],
    ]);

    expect(decisions[2]).toEqual([
      { type: 'unschedule', timer: 'bed-no-return' },
      { type: 'unschedule', timer: 'out-of-bed-at-night' },
    ]);
    expect(state.bed).toEqual({
      inBed: true,
      outSince: null,
      night: { start: localAt(0, 22), outMs: 10 * 60_000, raised: false },
    });
  });

  it('counts the night time of every spell, so the last one needs only what is left', () => {
    const { decisions } = report([
      [localAt(0, 21), false],
      [localAt(0, 23), true],
      [localAt(1, 1), false],
      [localAt(1, 1, 30), true],
      [localAt(1, 3), false],
    ]);

    // 60 minutes from 22:00 to 23:00, 30 from 01:00: the third spell reaches 120 after 30 more.
    expect(decisions[4]).toContainEqual({ type: 'schedule', timer: 'out-of-bed-at-night', dueAt: localAt(1, 3, 30) });
  });

  it('starts a new count on the next night', () => {
    const { decisions } = report([
      [localAt(0, 23), false],
      [localAt(1, 0, 30), true],
      [localAt(1, 23), false],
    ]);

    expect(decisions[2]).toContainEqual({ type: 'schedule', timer: 'out-of-bed-at-night', dueAt: localAt(2, 1) });
  });

  it('changes nothing on a report that says what the mat said before', () => {
    const { decisions } = report([
      [localAt(1, 2), false],
      [localAt(1, 2, 1), false],
      [localAt(1, 2, 2), true],
      [localAt(1, 2, 3), true, { heartRate: 60, breathingRate: 14 }],
    ]);

    expect(decisions[1]).toEqual([]);
    expect(decisions[3]).toEqual([]);
  });

  it('starts no night count that the night would end before', () => {
    const { decisions } = report([[localAt(1, 5), false]]);

    expect(decisions[0]).toEqual([{ type: 'schedule', timer: 'bed-no-return', dueAt: localAt(1, 5, 30) }]);
  });

  it.each([
    ['a heart rate', { heartRate: 38 }, 'heartRate'],
    ['a breathing rate', { breathingRate: 6 }, 'breathingRate'],
  ])('raises vitals on %s out of the limits three reports in a row', (_case, rates, sign) => {
    const { decisions } = report([
      [localAt(1, 1), true, rates],
      [localAt(1, 1, 1), true, rates],
      [localAt(1, 1, 2), true, rates],
    ]);

    expect(decisions.map((list) => list.map((decision) => decision.type))).toEqual([[], [], ['raise']]);
    expect(decisions[2][0]).toMatchObject({
      rule: 'vitals',
      severity: 'urgent',
      evidence: { readings: { [sign]: [{}, {}, {}] } },
    });
  });

  it("uses the elder's own breathing limits and count", () => {
    const overrides = { vitals: { breathingRate: { min: 6, max: 30 }, consecutiveReadings: 2 } };
    const { decisions } = report(
      [
        [localAt(1, 1), true, { breathingRate: 6 }],
        [localAt(1, 1, 1), true, { breathingRate: 31 }],
        [localAt(1, 1, 2), true, { breathingRate: 31 }],
      ],
      overrides,
    );

    expect(decisions.map((list) => list.length)).toEqual([0, 0, 1]);
  });

  it('ends a run when a report is back in the limits', () => {
    const { decisions } = report([
      [localAt(1, 1), true, { breathingRate: 40 }],
      [localAt(1, 1, 1), true, { breathingRate: 40 }],
      [localAt(1, 1, 2), true, { breathingRate: 16 }],
      [localAt(1, 1, 3), true, { breathingRate: 40 }],
    ]);

    expect(decisions.flat()).toEqual([]);
  });
});

describe('the no-return timer', () => {
  it('raises urgent when the elder is still out of bed', () => {
    const { state } = report([[localAt(1, 2), false]]);

    expect(fire('bed-no-return', state).decisions).toEqual([
      {
        type: 'raise',
        rule: 'bed-no-return',
        severity: 'urgent',
        occurredAt: localAt(1, 2, 30),
        evidence: { outSince: localAt(1, 2), minutesOut: 30, returnWithinMinutes: 30 },
        triggerId: `timer:mat-0001:bed-no-return:${localAt(1, 2, 30)}`,
      },
    ]);
  });

  it('waits longer when the elder was given more minutes meanwhile', () => {
    const { state } = report([[localAt(1, 2), false]]);

    expect(fire('bed-no-return', state, { bed: { returnWithinMinutes: 45 } }).decisions).toEqual([
      { type: 'schedule', timer: 'bed-no-return', dueAt: localAt(1, 2, 45) },
    ]);
  });

  it('says nothing while the elder is known to be away', () => {
    const { state } = report([[localAt(1, 2), false]]);
    const away: Absence = { from: localAt(1, 2, 5), until: localAt(3, 0), reason: 'hospital' };

    expect(fire('bed-no-return', state, {}, [away]).decisions).toEqual([]);
  });

  it('is stale once the elder is back in bed', () => {
    const out = report([[localAt(1, 2), false]]).state;
    const dueAt = out.timers['bed-no-return']!;
    const event = deviceEvent('bed_mat', { kind: 'bed', inBed: true }, localAt(1, 2, 10));
    const back = evaluateEvent(event, out, ruleContext(localAt(1, 2, 10))).state;

    expect(evaluateTimer({ kind: 'bed-no-return', dueAt }, back, ruleContext(dueAt)).decisions).toEqual([]);
  });
});

describe('the night-total timer', () => {
  it('raises a check-on once the night reaches the limit, and not again that night', () => {
    const { state } = report([[localAt(0, 23), false]]);
    const raised = fire('out-of-bed-at-night', state);

    expect(raised.decisions).toEqual([
      {
        type: 'raise',
        rule: 'out-of-bed-at-night',
        severity: 'check-on',
        occurredAt: localAt(1, 1),
        evidence: {
          nightStart: localAt(0, 22),
          outSince: localAt(0, 23),
          minutesOutTonight: 120,
          nightOutOfBedMinutes: 120,
        },
        triggerId: `timer:mat-0001:out-of-bed-at-night:${localAt(1, 1)}`,
      },
    ]);

    const settings = mergeRuleSettings({});
    const back = deviceEvent('bed_mat', { kind: 'bed', inBed: true }, localAt(1, 2));
    const again = deviceEvent('bed_mat', { kind: 'bed', inBed: false }, localAt(1, 3));
    const afterBack = sut(back, back.uplink, raised.state, settings).state;
    expect(sut(again, again.uplink, afterBack, settings).decisions).toEqual([
      { type: 'schedule', timer: 'bed-no-return', dueAt: localAt(1, 3, 30) },
    ]);
  });

  it('says nothing while the elder is known to be away', () => {
    const { state } = report([[localAt(0, 23), false]]);
    const away: Absence = { from: localAt(0, 23, 30), until: localAt(2, 0), reason: 'away' };

    expect(fire('out-of-bed-at-night', state, {}, [away]).decisions).toEqual([]);
  });
});

describe('bed settings', () => {
  it.each<[string, RuleSettingsOverrides, string]>([
    ['a day that ends before it starts', { bed: { dayHours: { fromHour: 22, toHour: 6 } } }, 'bed.dayHours'],
    ['no minutes to return', { bed: { returnWithinMinutes: 0 } }, 'bed.returnWithinMinutes'],
    ['a negative night total', { bed: { nightOutOfBedMinutes: -5 } }, 'bed.nightOutOfBedMinutes'],
    ['breathing limits upside down', { vitals: { breathingRate: { min: 30, max: 8 } } }, 'vitals.breathingRate'],
  ])('refuses %s', (_case, overrides, path) => {
    expect(() => mergeRuleSettings(overrides)).toThrow(
      expect.objectContaining({ code: 'rule-settings-invalid', message: expect.stringContaining(path) }),
    );
  });
});
