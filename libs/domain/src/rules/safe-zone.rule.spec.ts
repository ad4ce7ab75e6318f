import type { Absence } from './absence';
import type { DeviceRuleState } from './device-rule-state';
import { evaluateTimer } from './evaluate-timer';
import type { RuleDecision } from './rule-decision';
import type { RuleSettingsOverrides } from './rule-settings';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';
import { evaluateLocation } from './safe-zone.rule';

const home = { lat: 22.52, lon: 113.39 };
const zoned: RuleSettingsOverrides = { safeZone: { zone: { ...home, radiusM: 300 } } };
// 0.001° of latitude is 111.2 m anywhere.
const north = (metres: number) => ({ lat: home.lat + metres / 111_195, lon: home.lon });

type Position = [at: number, position: { lat: number; lon: number }];

function walk(
  positions: Position[],
  overrides = zoned,
  absences: Absence[] = [],
): { decisions: RuleDecision[][]; state: DeviceRuleState } {
  let state = freshState('wearable');
  const decisions: RuleDecision[][] = [];
  for (const [at, position] of positions) {
    const event = deviceEvent('wearable', { kind: 'location', ...position, accuracyM: 15 }, at);
    const outcome = evaluateLocation(event, event.uplink, state, ruleContext(at, overrides, absences));
    state = outcome.state;
    decisions.push(outcome.decisions);
  }
  return { decisions, state };
}

describe('positions', () => {
  it.each([
    ['at home', 0, []],
    ['a metre inside the edge', 299, []],
    ['a metre past the edge', 301, [{ type: 'schedule', timer: 'outside-zone', dueAt: localAt(0, 14, 10) }]],
  ])('%s', (_case, metres, expected) => {
    expect(walk([[localAt(0, 14), north(metres)]]).decisions).toEqual([expected]);
  });

  it('keeps the first time outside while the walk goes on, and ends the spell back inside', () => {
    const { decisions, state } = walk([
      [localAt(0, 14), north(450)],
      [localAt(0, 14, 5), north(600)],
      [localAt(0, 14, 8), north(100)],
    ]);

    expect(decisions).toEqual([
      [{ type: 'schedule', timer: 'outside-zone', dueAt: localAt(0, 14, 10) }],
      [],
      [{ type: 'unschedule', timer: 'outside-zone' }],
    ]);
    expect(state.zone.outsideSince).toBeNull();
  });

  it.each<[string, RuleSettingsOverrides, Absence[]]>([
    ['an elder without a zone', {}, []],
    ['an elder marked away', zoned, [{ from: localAt(0, 0), until: localAt(2, 0), reason: 'away' }]],
  ])('starts no spell for %s', (_case, overrides, absences) => {
    expect(walk([[localAt(0, 14), north(5_000)]], overrides, absences).decisions).toEqual([[]]);
  });
});

describe('the outside-zone timer', () => {
  const dueAt = localAt(0, 14, 10);

  it('raises urgent with the last position when the elder is still outside', () => {
    const { state } = walk([
      [localAt(0, 14), north(450)],
      [localAt(0, 14, 5), north(600)],
    ]);

    const sut = evaluateTimer({ kind: 'outside-zone', dueAt }, state, ruleContext(dueAt, zoned));

    expect(sut.decisions).toEqual([
      {
        type: 'raise',
        rule: 'left-safe-zone',
        severity: 'urgent',
        occurredAt: dueAt,
        evidence: {
          outsideSince: localAt(0, 14),
          lastPosition: { ...north(600), accuracyM: 15, at: localAt(0, 14, 5) },
          distanceM: 600,
          zone: { ...home, radiusM: 300 },
        },
        triggerId: `timer:watch-0001:outside-zone:${dueAt}`,
      },
    ]);
  });

  it.each<[string, RuleSettingsOverrides, Absence[]]>([
    ['the zone was widened past the last position', { safeZone: { zone: { ...home, radiusM: 1_000 } } }, []],
    ['the zone was removed', { safeZone: { zone: null } }, []],
    [
      'the elder has been marked away since',
      zoned,
      [{ from: localAt(0, 14, 9), until: localAt(1, 0), reason: 'away' }],
    ],
  ])('raises nothing and ends the spell when %s', (_case, overrides, absences) => {
    const { state } = walk([[localAt(0, 14), north(450)]]);

    const sut = evaluateTimer({ kind: 'outside-zone', dueAt }, state, ruleContext(dueAt, overrides, absences));

    expect(sut.decisions).toEqual([]);
    expect(sut.state.zone.outsideSince).toBeNull();
  });
});
