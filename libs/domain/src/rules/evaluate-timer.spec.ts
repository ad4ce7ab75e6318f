import { evaluateEvent } from './evaluate-event';
import { evaluateTimer } from './evaluate-timer';
import { TIMER_KINDS, type TimerKind } from './rule-decision';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';

describe('evaluateTimer', () => {
  const sut = evaluateTimer;
  const heardAt = localAt(0, 10);
  const dueAt = heardAt + 2_250_000;
  const state = evaluateEvent(
    deviceEvent('call_button', { kind: 'heartbeat', battery: 80 }, heardAt),
    freshState('call_button'),
    ruleContext(heardAt),
  ).state;

  it.each([
    ['earlier than the state expects (rescheduled since)', dueAt - 1],
    ['later than the state expects', dueAt + 1],
  ])('ignores a timer due %s', (_case, firedDueAt) => {
    expect(sut({ kind: 'device-silent', dueAt: firedDueAt }, state, ruleContext(firedDueAt))).toEqual({
      state,
      decisions: [],
    });
  });

  it('handles a timer once: a redelivered job changes nothing', () => {
    const first = sut({ kind: 'device-silent', dueAt }, state, ruleContext(dueAt));

    const again = sut({ kind: 'device-silent', dueAt }, first.state, ruleContext(dueAt + 5));

    expect(first.decisions).toEqual([expect.objectContaining({ type: 'raise', rule: 'device-silent' })]);
    expect(first.state.timers).toEqual({});
    expect(again).toEqual({ state: first.state, decisions: [] });
  });

  it.each(TIMER_KINDS.map((kind) => [kind]))('ignores a %s timer the state never asked for', (kind: TimerKind) => {
    const fresh = freshState('wearable');

    expect(sut({ kind, dueAt }, fresh, ruleContext(dueAt))).toEqual({ state: fresh, decisions: [] });
  });
});
