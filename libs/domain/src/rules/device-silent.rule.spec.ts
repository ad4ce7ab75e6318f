import type { DeviceType } from '@eldercare/protocol';
import type { Absence } from './absence';
import { hearFromDevice } from './device-silent.rule';
import { evaluateDeviceStatus } from './evaluate-device-status';
import { evaluateTimer } from './evaluate-timer';
import { DEFAULT_RULE_SETTINGS, mergeRuleSettings } from './rule-settings';
import { freshState, localAt, ruleContext } from './rule-test-kit.fixture';

const heardAt = localAt(0, 10);

describe('hearing from a device', () => {
  it.each<[DeviceType, number]>([
    ['call_button', 2_250],
    ['water_meter', 9_000],
    ['wearable', 2_250],
  ])('a %s is silent %i s after it was last heard (2.5 heartbeats)', (deviceType, seconds) => {
    const sut = hearFromDevice(freshState(deviceType), heardAt, DEFAULT_RULE_SETTINGS);

    expect(sut.decisions).toEqual([{ type: 'schedule', timer: 'device-silent', dueAt: heardAt + seconds * 1_000 }]);
    expect(sut.state.lastHeardAt).toBe(heardAt);
  });

  it.each([
    ['the same receive time (a redelivery)', heardAt],
    ['an earlier receive time', heardAt - 1],
  ])('does not move for %s', (_case, receivedAt) => {
    const { state } = hearFromDevice(freshState('call_button'), heardAt, DEFAULT_RULE_SETTINGS);

    expect(hearFromDevice(state, receivedAt, DEFAULT_RULE_SETTINGS)).toEqual({ state, decisions: [] });
  });

  it('leaves a timer due earlier where it is, and moves one due later', () => {
    const { state } = hearFromDevice(freshState('call_button'), heardAt, DEFAULT_RULE_SETTINGS);
    const later = heardAt + 60_000;
    const shorter = mergeRuleSettings({ deviceSilent: { heartbeatSec: { call_button: 60 } } });

    expect(hearFromDevice(state, later, DEFAULT_RULE_SETTINGS)).toEqual({
      state: { ...state, lastHeardAt: later },
      decisions: [],
    });
    expect(hearFromDevice(state, later, shorter).decisions).toEqual([
      { type: 'schedule', timer: 'device-silent', dueAt: later + 150_000 },
    ]);
  });

  it("follows the device's own heartbeat", () => {
    const settings = mergeRuleSettings({ deviceSilent: { heartbeatSec: { call_button: 60 } } });

    expect(hearFromDevice(freshState('call_button'), heardAt, settings).decisions).toEqual([
      { type: 'schedule', timer: 'device-silent', dueAt: heardAt + 150_000 },
    ]);
  });
});

describe('the device-silent timer', () => {
  const dueAt = heardAt + 2_250_000;
  const heard = () => hearFromDevice(freshState('call_button'), heardAt, DEFAULT_RULE_SETTINGS).state;

  it('raises maintenance after 2.5 heartbeats of silence', () => {
    expect(evaluateTimer({ kind: 'device-silent', dueAt }, heard(), ruleContext(dueAt)).decisions).toEqual([
      {
        type: 'raise',
        rule: 'device-silent',
        severity: 'maintenance',
        occurredAt: dueAt,
        evidence: { reason: 'no-message', lastHeardAt: heardAt, heartbeatSec: 900 },
        triggerId: `timer:btn-0001:device-silent:${dueAt}`,
      },
    ]);
  });

  it('fires while the device talks on, finds it heard since and sets itself again from the last time heard', () => {
    const talking = hearFromDevice(heard(), heardAt + 600_000, DEFAULT_RULE_SETTINGS).state;

    expect(evaluateTimer({ kind: 'device-silent', dueAt }, talking, ruleContext(dueAt))).toEqual({
      state: { ...talking, timers: { 'device-silent': heardAt + 600_000 + 2_250_000 } },
      decisions: [{ type: 'schedule', timer: 'device-silent', dueAt: heardAt + 600_000 + 2_250_000 }],
    });
  });

  it('is not re-armed by a redelivered message once the silence was reported', () => {
    const reported = evaluateTimer({ kind: 'device-silent', dueAt }, heard(), ruleContext(dueAt)).state;

    expect(hearFromDevice(reported, heardAt, DEFAULT_RULE_SETTINGS)).toEqual({ state: reported, decisions: [] });
  });

  it.each<[string, Absence, number]>([
    [
      'the elder in hospital now',
      { from: localAt(0, 10, 20), until: localAt(2, 0), reason: 'hospital' },
      localAt(2, 0) + 2_250_000,
    ],
    [
      'the elder back since',
      { from: localAt(0, 10, 20), until: localAt(0, 10, 30), reason: 'away' },
      localAt(0, 10, 30) + 2_250_000,
    ],
  ])('waits with %s', (_case, absence, expected) => {
    expect(
      evaluateTimer({ kind: 'device-silent', dueAt }, heard(), ruleContext(dueAt, {}, [absence])).decisions,
    ).toEqual([{ type: 'schedule', timer: 'device-silent', dueAt: expected }]);
  });
});

describe('connection status', () => {
  const sut = evaluateDeviceStatus;
  const heard = () => hearFromDevice(freshState('wearable'), heardAt, DEFAULT_RULE_SETTINGS).state;

  it('reports a last will at once, instead of the timer', () => {
    const willAt = localAt(0, 10, 5);

    const result = sut({ online: false, receivedAt: willAt }, heard(), ruleContext(willAt));

    expect(result.decisions).toEqual([
      {
        type: 'raise',
        rule: 'device-silent',
        severity: 'maintenance',
        occurredAt: willAt,
        evidence: { reason: 'last-will', lastHeardAt: heardAt },
        triggerId: `status:watch-0001:offline:${willAt}`,
      },
      { type: 'unschedule', timer: 'device-silent' },
    ]);
    expect(sut({ online: false, receivedAt: willAt }, result.state, ruleContext(willAt)).decisions).toEqual([
      expect.objectContaining({ triggerId: `status:watch-0001:offline:${willAt}` }),
    ]);
  });

  it.each<[string, number, Absence[]]>([
    ['a will older than the last message', heardAt - 1, []],
    ['a will while the elder is away', localAt(0, 11), [{ from: localAt(0, 0), until: localAt(1, 0), reason: 'away' }]],
  ])('ignores %s', (_case, receivedAt, absences) => {
    const state = heard();

    expect(sut({ online: false, receivedAt }, state, ruleContext(receivedAt, {}, absences))).toEqual({
      state,
      decisions: [],
    });
  });

  it('counts coming online as hearing from the device', () => {
    const onlineAt = localAt(0, 11);

    const result = sut({ online: true, receivedAt: onlineAt }, heard(), ruleContext(onlineAt));

    // The timer stays where it was, due earlier: when it fires it finds the device heard at 11:00.
    expect(result.decisions).toEqual([]);
    expect(result.state.lastHeardAt).toBe(onlineAt);
  });

  it('clears the silence once, when the device comes back after its last will', () => {
    const willAt = localAt(0, 10, 5);
    const backAt = willAt + 2_000;
    const silent = sut({ online: false, receivedAt: willAt }, heard(), ruleContext(willAt)).state;

    const back = sut({ online: true, receivedAt: backAt }, silent, ruleContext(backAt));
    expect(back.decisions).toEqual([
      { type: 'clear', rule: 'device-silent', occurredAt: backAt },
      { type: 'schedule', timer: 'device-silent', dueAt: backAt + 2_250_000 },
    ]);
    // Heard again: nothing to clear, and the timer set at its return is due earlier, so it stays.
    const later = hearFromDevice(back.state, backAt + 60_000, DEFAULT_RULE_SETTINGS);
    expect(later.decisions).toEqual([]);
    expect(later.state.lastHeardAt).toBe(backAt + 60_000);
  });

  it('clears nothing for a state stored before the silence was kept in it', () => {
    const stored = heard();
    delete stored.silentSince;
    const onlineAt = localAt(0, 11);

    // Heard, as any state without a silence is: its timer, due earlier, stays.
    const result = sut({ online: true, receivedAt: onlineAt }, stored, ruleContext(onlineAt));
    expect(result.decisions).toEqual([]);
    expect(result.state.lastHeardAt).toBe(onlineAt);
  });
});
