import type { Absence } from './absence';
import type { DeviceRuleState } from './device-rule-state';
import { evaluateTimer } from './evaluate-timer';
import { evaluateWorn } from './not-worn.rule';
import type { RuleDecision } from './rule-decision';
import { DEFAULT_RULE_SETTINGS } from './rule-settings';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';

const sut = evaluateWorn;

function wear(changes: [at: number, worn: boolean][]): { decisions: RuleDecision[][]; state: DeviceRuleState } {
  let state = freshState('wearable');
  const decisions: RuleDecision[][] = [];
  for (const [at, worn] of changes) {
    const event = deviceEvent('wearable', { kind: 'worn', worn }, at);
    const outcome = sut(event, event.uplink, state, DEFAULT_RULE_SETTINGS);
    state = outcome.state;
    decisions.push(outcome.decisions);
  }
  return { decisions, state };
}

describe('watch taken off and put on', () => {
  it.each([
    ['in the morning: four daytime hours later', localAt(0, 9), localAt(0, 13)],
    ['in the evening: the count resumes at 07:00', localAt(0, 19), localAt(1, 9)],
    ['at night to charge: from 07:00', localAt(0, 22), localAt(1, 11)],
    ['just before 07:00', localAt(1, 6, 59), localAt(1, 11)],
  ])('off %s', (_case, offAt, dueAt) => {
    expect(wear([[offAt, false]]).decisions).toEqual([[{ type: 'schedule', timer: 'not-worn', dueAt }]]);
  });

  it('keeps the first time off, and stops counting when it is put on', () => {
    const { decisions, state } = wear([
      [localAt(0, 9), false],
      [localAt(0, 10), false],
      [localAt(0, 11), true],
      [localAt(0, 12), true],
    ]);

    expect(decisions).toEqual([
      [{ type: 'schedule', timer: 'not-worn', dueAt: localAt(0, 13) }],
      [],
      [{ type: 'unschedule', timer: 'not-worn' }],
      [],
    ]);
    expect(state.worn.offSince).toBeNull();
  });
});

describe('the not-worn timer', () => {
  it('raises a notice after four daytime hours off', () => {
    const { state } = wear([[localAt(0, 19), false]]);
    const dueAt = localAt(1, 9);

    expect(evaluateTimer({ kind: 'not-worn', dueAt }, state, ruleContext(dueAt)).decisions).toEqual([
      {
        type: 'raise',
        rule: 'not-worn',
        severity: 'notice',
        occurredAt: dueAt,
        evidence: { offSince: localAt(0, 19), countedSince: localAt(0, 19), daytimeHours: 4 },
        triggerId: `timer:watch-0001:not-worn:${dueAt}`,
      },
    ]);
  });

  it.each<[string, Absence, number]>([
    [
      'in hospital now: counts again from the return',
      { from: localAt(0, 12), until: localAt(2, 16), reason: 'hospital' },
      localAt(2, 20),
    ],
    [
      'back from a trip since: counts from the return',
      { from: localAt(0, 10), until: localAt(0, 12), reason: 'away' },
      localAt(0, 16),
    ],
  ])('%s', (_case, absence, expected) => {
    const { state } = wear([[localAt(0, 9), false]]);
    const dueAt = localAt(0, 13);

    expect(evaluateTimer({ kind: 'not-worn', dueAt }, state, ruleContext(dueAt, {}, [absence])).decisions).toEqual([
      { type: 'schedule', timer: 'not-worn', dueAt: expected },
    ]);
  });
});
