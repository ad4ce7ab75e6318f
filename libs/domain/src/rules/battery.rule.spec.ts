import { evaluateBattery } from './battery.rule';
import { mergeRuleSettings } from './rule-settings';
import { deviceEvent, freshState, localAt } from './rule-test-kit.fixture';

const sut = evaluateBattery;

/** Feeds heartbeats an hour apart and gives the battery levels that raised. */
function raisedFor(levels: number[], lowBelowPercent: number): number[] {
  const settings = mergeRuleSettings({ battery: { lowBelowPercent } });
  let state = freshState('call_button');
  const raised: number[] = [];
  levels.forEach((battery, index) => {
    const event = deviceEvent('call_button', { kind: 'heartbeat', battery }, localAt(0, index));
    const outcome = sut(event, event.uplink, state, settings);
    state = outcome.state;
    if (outcome.decisions.length > 0) raised.push(battery);
  });
  return raised;
}

describe('battery', () => {
  it.each<[string, number[], number[], number]>([
    ['19 % is low', [19], [19], 20],
    ['20 % is not', [20], [], 20],
    ['0 % is low', [0], [0], 20],
    ['a low battery raises once, not on every heartbeat', [19, 18, 15, 12], [19], 20],
    ['back at the threshold re-arms it', [19, 18, 20, 19], [19, 19], 20],
    ['a recharge re-arms it', [10, 100, 90, 15], [10, 15], 20],
    ["the elder's own threshold", [29, 30, 24], [29, 24], 30],
  ])('%s', (_case, levels, raised, threshold) => {
    expect(raisedFor(levels, threshold)).toEqual(raised);
  });

  it('raises maintenance with the level and the threshold', () => {
    const event = deviceEvent('call_button', { kind: 'heartbeat', battery: 12 }, localAt(0, 3), { eventId: '90' });

    expect(sut(event, event.uplink, freshState('call_button'), mergeRuleSettings({})).decisions).toEqual([
      {
        type: 'raise',
        rule: 'battery-low',
        severity: 'maintenance',
        occurredAt: localAt(0, 3),
        evidence: { battery: 12, threshold: 20 },
        triggerId: 'event:90:battery-low',
        sourceEventId: '90',
        sourceMsgId: 'm-90',
      },
    ]);
  });
});
