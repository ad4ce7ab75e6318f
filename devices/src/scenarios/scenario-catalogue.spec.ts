import type { DeviceType } from '../protocol-shim';
import { conformanceProblems } from '../testing/protocol-conformance';
import type { UplinkKind } from '../uplink-body';
import type { ScenarioName } from './scenario';
import { SCENARIOS, isScenarioName } from './scenario-catalogue';

const START = Date.parse('2025-11-23T09:30:00+08:00');
const DEVICE_IDS: Record<DeviceType, string> = {
  call_button: 'btn-0001',
  water_meter: 'wm-0001',
  wearable: 'watch-0001',
  bed_mat: 'mat-0001',
};
const times = (count: number, kind: UplinkKind) => Array.from({ length: count }, () => kind);

const EXPECTED: Record<ScenarioName, { deviceType: DeviceType; ending: 'disconnect' | 'drop'; kinds: UplinkKind[] }> = {
  'sos-press': { deviceType: 'call_button', ending: 'disconnect', kinds: ['sos'] },
  'sos-cancelled': { deviceType: 'call_button', ending: 'disconnect', kinds: ['sos', 'cancel'] },
  fall: { deviceType: 'wearable', ending: 'disconnect', kinds: [...times(2, 'vitals'), 'fall', ...times(5, 'vitals')] },
  // Each hour: the report on the hour, the heartbeat at seven past, three more reports; then the report at 24:00.
  'no-water-day': {
    deviceType: 'water_meter',
    ending: 'disconnect',
    kinds: [
      ...Array.from({ length: 24 }, (): UplinkKind[] => ['water', 'heartbeat', 'water', 'water', 'water']).flat(),
      'water',
    ],
  },
  'tap-running': { deviceType: 'water_meter', ending: 'disconnect', kinds: times(7, 'water') },
  'left-safe-zone': { deviceType: 'wearable', ending: 'disconnect', kinds: times(7, 'location') },
  'device-silent': { deviceType: 'call_button', ending: 'drop', kinds: times(4, 'heartbeat') },
  // A report a minute for an hour.
  asleep: { deviceType: 'bed_mat', ending: 'disconnect', kinds: times(60, 'bed') },
  // Ten minutes asleep, then 41 minutes of an empty bed.
  'bed-no-return': { deviceType: 'bed_mat', ending: 'disconnect', kinds: times(51, 'bed') },
};

describe('SCENARIOS', () => {
  it('holds exactly the scripted scenarios, each under its own name', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(EXPECTED).sort());
    Object.entries(SCENARIOS).forEach(([name, scenario]) => expect(scenario.name).toBe(name));
  });

  describe.each(Object.keys(EXPECTED) as ScenarioName[])('%s', (name) => {
    const expected = EXPECTED[name];
    const sut = SCENARIOS[name];
    const deviceId = DEVICE_IDS[sut.deviceType];
    const timeline = sut.timeline({ startMs: START, deviceId });

    it(`drives a ${expected.deviceType} and ends with ${expected.ending}`, () => {
      expect(sut.deviceType).toBe(expected.deviceType);
      expect(sut.ending).toBe(expected.ending);
      expect(sut.title).toMatch(/^\p{Script=Han}.* · [a-z]/u);
    });

    it('sends exactly the expected kinds, in order', () => {
      expect(timeline.map((entry) => entry.uplink.kind)).toEqual(expected.kinds);
    });

    it('sends only uplinks the protocol accepts from that device type', () => {
      expect(timeline.flatMap((entry) => conformanceProblems(sut.deviceType, entry.uplink))).toEqual([]);
    });

    it('starts at the start time, in time order, each uplink stamped with its time', () => {
      expect(timeline[0].atMs).toBe(START);
      timeline.slice(1).forEach((entry, index) => expect(entry.atMs).toBeGreaterThanOrEqual(timeline[index].atMs));
      timeline.forEach((entry) => {
        expect(entry.uplink.ts).toBe(entry.atMs);
        expect(entry.deviceId).toBe(deviceId);
      });
    });

    it('numbers its uplinks with msgIds unique to the device', () => {
      const msgIds = timeline.map((entry) => entry.uplink.msgId);
      expect(new Set(msgIds).size).toBe(msgIds.length);
    });

    it('is a pure timeline: the same start gives the same uplinks, another start new msgIds', () => {
      expect(sut.timeline({ startMs: START, deviceId })).toEqual(timeline);
      const later = sut.timeline({ startMs: START + 60_000, deviceId });
      const earlierIds = new Set(timeline.map((entry) => entry.uplink.msgId));
      expect(later.filter((entry) => earlierIds.has(entry.uplink.msgId))).toEqual([]);
    });
  });

  it('never reuses a msgId between scenarios played on one device at one start time', () => {
    const msgIds = Object.values(SCENARIOS).flatMap((scenario) =>
      scenario.timeline({ startMs: START, deviceId: 'watch-0001' }).map((entry) => entry.uplink.msgId),
    );
    expect(new Set(msgIds).size).toBe(msgIds.length);
  });

  it('cancels a mistaken press well within a minute', () => {
    const [sos, cancel] = SCENARIOS['sos-cancelled'].timeline({ startMs: START, deviceId: 'btn-0001' });
    expect(cancel.atMs - sos.atMs).toBeGreaterThan(5_000);
    expect(cancel.atMs - sos.atMs).toBeLessThan(60_000);
  });

  it('goes silent after heartbeats 15 minutes apart', () => {
    const beats = SCENARIOS['device-silent'].timeline({ startMs: START, deviceId: 'btn-0001' });
    beats.slice(1).forEach((beat, index) => expect(beat.atMs - beats[index].atMs).toBe(900_000));
  });

  it.each([
    { name: 'fall', known: true },
    { name: 'tap-running', known: true },
    { name: 'toString', known: false },
    { name: 'flood', known: false },
  ])('knows whether $name is a scenario', ({ name, known }) => {
    expect(isScenarioName(name)).toBe(known);
  });
});
