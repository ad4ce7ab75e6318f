import type { VitalsUplink } from '@eldercare/protocol';
import type { DeviceRuleState } from './device-rule-state';
import type { RuleDecision } from './rule-decision';
import { mergeRuleSettings, type RuleSettings } from './rule-settings';
import { deviceEvent, freshState, localAt } from './rule-test-kit.fixture';
import { evaluateVitals } from './vitals.rule';

type Readings = Omit<VitalsUplink, 'kind' | 'msgId'>;

const settings = mergeRuleSettings({});
const sut = evaluateVitals;

/** Feeds readings five minutes apart; returns the decisions of each and the final state. */
function feed(
  readings: Readings[],
  ruleSettings: RuleSettings = settings,
): { decisions: RuleDecision[][]; state: DeviceRuleState } {
  let state = freshState('wearable');
  const decisions: RuleDecision[][] = [];
  readings.forEach((fields, index) => {
    const event = deviceEvent('wearable', { kind: 'vitals', ...fields }, localAt(0, 9, index * 5));
    const outcome = sut(event, event.uplink, state, ruleSettings);
    state = outcome.state;
    decisions.push(outcome.decisions);
  });
  return { decisions, state };
}

const raisedAt = (decisions: RuleDecision[][]): number[] =>
  decisions.flatMap((list, index) => (list.length > 0 ? [index] : []));

describe('vitals', () => {
  it.each<[string, Readings, boolean]>([
    ['heart rate 44', { heartRate: 44 }, true],
    ['heart rate 45', { heartRate: 45 }, false],
    ['heart rate 120', { heartRate: 120 }, false],
    ['heart rate 121', { heartRate: 121 }, true],
    ['SpO2 89', { spo2: 89 }, true],
    ['SpO2 90', { spo2: 90 }, false],
    ['body temperature 34.9', { bodyTempC: 34.9 }, true],
    ['body temperature 35.0', { bodyTempC: 35 }, false],
    ['body temperature 38.5', { bodyTempC: 38.5 }, false],
    ['body temperature 38.6', { bodyTempC: 38.6 }, true],
    ['steps alone', { steps: 12_000 }, false],
  ])('%s three times in a row raises: %p', (_case, reading, raises) => {
    const { decisions } = feed([reading, reading, reading]);

    expect(raisedAt(decisions)).toEqual(raises ? [2] : []);
  });

  it('raises urgent with the run of readings and the limits they broke', () => {
    const { decisions } = feed([{ heartRate: 130 }, { heartRate: 135 }, { heartRate: 128, spo2: 97 }]);

    expect(decisions[2]).toEqual([
      {
        type: 'raise',
        rule: 'vitals',
        severity: 'urgent',
        occurredAt: localAt(0, 9, 10),
        evidence: {
          readings: {
            heartRate: [
              { value: 130, at: localAt(0, 9, 0) },
              { value: 135, at: localAt(0, 9, 5) },
              { value: 128, at: localAt(0, 9, 10) },
            ],
          },
          limits: { heartRate: { min: 45, max: 120 } },
        },
        triggerId: `event:${localAt(0, 9, 10)}:vitals`,
        sourceEventId: String(localAt(0, 9, 10)),
        sourceMsgId: `m-${localAt(0, 9, 10)}`,
      },
    ]);
  });

  it.each<[string, Readings[], number[]]>([
    [
      'a reading back in range starts the count again',
      [{ spo2: 85 }, { spo2: 86 }, { spo2: 95 }, { spo2: 85 }, { spo2: 85 }],
      [],
    ],
    [
      'a reading without the sign leaves the count as it was',
      [{ spo2: 85 }, { heartRate: 70 }, { spo2: 86 }, { spo2: 87 }],
      [3],
    ],
    ['low and high both count as out of range', [{ heartRate: 40 }, { heartRate: 130 }, { heartRate: 41 }], [2]],
    ['a longer run raises once', [{ spo2: 85 }, { spo2: 85 }, { spo2: 85 }, { spo2: 85 }, { spo2: 85 }], [2]],
    [
      'a new run after recovery raises again',
      [{ spo2: 85 }, { spo2: 85 }, { spo2: 85 }, { spo2: 96 }, { spo2: 85 }, { spo2: 85 }, { spo2: 85 }],
      [2, 6],
    ],
    [
      'each sign keeps its own count',
      [{ heartRate: 130 }, { spo2: 85 }, { heartRate: 130, spo2: 85 }, { spo2: 85 }, { heartRate: 130 }],
      [3, 4],
    ],
  ])('%s', (_case, readings, raises) => {
    expect(raisedAt(feed(readings).decisions)).toEqual(raises);
  });

  it('raises once for two signs reaching the count together', () => {
    const reading = { heartRate: 130, bodyTempC: 39.2 };
    const { decisions } = feed([reading, reading, reading]);

    expect(decisions[2]).toEqual([
      expect.objectContaining({
        rule: 'vitals',
        evidence: {
          readings: { heartRate: expect.any(Array), bodyTempC: expect.any(Array) },
          limits: { heartRate: { min: 45, max: 120 }, bodyTempC: { min: 35, max: 38.5 } },
        },
      }),
    ]);
  });

  it("follows the elder's own count and limits", () => {
    const own = mergeRuleSettings({ vitals: { consecutiveReadings: 1, heartRate: { min: 40 } } });

    expect(raisedAt(feed([{ heartRate: 42 }, { heartRate: 39 }], own).decisions)).toEqual([1]);
  });

  it('keeps no more readings of a run than the alert shows', () => {
    const { state } = feed([{ spo2: 85 }, { spo2: 84 }, { spo2: 83 }, { spo2: 82 }, { spo2: 81 }]);

    expect(state.vitals.spo2.map((reading) => reading.value)).toEqual([85, 84, 83]);
  });

  it('forgets a run once the sign is back in range', () => {
    const { state } = feed([{ spo2: 85 }, { spo2: 85 }, { spo2: 98 }]);

    expect(state.vitals.spo2).toEqual([]);
  });
});
