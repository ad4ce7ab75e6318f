import type { FallUplink } from '@eldercare/protocol';
import { evaluateFall } from './fall.rule';
import { mergeRuleSettings } from './rule-settings';
import { deviceEvent, localAt } from './rule-test-kit.fixture';

const fellAt = localAt(0, 10, 20);

function fall(fields: Omit<FallUplink, 'kind' | 'msgId'>) {
  const event = deviceEvent('wearable', { kind: 'fall', ...fields }, fellAt, { eventId: '77' });
  return { event, uplink: event.uplink };
}

describe('fall', () => {
  const sut = evaluateFall;

  it.each([
    ['below the threshold', 0.69, 0.7, false],
    ['at the threshold', 0.7, 0.7, true],
    ['well above it', 0.92, 0.7, true],
    ['zero', 0, 0.7, false],
    ["above the elder's lower threshold", 0.55, 0.5, true],
    ["below the elder's higher threshold", 0.85, 0.9, false],
  ])('with confidence %s (%p against %p) raises: %p', (_case, confidence, threshold, raises) => {
    const { event, uplink } = fall({ confidence });

    const result = sut(event, uplink, mergeRuleSettings({ fall: { minConfidence: threshold } }));

    expect(result).toEqual(
      raises
        ? [expect.objectContaining({ type: 'raise', rule: 'fall', severity: 'critical', evidence: { confidence } })]
        : [],
    );
  });

  it('counts a fall without a confidence, the watch having judged it one', () => {
    const { event, uplink } = fall({});

    expect(sut(event, uplink, mergeRuleSettings({}))).toEqual([
      {
        type: 'raise',
        rule: 'fall',
        severity: 'critical',
        occurredAt: fellAt,
        evidence: {},
        triggerId: 'event:77:fall',
        sourceEventId: '77',
        sourceMsgId: 'm-77',
      },
    ]);
  });

  it('shows where the elder fell', () => {
    const { event, uplink } = fall({ confidence: 0.92, lat: 22.52, lon: 113.39 });

    expect(sut(event, uplink, mergeRuleSettings({}))[0].evidence).toEqual({
      confidence: 0.92,
      lat: 22.52,
      lon: 113.39,
    });
  });
});
