import type { DeviceCredentials } from './device-credentials';
import { planHousehold } from './household-plan';
import { DAY_MS } from './local-time';

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const HOME = { lat: 22.5176, lon: 113.3926 };
const DEVICES: DeviceCredentials[] = [
  { deviceId: 'btn-0001', type: 'call_button', secret: 'a' },
  { deviceId: 'wm-0001', type: 'water_meter', secret: 'b' },
  { deviceId: 'watch-0001', type: 'wearable', secret: 'c' },
  { deviceId: 'mat-0001', type: 'bed_mat', secret: 'd' },
];

describe('planHousehold', () => {
  it('gives each device the model of its type', () => {
    const sut = planHousehold(DEVICES, { seed: 'elder-li', startMs: MIDNIGHT, home: HOME });
    expect(sut.map((member) => [member.credentials.deviceId, member.model.type])).toEqual([
      ['btn-0001', 'call_button'],
      ['wm-0001', 'water_meter'],
      ['watch-0001', 'wearable'],
      ['mat-0001', 'bed_mat'],
    ]);
  });

  it.each(['elder-li', 'elder-wang'])(
    'lives one routine: the mat has %s out of bed whenever the watch is out walking',
    (seed) => {
      const [, , watch, mat] = planHousehold(DEVICES, { seed, startMs: MIDNIGHT, home: HOME });
      const until = MIDNIGHT + 2 * DAY_MS;
      const outWalking = watch.model
        .advanceTo(until)
        .flatMap((uplink) => (uplink.kind === 'location' ? [uplink.ts!] : []));
      const reports = mat.model.advanceTo(until).flatMap((uplink) => (uplink.kind === 'bed' ? [uplink] : []));
      expect(outWalking.length).toBeGreaterThan(0);
      for (const atMs of outWalking) expect(reports.filter((report) => report.ts! <= atMs).at(-1)?.inBed).toBe(false);
    },
  );

  it.each(['elder-li', 'elder-wang', 'elder-zhang'])(
    'lives one routine: no water runs while %s is out walking',
    (seed) => {
      const [, meter, watch] = planHousehold(DEVICES, { seed, startMs: MIDNIGHT, home: HOME });
      const water = meter.model
        .advanceTo(MIDNIGHT + 2 * DAY_MS)
        .flatMap((uplink) => (uplink.kind === 'water' ? [uplink] : []));
      const outWalking = watch.model
        .advanceTo(MIDNIGHT + 2 * DAY_MS)
        .flatMap((uplink) => (uplink.kind === 'location' ? [uplink.ts!] : []));
      expect(outWalking.length).toBeGreaterThan(0);
      for (const atMs of outWalking) {
        const reading = water.filter((candidate) => candidate.ts! <= atMs).at(-1)!;
        expect(reading.flowLpm).toBe(0);
      }
    },
  );

  it('refuses two devices of one type: an elder has one of each', () => {
    expect(() =>
      planHousehold([...DEVICES, { deviceId: 'btn-0002', type: 'call_button', secret: 'd' }], {
        seed: 'x',
        startMs: MIDNIGHT,
        home: HOME,
      }),
    ).toThrow('two are call_button');
  });
});
