import { MINUTE_MS } from '../../time/durations';
import { deviceEvent, localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 李秀英, 84, lives alone and wears a watch. On Tuesday morning she falls in the kitchen.
describe('scenario: a fall', () => {
  const day = 1;
  const at = (hh: number, mm: number) => localAt(day, hh, mm);

  function morning(): RuleHarness {
    const sut = new RuleHarness('wearable', at(7, 0));
    sut.send({ kind: 'worn', worn: true }, at(7, 30));
    for (let time = at(7, 35); time <= at(10, 10); time += 5 * MINUTE_MS)
      sut.send({ kind: 'vitals', heartRate: 72, spo2: 97, steps: 800 }, time);
    sut.send({ kind: 'heartbeat', battery: 76 }, at(9, 0));
    return sut;
  }

  it('raises the fall, the sos that follows and the racing heart, and nothing else', () => {
    const sut = morning();

    sut.send({ kind: 'fall', confidence: 0.4 }, at(10, 12));
    sut.send({ kind: 'fall', confidence: 0.92, lat: 22.5171, lon: 113.3926 }, at(10, 20), { eventId: '9001' });
    sut.send({ kind: 'sos', lat: 22.5171, lon: 113.3926 }, at(10, 21), { eventId: '9002' });
    sut.send({ kind: 'vitals', heartRate: 128, spo2: 95 }, at(10, 25), { eventId: '9003' });
    sut.send({ kind: 'vitals', heartRate: 131, spo2: 94 }, at(10, 30), { eventId: '9004' });
    sut.send({ kind: 'vitals', heartRate: 127, spo2: 95 }, at(10, 35), { eventId: '9005' });
    sut.advanceTo(at(10, 50));

    expect(sut.story('device-silent')).toEqual([
      {
        at: at(10, 20),
        cause: 'event fall',
        decision: {
          type: 'raise',
          rule: 'fall',
          severity: 'critical',
          occurredAt: at(10, 20),
          evidence: { confidence: 0.92, lat: 22.5171, lon: 113.3926 },
          triggerId: 'event:9001:fall',
          sourceEventId: '9001',
          sourceMsgId: 'm-9001',
        },
      },
      {
        at: at(10, 21),
        cause: 'event sos',
        decision: {
          type: 'raise',
          rule: 'sos',
          severity: 'critical',
          occurredAt: at(10, 21),
          evidence: { lat: 22.5171, lon: 113.3926 },
          triggerId: 'event:9002:sos',
          sourceEventId: '9002',
          sourceMsgId: 'm-9002',
        },
      },
      {
        at: at(10, 35),
        cause: 'event vitals',
        decision: {
          type: 'raise',
          rule: 'vitals',
          severity: 'urgent',
          occurredAt: at(10, 35),
          evidence: {
            readings: {
              heartRate: [
                { value: 128, at: at(10, 25) },
                { value: 131, at: at(10, 30) },
                { value: 127, at: at(10, 35) },
              ],
            },
            limits: { heartRate: { min: 45, max: 120 } },
          },
          triggerId: 'event:9005:vitals',
          sourceEventId: '9005',
          sourceMsgId: 'm-9005',
        },
      },
    ]);
    // Heard last at 10:35: the silence timer, set from an earlier reading, is due by 37.5 minutes after it.
    expect(sut.state.lastHeardAt).toBe(at(10, 35));
    expect([...sut.timers.keys()]).toEqual(['device-silent']);
    expect(sut.timers.get('device-silent')).toBeLessThanOrEqual(at(10, 35) + 37.5 * MINUTE_MS);
  });

  it('raises the fall again when the job is delivered twice, with the same trigger id for the worker to drop', () => {
    const sut = morning();
    const fall = deviceEvent('wearable', { kind: 'fall', confidence: 0.92 }, at(10, 20), { eventId: '9001' });
    sut.advanceTo(at(10, 20));

    const first = sut.deliver(fall);
    const stateAfterFirst = sut.state;
    const second = sut.deliver(fall);

    expect(first).toEqual([expect.objectContaining({ type: 'raise', triggerId: 'event:9001:fall' })]);
    expect(stateAfterFirst.lastHeardAt).toBe(at(10, 20));
    expect(second).toEqual([expect.objectContaining({ type: 'raise', triggerId: 'event:9001:fall' })]);
    expect(sut.state).toEqual(stateAfterFirst);
  });

  it('raises a fall the watch buffered and sent late, after newer readings', () => {
    const sut = morning();

    const decisions = sut.send({ kind: 'fall' }, at(10, 0), { eventId: '8999', receivedAt: at(10, 14) });

    expect(decisions).toEqual([
      expect.objectContaining({ type: 'raise', rule: 'fall', occurredAt: at(10, 0), evidence: {} }),
    ]);
    // Heard at 10:14: the silence timer set earlier finds that when it fires.
    expect(sut.state.lastHeardAt).toBe(at(10, 14));
  });
});
