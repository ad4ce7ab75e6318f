import type { Absence } from './absence';
import type { DeviceRuleState } from './device-rule-state';
import { evaluateTimer } from './evaluate-timer';
import type { RuleDecision } from './rule-decision';
import { DEFAULT_RULE_SETTINGS } from './rule-settings';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';
import { evaluateWater } from './water.rule';

type Reading = [at: number, totalLiters: number, flowLpm?: number];

/** Feeds meter readings in order; returns the decisions of each and the final state. */
function feed(
  readings: Reading[],
  state: DeviceRuleState = freshState('water_meter'),
): { decisions: RuleDecision[][]; state: DeviceRuleState } {
  const decisions: RuleDecision[][] = [];
  for (const [at, totalLiters, flowLpm] of readings) {
    const body =
      flowLpm === undefined
        ? { kind: 'water' as const, totalLiters }
        : { kind: 'water' as const, totalLiters, flowLpm };
    const event = deviceEvent('water_meter', body, at);
    const outcome = evaluateWater(event, event.uplink, state, DEFAULT_RULE_SETTINGS);
    state = outcome.state;
    decisions.push(outcome.decisions);
  }
  return { decisions, state };
}

describe('water readings', () => {
  it('starts watching at the first reading: no water for 12 h from then is a concern', () => {
    const { decisions, state } = feed([[localAt(0, 8), 1000]]);

    expect(decisions).toEqual([[{ type: 'schedule', timer: 'no-water', dueAt: localAt(0, 20) }]]);
    expect(state.water).toEqual({
      totalLiters: 1000,
      watchingSince: localAt(0, 8),
      lastUseAt: null,
      runningSince: null,
      flowLpm: null,
    });
  });

  // The no-water timer the first reading set (20:00) is due before any later use's 12 hours are over: a use leaves
  // it there, and it looks again from the last use when it fires.
  it.each<[string, Reading, RuleDecision[], number | null]>([
    ['a rise of the register is use', [localAt(0, 9), 1000.5], [], localAt(0, 9)],
    ['an unchanged register is no use', [localAt(0, 9), 1000], [], null],
    [
      'flow now is use even before the register moves',
      [localAt(0, 9), 1000, 6],
      [{ type: 'schedule', timer: 'water-running', dueAt: localAt(0, 10) }],
      localAt(0, 9),
    ],
    ['zero flow on an unchanged register is no use', [localAt(0, 9), 1000, 0], [], null],
  ])('%s', (_case, reading, expected, lastUseAt) => {
    const { decisions, state } = feed([[localAt(0, 8), 1000], reading]);

    expect(decisions[1]).toEqual(expected);
    expect(state.water?.lastUseAt).toBe(lastUseAt);
    expect(state.timers['no-water']).toBe(localAt(0, 20));
  });

  it('fires the timer at its time, finds the use since and sets itself again from it', () => {
    const { state } = feed([
      [localAt(0, 8), 1000],
      [localAt(0, 9), 1000.5],
    ]);

    const fired = evaluateTimer({ kind: 'no-water', dueAt: localAt(0, 20) }, state, ruleContext(localAt(0, 20)));

    expect(fired.decisions).toEqual([{ type: 'schedule', timer: 'no-water', dueAt: localAt(0, 21) }]);
  });

  it('reports a register going backwards as a meter fault, never as use, and takes it as the new reference', () => {
    const { decisions, state } = feed([
      [localAt(0, 8), 1000],
      [localAt(0, 9), 12],
      [localAt(0, 10), 12.5],
    ]);

    expect(decisions[1]).toEqual([
      {
        type: 'raise',
        rule: 'water-register-backwards',
        severity: 'maintenance',
        occurredAt: localAt(0, 9),
        evidence: { previousLiters: 1000, totalLiters: 12 },
        triggerId: `event:${localAt(0, 9)}:water-register-backwards`,
        sourceEventId: String(localAt(0, 9)),
        sourceMsgId: `m-${localAt(0, 9)}`,
      },
    ]);
    expect(state.water).toMatchObject({ totalLiters: 12.5, lastUseAt: localAt(0, 10) });
  });

  it.each<[string, Reading[], RuleDecision[][]]>([
    [
      'flow starts a running spell and stops it',
      [
        [localAt(0, 7), 100, 8],
        [localAt(0, 7, 15), 220, 8],
        [localAt(0, 7, 20), 260, 0],
      ],
      [
        [
          { type: 'schedule', timer: 'no-water', dueAt: localAt(0, 19) },
          { type: 'schedule', timer: 'water-running', dueAt: localAt(0, 8) },
        ],
        [],
        [{ type: 'unschedule', timer: 'water-running' }],
      ],
    ],
    [
      'a reading without flow leaves the spell running',
      [
        [localAt(0, 7), 100, 8],
        [localAt(0, 7, 15), 100],
      ],
      [
        [
          { type: 'schedule', timer: 'no-water', dueAt: localAt(0, 19) },
          { type: 'schedule', timer: 'water-running', dueAt: localAt(0, 8) },
        ],
        [],
      ],
    ],
  ])('%s', (_case, readings, expected) => {
    expect(feed(readings).decisions).toEqual(expected);
  });
});

describe('the no-water timer', () => {
  it.each([
    ['due in the morning raises', localAt(0, 19, 30), localAt(1, 7, 30), 'raise', localAt(1, 7, 30)],
    ['due at 06:00 raises', localAt(0, 18), localAt(1, 6), 'raise', localAt(1, 6)],
    ['due at 21:59 raises', localAt(0, 9, 59), localAt(0, 21, 59), 'raise', localAt(0, 21, 59)],
    ['due at 22:00 waits for the morning', localAt(0, 10), localAt(0, 22), 'schedule', localAt(1, 6)],
    ['due at 05:59 waits a minute', localAt(0, 17, 59), localAt(1, 5, 59), 'schedule', localAt(1, 6)],
  ])('%s', (_case, lastUse, dueAt, type, expectedAt) => {
    const { state: fed } = feed([
      [lastUse - 60_000, 10],
      [lastUse, 11],
    ]);
    // The timer the first reading set fires a minute early, finds the use after it and sets itself again.
    const early = evaluateTimer({ kind: 'no-water', dueAt: dueAt - 60_000 }, fed, ruleContext(dueAt - 60_000));
    expect(early.decisions).toEqual([{ type: 'schedule', timer: 'no-water', dueAt }]);

    const sut = evaluateTimer({ kind: 'no-water', dueAt }, early.state, ruleContext(dueAt));

    const expected =
      type === 'raise'
        ? {
            type: 'raise',
            rule: 'no-water',
            severity: 'check-on',
            occurredAt: expectedAt,
            evidence: { lastUseAt: lastUse, quietSince: lastUse, hoursWithoutWater: 12 },
            triggerId: `timer:wm-0001:no-water:${expectedAt}`,
          }
        : { type: 'schedule', timer: 'no-water', dueAt: expectedAt };
    expect(sut.decisions).toEqual([expected]);
    expect(sut.state.timers['no-water']).toBe(type === 'raise' ? undefined : expectedAt);
  });

  const hospital: Absence = { from: localAt(1, 0), until: localAt(2, 10), reason: 'hospital' };

  it.each<[string, number, Absence[], RuleDecision]>([
    [
      'in hospital when due: look again 12 h after the return',
      localAt(1, 7),
      [hospital],
      { type: 'schedule', timer: 'no-water', dueAt: localAt(2, 22) },
    ],
    [
      'back from hospital but not 12 h yet: wait for them',
      localAt(2, 12),
      [{ ...hospital, until: localAt(2, 11) }],
      { type: 'schedule', timer: 'no-water', dueAt: localAt(2, 23) },
    ],
    [
      'back 12 h or more: quiet since the return',
      localAt(3, 7),
      [hospital],
      {
        type: 'raise',
        rule: 'no-water',
        severity: 'check-on',
        occurredAt: localAt(3, 7),
        evidence: { lastUseAt: localAt(0, 19), quietSince: localAt(2, 10), hoursWithoutWater: 21 },
        triggerId: `timer:wm-0001:no-water:${localAt(3, 7)}`,
      },
    ],
  ])('%s', (_case, now, absences, expected) => {
    const { state } = feed([
      [localAt(0, 18), 10],
      [localAt(0, 19), 11],
    ]);
    const timed = { ...state, timers: { 'no-water': now } };

    expect(evaluateTimer({ kind: 'no-water', dueAt: now }, timed, ruleContext(now, {}, absences)).decisions).toEqual([
      expected,
    ]);
  });

  it('is not re-armed by quiet readings after it raised', () => {
    const { state } = feed([
      [localAt(0, 18), 10],
      [localAt(0, 19), 11],
    ]);
    const fired = evaluateTimer({ kind: 'no-water', dueAt: localAt(1, 7) }, state, ruleContext(localAt(1, 7)));

    expect(feed([[localAt(1, 7, 15), 11]], fired.state).decisions).toEqual([[]]);
  });
});

describe('the water-running timer', () => {
  it('raises urgent when the water still runs', () => {
    const { state } = feed([[localAt(0, 21), 500, 7.5]]);

    const sut = evaluateTimer({ kind: 'water-running', dueAt: localAt(0, 22) }, state, ruleContext(localAt(0, 22)));

    expect(sut.decisions).toEqual([
      {
        type: 'raise',
        rule: 'water-running',
        severity: 'urgent',
        occurredAt: localAt(0, 22),
        evidence: { runningSince: localAt(0, 21), minutesRunning: 60, flowLpm: 7.5 },
        triggerId: `timer:wm-0001:water-running:${localAt(0, 22)}`,
      },
    ]);
  });

  it('is not muted by an absence: a leak in an empty flat is worse', () => {
    const { state } = feed([[localAt(0, 21), 500, 7.5]]);
    const away: Absence = { from: localAt(0, 0), until: localAt(3, 0), reason: 'away' };

    const sut = evaluateTimer(
      { kind: 'water-running', dueAt: localAt(0, 22) },
      state,
      ruleContext(localAt(0, 22), {}, [away]),
    );

    expect(sut.decisions).toEqual([expect.objectContaining({ type: 'raise', rule: 'water-running' })]);
  });

  it('waits longer when the elder was given more minutes since it was scheduled', () => {
    const { state } = feed([[localAt(0, 21), 500, 7.5]]);

    const sut = evaluateTimer(
      { kind: 'water-running', dueAt: localAt(0, 22) },
      state,
      ruleContext(localAt(0, 22), { waterRunning: { afterMinutes: 90 } }),
    );

    expect(sut.decisions).toEqual([{ type: 'schedule', timer: 'water-running', dueAt: localAt(0, 22, 30) }]);
  });
});
