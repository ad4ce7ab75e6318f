import { MINUTE_MS } from '../../time/durations';
import type { Absence } from '../absence';
import { localAt } from '../rule-test-kit.fixture';
import { RuleHarness } from './rule-harness.fixture';

// 刘淑珍's emergency-call button beats every 15 minutes. On Thursday morning someone pulls its plug.
describe('scenario: a silent device', () => {
  const at = (hh: number, mm: number, ss = 0) => localAt(3, hh, mm, ss);

  function beating(from: number, until: number, absences: Absence[] = []): RuleHarness {
    const sut = new RuleHarness('call_button', from, {}, absences);
    for (let time = from; time <= until; time += 15 * MINUTE_MS) sut.send({ kind: 'heartbeat', battery: 64 }, time);
    return sut;
  }

  it('raises maintenance 37.5 minutes after the last heartbeat, and clears it and starts over when the button is back', () => {
    const sut = beating(at(8, 0), at(10, 0));
    sut.advanceTo(at(11, 20));
    sut.send({ kind: 'heartbeat', battery: 63 }, at(11, 20));

    expect(sut.story().filter((entry) => entry.at >= at(10, 0))).toEqual([
      // Set at the first heartbeat, the timer fires every 37.5 minutes, finds the button heard since and sets
      // itself again; not one heartbeat moves it.
      {
        at: at(10, 7, 30),
        cause: 'timer device-silent',
        decision: { type: 'schedule', timer: 'device-silent', dueAt: at(10, 37, 30) },
      },
      {
        at: at(10, 37, 30),
        cause: 'timer device-silent',
        decision: {
          type: 'raise',
          rule: 'device-silent',
          severity: 'maintenance',
          occurredAt: at(10, 37, 30),
          evidence: { reason: 'no-message', lastHeardAt: at(10, 0), heartbeatSec: 900 },
          triggerId: `timer:btn-0001:device-silent:${at(10, 37, 30)}`,
        },
      },
      {
        at: at(11, 20),
        cause: 'event heartbeat',
        decision: { type: 'clear', rule: 'device-silent', occurredAt: at(11, 20) },
      },
      {
        at: at(11, 20),
        cause: 'event heartbeat',
        decision: { type: 'schedule', timer: 'device-silent', dueAt: at(11, 57, 30) },
      },
    ]);
  });

  it('clears the silence its last will raised when the button logs in again two seconds later', () => {
    const sut = beating(at(8, 0), at(10, 0));

    sut.status(false, at(10, 3));
    sut.status(true, at(10, 3, 2));

    expect(sut.story().filter((entry) => entry.at > at(10, 3))).toEqual([
      {
        at: at(10, 3, 2),
        cause: 'online',
        decision: { type: 'clear', rule: 'device-silent', occurredAt: at(10, 3, 2) },
      },
      {
        at: at(10, 3, 2),
        cause: 'online',
        decision: { type: 'schedule', timer: 'device-silent', dueAt: at(10, 40, 32) },
      },
    ]);
  });

  it('raises nothing when the new login is heard before the last will of the connection it replaced', () => {
    const sut = beating(at(8, 0), at(10, 0));

    sut.status(true, at(10, 3, 2));
    sut.status(false, at(10, 3));

    expect(
      sut
        .story()
        .filter((entry) => entry.at > at(10, 0))
        .map((entry) => entry.decision.type),
    ).toEqual([]);
  });

  it("reports the broker's last will at once, instead of waiting for the timer", () => {
    const sut = beating(at(8, 0), at(10, 0));

    sut.status(false, at(10, 3));
    sut.advanceTo(at(12, 0));

    expect(sut.story().filter((entry) => entry.at > at(10, 0))).toEqual([
      {
        at: at(10, 3),
        cause: 'last will',
        decision: {
          type: 'raise',
          rule: 'device-silent',
          severity: 'maintenance',
          occurredAt: at(10, 3),
          evidence: { reason: 'last-will', lastHeardAt: at(10, 0) },
          triggerId: `status:btn-0001:offline:${at(10, 3)}`,
        },
      },
      { at: at(10, 3), cause: 'last will', decision: { type: 'unschedule', timer: 'device-silent' } },
    ]);
  });

  it('keeps quiet while she is in hospital with the button unplugged, and raises if it stays silent after her return', () => {
    const hospital: Absence = { from: at(10, 30), until: localAt(5, 12, 0), reason: 'hospital' };
    const sut = beating(at(8, 0), at(10, 0), [hospital]);
    sut.advanceTo(localAt(5, 13, 0));

    expect(sut.story().filter((entry) => entry.at > at(10, 0))).toEqual([
      {
        at: at(10, 7, 30),
        cause: 'timer device-silent',
        decision: { type: 'schedule', timer: 'device-silent', dueAt: at(10, 37, 30) },
      },
      {
        at: at(10, 37, 30),
        cause: 'timer device-silent',
        decision: { type: 'schedule', timer: 'device-silent', dueAt: localAt(5, 12, 37, 30) },
      },
      {
        at: localAt(5, 12, 37, 30),
        cause: 'timer device-silent',
        decision: {
          type: 'raise',
          rule: 'device-silent',
          severity: 'maintenance',
          occurredAt: localAt(5, 12, 37, 30),
          evidence: { reason: 'no-message', lastHeardAt: at(10, 0), heartbeatSec: 900 },
          triggerId: `timer:btn-0001:device-silent:${localAt(5, 12, 37, 30)}`,
        },
      },
    ]);
  });
});
