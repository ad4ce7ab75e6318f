import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, HOUR_MS, MINUTE_MS, localMinuteOfDay } from './local-time';
import { conformanceProblems } from './testing/protocol-conformance';
import type { UplinkBody } from './uplink-body';
import { WaterMeterModel } from './water-meter.model';

type Water = Extract<UplinkBody, { kind: 'water' }>;

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const DAYS = 3;
const SEEDS = ['elder-0001', 'elder-0002', 'elder-0003', 'elder-0004', 'elder-0005'];
const MEAL_WINDOWS = [
  { meal: 'breakfast', from: '06:00', to: '09:00' },
  { meal: 'lunch', from: '11:00', to: '13:30' },
  { meal: 'dinner', from: '17:00', to: '19:30' },
];

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const minuteOfDay = (atMs: number) => localMinuteOfDay(atMs, CHINA_UTC_OFFSET_MINUTES);
const waterOf = (uplinks: UplinkBody[]) => uplinks.filter((uplink): uplink is Water => uplink.kind === 'water');
const runDays = (seed: string) => new WaterMeterModel({ seed, startMs: MIDNIGHT }).advanceTo(MIDNIGHT + DAYS * DAY_MS);

/** Litres the register rose by between `fromMs` and `toMs`, from the readings. */
function litresUsed(readings: Water[], fromMs: number, toMs: number): number {
  const before = readings.filter((reading) => reading.ts! <= fromMs).at(-1) ?? readings[0];
  const until = readings.filter((reading) => reading.ts! <= toMs).at(-1)!;
  return until.totalLiters - before.totalLiters;
}

describe('WaterMeterModel', () => {
  describe.each(SEEDS)('over three days with seed %s', (seed) => {
    const uplinks = runDays(seed);
    const readings = waterOf(uplinks);

    it('sends only uplinks the protocol accepts from a water meter, with whole-millisecond ts', () => {
      expect(uplinks.flatMap((uplink) => conformanceProblems('water_meter', uplink))).toEqual([]);
      expect(uplinks.every((uplink) => Number.isInteger(uplink.ts))).toBe(true);
    });

    it('sends uplinks in time order', () => {
      expect(uplinks.map((uplink) => uplink.ts)).toEqual(uplinks.map((uplink) => uplink.ts).sort((a, b) => a! - b!));
    });

    it('never turns the register backwards', () => {
      readings
        .slice(1)
        .forEach((reading, index) => expect(reading.totalLiters).toBeGreaterThanOrEqual(readings[index].totalLiters));
    });

    it('uses no water at night, from 22:00 to 06:00', () => {
      const night = readings.filter(
        (reading) => minuteOfDay(reading.ts!) >= 22 * 60 || minuteOfDay(reading.ts!) < 6 * 60,
      );
      expect(night.length).toBeGreaterThan(DAYS * 30);
      expect(night.filter((reading) => reading.flowLpm !== 0)).toEqual([]);
      for (let day = 0; day < DAYS - 1; day++) {
        const bedtime = MIDNIGHT + day * DAY_MS + 22 * HOUR_MS;
        expect(litresUsed(readings, bedtime, bedtime + 8 * HOUR_MS)).toBe(0);
      }
    });

    it.each(MEAL_WINDOWS)('uses water at $meal ($from to $to) every day', ({ from, to }) => {
      for (let day = 0; day < DAYS; day++) {
        const dayStartMs = MIDNIGHT + day * DAY_MS;
        // A toilet flush is at most 7 litres; cooking and washing up take more.
        expect(
          litresUsed(readings, dayStartMs + minuteOf(from) * MINUTE_MS, dayStartMs + minuteOf(to) * MINUTE_MS),
        ).toBeGreaterThan(8);
      }
    });

    it('uses between 100 and 250 litres a day', () => {
      for (let day = 0; day < DAYS; day++) {
        const dayStartMs = MIDNIGHT + day * DAY_MS;
        const litres = litresUsed(readings, dayStartMs, dayStartMs + DAY_MS - 1);
        expect(litres).toBeGreaterThan(100);
        expect(litres).toBeLessThan(250);
      }
    });

    it('reports at least every 900 s', () => {
      readings
        .slice(1)
        .forEach((reading, index) => expect(reading.ts! - readings[index].ts!).toBeLessThanOrEqual(900_000));
    });

    it('reports when flow starts: the register only rises after a reading that shows flow', () => {
      readings.slice(1).forEach((reading, index) => {
        if (reading.totalLiters > readings[index].totalLiters) expect(readings[index].flowLpm).toBeGreaterThan(0);
      });
    });

    it('reports when flow stops: water never runs for more than 30 minutes', () => {
      let flowingSinceMs: number | undefined;
      for (const reading of readings) {
        if (reading.flowLpm! > 0) flowingSinceMs ??= reading.ts!;
        else flowingSinceMs = undefined;
        if (flowingSinceMs !== undefined) expect(reading.ts! - flowingSinceMs).toBeLessThan(30 * MINUTE_MS);
      }
      expect(readings.at(-1)!.flowLpm).toBe(0);
    });

    it('sends a heartbeat every hour', () => {
      const beats = uplinks.filter((uplink) => uplink.kind === 'heartbeat');
      expect(beats).toHaveLength(DAYS * 24);
      beats.slice(1).forEach((beat, index) => expect(beat.ts! - beats[index].ts!).toBe(HOUR_MS));
    });

    it('gives the same uplinks however time is stepped', () => {
      const sut = new WaterMeterModel({ seed, startMs: MIDNIGHT });
      const stepped: UplinkBody[] = [];
      for (let nowMs = MIDNIGHT; nowMs < MIDNIGHT + DAYS * DAY_MS; nowMs += 7 * MINUTE_MS + 13_000)
        stepped.push(...sut.advanceTo(nowMs));
      stepped.push(...sut.advanceTo(MIDNIGHT + DAYS * DAY_MS));
      expect(stepped).toEqual(uplinks);
    });
  });

  it('replays the same uplinks from the same seed and differs with another', () => {
    expect(runDays('elder-0001')).toEqual(runDays('elder-0001'));
    expect(runDays('elder-0001')).not.toEqual(runDays('elder-0002'));
  });

  it('starts from the given register and battery', () => {
    const sut = new WaterMeterModel({
      seed: 'elder-0001',
      startMs: MIDNIGHT,
      registerLiters: 15_234.5,
      batteryPercent: 77,
    });
    const uplinks = sut.advanceTo(MIDNIGHT + HOUR_MS);
    expect(waterOf(uplinks)[0].totalLiters).toBe(15_234.5);
    expect(uplinks.find((uplink) => uplink.kind === 'heartbeat')).toMatchObject({ battery: 76 });
  });

  it('reports every reportSec from a config downlink on', () => {
    const sut = new WaterMeterModel({ seed: 'elder-0001', startMs: MIDNIGHT });
    sut.advanceTo(MIDNIGHT + HOUR_MS);
    sut.configure({ reportSec: 60 }, MIDNIGHT + HOUR_MS);
    // Night: only periodic reports.
    const readings = waterOf(sut.advanceTo(MIDNIGHT + 2 * HOUR_MS));
    expect(readings.length).toBeGreaterThanOrEqual(59);
    readings.slice(1).forEach((reading, index) => expect(reading.ts! - readings[index].ts!).toBe(60_000));
  });

  it('counts water already running when it starts, and reports when it stops', () => {
    const seed = 'elder-0001';
    const firstStart = waterOf(runDays(seed)).find((reading) => reading.flowLpm! > 0)!;
    const sut = new WaterMeterModel({ seed, startMs: firstStart.ts! + 10_000, registerLiters: 1_000 });
    const readings = waterOf(sut.advanceTo(firstStart.ts! + HOUR_MS));
    const stop = readings.find((reading) => reading.flowLpm === 0)!;
    expect(stop.ts! - firstStart.ts!).toBeLessThan(5 * MINUTE_MS);
    expect(stop.totalLiters).toBeGreaterThan(1_000);
  });
});
