import { DEFAULT_RULE_SETTINGS, mergeRuleSettings } from './rule-settings';
import { deviceEvent, freshState, localAt } from './rule-test-kit.fixture';
import { evaluateCancel, evaluateSos } from './sos.rule';

const pressedAt = localAt(0, 9);

function pressed() {
  const event = deviceEvent('call_button', { kind: 'sos' }, pressedAt, { eventId: '41' });
  return { event, outcome: evaluateSos(event, event.uplink, freshState('call_button')) };
}

describe('sos', () => {
  it('raises a critical alert for a button press, with the event as its source', () => {
    const { outcome } = pressed();

    expect(outcome.decisions).toEqual([
      {
        type: 'raise',
        rule: 'sos',
        severity: 'critical',
        occurredAt: pressedAt,
        evidence: {},
        triggerId: 'event:41:sos',
        sourceEventId: '41',
        sourceMsgId: 'm-41',
      },
    ]);
    expect(outcome.state.lastSos).toEqual({ eventId: '41', msgId: 'm-41', occurredAt: pressedAt, cancelled: false });
  });

  it.each([
    ['with a position', { lat: 22.52, lon: 113.39 }, { lat: 22.52, lon: 113.39 }],
    ['without a position', {}, {}],
  ])('raises for a watch sos %s', (_case, position, evidence) => {
    const event = deviceEvent('wearable', { kind: 'sos', ...position }, pressedAt);

    const sut = evaluateSos(event, event.uplink, freshState('wearable'));

    expect(sut.decisions).toEqual([expect.objectContaining({ rule: 'sos', severity: 'critical', evidence })]);
  });

  it('raises for an older sos that arrives late, but keeps remembering the latest', () => {
    const { outcome } = pressed();
    const late = deviceEvent('call_button', { kind: 'sos' }, pressedAt - 60_000, { eventId: '40' });

    const sut = evaluateSos(late, late.uplink, outcome.state);

    expect(sut.decisions).toEqual([expect.objectContaining({ type: 'raise', rule: 'sos', triggerId: 'event:40:sos' })]);
    expect(sut.state.lastSos?.eventId).toBe('41');
  });
});

describe('cancel', () => {
  const sut = evaluateCancel;

  it.each([
    ['at once', 0, true],
    ['after 30 s', 30_000, true],
    ['at exactly 60 s', 60_000, true],
    ['one millisecond after the window', 60_001, false],
    ['dated before the sos', -1, false],
  ])('marks the sos cancelled by the elder when the cancel comes %s: %p', (_case, delay, cancels) => {
    const { outcome } = pressed();
    const cancel = deviceEvent('call_button', { kind: 'cancel' }, pressedAt + delay, { eventId: '42' });

    const result = sut(cancel, outcome.state, DEFAULT_RULE_SETTINGS);

    const expected = [
      { type: 'cancel-by-elder', rule: 'sos', sourceEventId: '41', sourceMsgId: 'm-41', occurredAt: pressedAt + delay },
    ];
    expect(result.decisions).toEqual(cancels ? expected : []);
    expect(result.state.lastSos?.cancelled).toBe(cancels);
  });

  it('cancels once: a second cancel changes nothing', () => {
    const { outcome } = pressed();
    const first = sut(
      deviceEvent('call_button', { kind: 'cancel' }, pressedAt + 5_000),
      outcome.state,
      DEFAULT_RULE_SETTINGS,
    );

    const second = sut(
      deviceEvent('call_button', { kind: 'cancel' }, pressedAt + 9_000),
      first.state,
      DEFAULT_RULE_SETTINGS,
    );

    expect(second).toEqual({ state: first.state, decisions: [] });
  });

  it('does nothing without an sos to cancel', () => {
    const state = freshState('call_button');

    expect(sut(deviceEvent('call_button', { kind: 'cancel' }, pressedAt), state, DEFAULT_RULE_SETTINGS)).toEqual({
      state,
      decisions: [],
    });
  });

  it("follows the elder's own window", () => {
    const { outcome } = pressed();
    const settings = mergeRuleSettings({ sos: { cancelWindowSec: 30 } });

    expect(
      sut(deviceEvent('call_button', { kind: 'cancel' }, pressedAt + 45_000), outcome.state, settings).decisions,
    ).toEqual([]);
  });
});
