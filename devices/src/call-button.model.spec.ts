import { CallButtonModel } from './call-button.model';
import { DAY_MS, HOUR_MS } from './local-time';
import { conformanceProblems } from './testing/protocol-conformance';
import type { UplinkBody } from './uplink-body';

type Heartbeat = Extract<UplinkBody, { kind: 'heartbeat' }>;

const START = Date.parse('2025-11-23T08:00:00+08:00');
const heartbeatsOf = (uplinks: UplinkBody[]) =>
  uplinks.filter((uplink): uplink is Heartbeat => uplink.kind === 'heartbeat');

describe('CallButtonModel', () => {
  it.each(['btn-0001', 'btn-0002', 'btn-0003'])(
    'sends only heartbeats, every 900 s, starting within the first 900 s (seed %s)',
    (seed) => {
      const uplinks = new CallButtonModel({ seed, startMs: START }).advanceTo(START + DAY_MS);
      expect(uplinks.flatMap((uplink) => conformanceProblems('call_button', uplink))).toEqual([]);
      const beats = heartbeatsOf(uplinks);
      expect(beats).toHaveLength(96);
      expect(beats[0].ts! - START).toBeLessThan(900_000);
      beats.slice(1).forEach((beat, index) => expect(beat.ts! - beats[index].ts!).toBe(900_000));
    },
  );

  it('spreads the first heartbeats of different buttons over the interval', () => {
    const phases = Array.from(
      { length: 50 },
      (_, index) =>
        new CallButtonModel({ seed: `btn-${index}`, startMs: START }).advanceTo(START + 900_000)[0].ts! - START,
    );
    expect(Math.min(...phases)).toBeLessThan(150_000);
    expect(Math.max(...phases)).toBeGreaterThan(750_000);
  });

  it.each([
    { battery: 100, afterDays: 365, from: 49, to: 51 },
    { battery: 60, afterDays: 30, from: 55, to: 57 },
    { battery: 10, afterDays: 365, from: 0, to: 0 },
  ])('drains from $battery% to $from..$to% in $afterDays days, never rising', ({ battery, afterDays, from, to }) => {
    const sut = new CallButtonModel({ seed: 'btn-0001', startMs: START, batteryPercent: battery });
    const beats = heartbeatsOf(sut.advanceTo(START + afterDays * DAY_MS));
    beats.slice(1).forEach((beat, index) => expect(beat.battery).toBeLessThanOrEqual(beats[index].battery));
    expect(beats.at(-1)!.battery).toBeGreaterThanOrEqual(from);
    expect(beats.at(-1)!.battery).toBeLessThanOrEqual(to);
  });

  it('re-times its heartbeat on a config downlink', () => {
    const sut = new CallButtonModel({ seed: 'btn-0001', startMs: START });
    sut.advanceTo(START + HOUR_MS);
    sut.configure({ heartbeatSec: 60 }, START + HOUR_MS);
    const beats = heartbeatsOf(sut.advanceTo(START + 2 * HOUR_MS));
    expect(beats.length).toBeGreaterThanOrEqual(59);
    beats.slice(1).forEach((beat, index) => expect(beat.ts! - beats[index].ts!).toBe(60_000));
  });

  it('ignores an absurd interval as firmware does, keeping at least 10 s', () => {
    const sut = new CallButtonModel({ seed: 'btn-0001', startMs: START, config: { heartbeatSec: 1 } });
    const beats = heartbeatsOf(sut.advanceTo(START + 60_000));
    expect(beats.length).toBeLessThanOrEqual(6);
  });

  it('sends nothing twice when time does not move', () => {
    const sut = new CallButtonModel({ seed: 'btn-0001', startMs: START });
    expect(sut.advanceTo(START + HOUR_MS)).toHaveLength(4);
    expect(sut.advanceTo(START + HOUR_MS)).toEqual([]);
    expect(sut.advanceTo(START)).toEqual([]);
  });
});
