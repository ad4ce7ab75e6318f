import { DomainError } from '../errors/domain-error';
import { createDeviceRuleState, type DeviceRuleState } from './device-rule-state';
import { evaluateEvent, isSettled } from './evaluate-event';
import type { DeviceEvent } from './rule-input';
import { deviceEvent, freshState, localAt, ruleContext } from './rule-test-kit.fixture';

const sut = evaluateEvent;

function run(events: DeviceEvent[], state: DeviceRuleState): DeviceRuleState {
  return events.reduce((current, event) => sut(event, current, ruleContext(event.receivedAt)).state, state);
}

describe('evaluateEvent', () => {
  it('applies the rule of the kind, then moves the device-silent timer', () => {
    const event = deviceEvent('water_meter', { kind: 'water', totalLiters: 10, flowLpm: 0 }, localAt(0, 8));

    expect(sut(event, freshState('water_meter'), ruleContext(localAt(0, 8))).decisions).toEqual([
      { type: 'schedule', timer: 'no-water', dueAt: localAt(0, 20) },
      { type: 'schedule', timer: 'device-silent', dueAt: localAt(0, 10, 30) },
    ]);
  });

  it('refuses the state of another device', () => {
    const event = deviceEvent('call_button', { kind: 'sos' }, localAt(0, 8));
    const attempt = () => sut(event, createDeviceRuleState('btn-9999', 'call_button'), ruleContext(localAt(0, 8)));

    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'rule-state-device-mismatch' }));
  });

  describe('ordering and redelivery', () => {
    const reading = deviceEvent('wearable', { kind: 'vitals', heartRate: 130 }, localAt(0, 9), { eventId: '500' });
    const afterTwo = run(
      [
        deviceEvent('wearable', { kind: 'vitals', heartRate: 131 }, localAt(0, 8, 50), { eventId: '498' }),
        deviceEvent('wearable', { kind: 'vitals', heartRate: 132 }, localAt(0, 8, 55), { eventId: '499' }),
      ],
      freshState('wearable'),
    );

    it('applies an event once: a redelivered job changes nothing', () => {
      const first = sut(reading, afterTwo, ruleContext(localAt(0, 9)));

      const again = sut(reading, first.state, ruleContext(localAt(0, 9, 1)));

      expect(first.decisions).toEqual([expect.objectContaining({ type: 'raise', rule: 'vitals' })]);
      expect(first.state.lastHeardAt).toBe(reading.receivedAt);
      expect(again).toEqual({ state: first.state, decisions: [] });
    });

    it('does not count a redelivered reading twice toward a run', () => {
      const second = deviceEvent('wearable', { kind: 'vitals', heartRate: 132 }, localAt(0, 8, 55), { eventId: '499' });

      const result = sut(second, afterTwo, ruleContext(localAt(0, 9)));

      expect(result).toEqual({ state: afterTwo, decisions: [] });
    });

    it('does not apply an event older than the last one applied', () => {
      const late = deviceEvent('wearable', { kind: 'vitals', heartRate: 133 }, localAt(0, 8, 45), { eventId: '497' });

      const result = sut(late, afterTwo, ruleContext(localAt(0, 9)));

      expect(result.decisions).toEqual([]);
      expect(result.state).toEqual(afterTwo);
    });

    it('only hears the device for an old event received late: the device is talking now', () => {
      const buffered = deviceEvent('wearable', { kind: 'vitals', heartRate: 133 }, localAt(0, 8, 45), {
        eventId: '501',
        receivedAt: localAt(0, 9, 30),
      });

      const result = sut(buffered, afterTwo, ruleContext(localAt(0, 9, 30)));

      // The device-silent timer set earlier is due before 10:07:30, and looks again from 09:30 when it fires.
      expect(result.decisions).toEqual([]);
      expect(result.state.lastHeardAt).toBe(localAt(0, 9, 30));
      expect(result.state.timers['device-silent']).toBeLessThanOrEqual(localAt(0, 10, 7, 30));
      expect(result.state.vitals).toEqual(afterTwo.vitals);
    });

    it.each([
      ['a larger id at the same time is applied', '1000', true],
      ['a smaller id at the same time is not', '50', false],
    ])('orders events of the same device time by event id as numbers: %s', (_case, eventId, applied) => {
      const state = run(
        [deviceEvent('wearable', { kind: 'worn', worn: true }, localAt(0, 9), { eventId: '999' })],
        freshState('wearable'),
      );
      const sameTime = deviceEvent('wearable', { kind: 'worn', worn: false }, localAt(0, 9), {
        eventId,
        receivedAt: localAt(0, 9),
      });

      const result = sut(sameTime, state, ruleContext(localAt(0, 9)));

      expect(result.state.worn.offSince).toBe(applied ? localAt(0, 9) : null);
    });

    it.each([
      [
        'an sos',
        deviceEvent('wearable', { kind: 'sos', lat: 22.5, lon: 113.4 }, localAt(0, 8, 40), { eventId: '400' }),
        'sos',
      ],
      [
        'a fall',
        deviceEvent('wearable', { kind: 'fall', confidence: 0.95 }, localAt(0, 8, 40), { eventId: '401' }),
        'fall',
      ],
    ])('raises %s that arrives late or twice, every time, with the same trigger id', (_case, event, rule) => {
      const once = sut(event, afterTwo, ruleContext(localAt(0, 9)));
      const twice = sut(event, once.state, ruleContext(localAt(0, 9)));

      const raise = { type: 'raise', rule, severity: 'critical', triggerId: `event:${event.eventId}:${rule}` };
      expect(once.decisions).toEqual([expect.objectContaining(raise)]);
      expect(twice.decisions).toEqual([expect.objectContaining(raise)]);
    });

    it('raises an sos and applies it in order: the state records it as applied', () => {
      const sos = deviceEvent('call_button', { kind: 'sos' }, localAt(0, 9), { eventId: '600' });

      const result = sut(sos, freshState('call_button'), ruleContext(localAt(0, 9)));

      expect(result.decisions.map((decision) => decision.type)).toEqual(['raise', 'schedule']);
      expect(result.state.lastApplied).toEqual({ occurredAt: localAt(0, 9), eventId: '600' });
    });

    it('ignores a fall the watch is not sure of, yet hears the watch', () => {
      const unsure = deviceEvent('wearable', { kind: 'fall', confidence: 0.3 }, localAt(0, 9, 10));

      const result = sut(unsure, afterTwo, ruleContext(localAt(0, 9, 10)));

      expect(result.decisions).toEqual([]);
      expect(result.state.lastHeardAt).toBe(localAt(0, 9, 10));
    });
  });

  describe('isSettled', () => {
    const applied = [
      deviceEvent('wearable', { kind: 'vitals', heartRate: 131 }, localAt(0, 8, 50), { eventId: '498' }),
      deviceEvent('wearable', { kind: 'vitals', heartRate: 132 }, localAt(0, 8, 55), { eventId: '499' }),
    ];
    const state = run(applied, freshState('wearable'));

    it.each([
      ['an event applied already', applied[0]],
      ['the last event applied', applied[1]],
      [
        'an older event received no later than the device was last heard',
        deviceEvent('wearable', { kind: 'vitals', heartRate: 70 }, localAt(0, 8, 45), { eventId: '497' }),
      ],
    ])('is true for %s, which evaluates to no change and no decision', (_case, event) => {
      expect(isSettled(event, state)).toBe(true);
      expect(sut(event, state, ruleContext(localAt(0, 9)))).toEqual({ state, decisions: [] });
    });

    it.each([
      ['a newer event', deviceEvent('wearable', { kind: 'vitals', heartRate: 70 }, localAt(0, 9), { eventId: '500' })],
      [
        'an older event received later: the device is talking now',
        deviceEvent('wearable', { kind: 'vitals', heartRate: 70 }, localAt(0, 8, 45), {
          eventId: '501',
          receivedAt: localAt(0, 9, 30),
        }),
      ],
      [
        'an sos applied already',
        deviceEvent('wearable', { kind: 'sos' }, localAt(0, 8, 40), { eventId: '400', receivedAt: localAt(0, 8, 40) }),
      ],
      [
        'a fall applied already',
        deviceEvent('wearable', { kind: 'fall', confidence: 0.95 }, localAt(0, 8, 40), {
          eventId: '401',
          receivedAt: localAt(0, 8, 40),
        }),
      ],
    ])('is false for %s', (_case, event) => {
      expect(isSettled(event, state)).toBe(false);
    });

    it('is false for a device the rules have not heard from', () => {
      expect(isSettled(applied[0], freshState('wearable'))).toBe(false);
    });
  });

  it('keeps a state that reads back equal from JSON', () => {
    const events = [
      deviceEvent('wearable', { kind: 'sos' }, localAt(0, 8)),
      deviceEvent('wearable', { kind: 'vitals', spo2: 85 }, localAt(0, 8, 5)),
      deviceEvent('wearable', { kind: 'location', lat: 22.6, lon: 113.4 }, localAt(0, 8, 10)),
      deviceEvent('wearable', { kind: 'worn', worn: false }, localAt(0, 8, 15)),
      deviceEvent('wearable', { kind: 'heartbeat', battery: 5 }, localAt(0, 8, 20)),
    ];
    const state = events.reduce(
      (current, event) =>
        sut(
          event,
          current,
          ruleContext(event.receivedAt, { safeZone: { zone: { lat: 22.5, lon: 113.4, radiusM: 300 } } }),
        ).state,
      freshState('wearable'),
    );

    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(Object.keys(JSON.parse(JSON.stringify(state)))).toEqual(Object.keys(state));
  });
});
