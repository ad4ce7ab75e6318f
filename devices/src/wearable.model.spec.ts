import { distanceMeters } from './geo-point';
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, MINUTE_MS, localDayStart, localMinuteOfDay } from './local-time';
import { conformanceProblems } from './testing/protocol-conformance';
import type { UplinkBody } from './uplink-body';
import { WearableModel, type WearableModelOptions } from './wearable.model';

type Vitals = Extract<UplinkBody, { kind: 'vitals' }>;
type Location = Extract<UplinkBody, { kind: 'location' }>;

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const HOME = { lat: 22.5176, lon: 113.3926 };
const DAYS = 3;
const SEEDS = ['elder-0001', 'elder-0002', 'elder-0003', 'elder-0004', 'elder-0005'];

const minuteOfDay = (atMs: number) => localMinuteOfDay(atMs, CHINA_UTC_OFFSET_MINUTES);
const dayOf = (atMs: number) => localDayStart(atMs, CHINA_UTC_OFFSET_MINUTES);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const vitalsOf = (uplinks: UplinkBody[]) => uplinks.filter((uplink): uplink is Vitals => uplink.kind === 'vitals');
const locationsOf = (uplinks: UplinkBody[]) =>
  uplinks.filter((uplink): uplink is Location => uplink.kind === 'location');

function runDays(seed: string, options: Partial<WearableModelOptions> = {}): UplinkBody[] {
  return new WearableModel({ seed, startMs: MIDNIGHT, home: HOME, ...options }).advanceTo(MIDNIGHT + DAYS * DAY_MS);
}

describe('WearableModel', () => {
  describe.each(SEEDS)('over three days with seed %s', (seed) => {
    const uplinks = runDays(seed);
    const vitals = vitalsOf(uplinks);
    const walkingAt = new Set(locationsOf(uplinks).map((location) => location.ts));

    it('sends only uplinks the protocol accepts from a wearable, with whole-millisecond ts', () => {
      expect(uplinks.flatMap((uplink) => conformanceProblems('wearable', uplink))).toEqual([]);
      expect(uplinks.every((uplink) => Number.isInteger(uplink.ts))).toBe(true);
    });

    it('is put on in the morning and taken off in the evening, once a day', () => {
      const worn = uplinks.filter((uplink) => uplink.kind === 'worn');
      expect(worn.map((uplink) => uplink.worn)).toEqual(Array.from({ length: DAYS }, () => [true, false]).flat());
      worn.forEach((uplink) => {
        const minute = minuteOfDay(uplink.ts!);
        if (uplink.worn) expect(minute).toBeGreaterThan(6 * 60);
        if (uplink.worn) expect(minute).toBeLessThan(8 * 60);
        if (!uplink.worn) expect(minute).toBeGreaterThan(20 * 60);
        if (!uplink.worn) expect(minute).toBeLessThan(22 * 60);
      });
    });

    it('sends vitals and locations only while worn', () => {
      let worn = false;
      for (const uplink of uplinks) {
        if (uplink.kind === 'worn') worn = uplink.worn;
        if (uplink.kind === 'vitals' || uplink.kind === 'location') expect(worn).toBe(true);
      }
    });

    it('sends vitals every 300 s while worn', () => {
      expect(vitals.length).toBeGreaterThan(DAYS * 150);
      vitals.slice(1).forEach((reading, index) => {
        if (dayOf(reading.ts!) === dayOf(vitals[index].ts!)) expect(reading.ts! - vitals[index].ts!).toBe(300_000);
      });
    });

    it('reports plausible vitals for an elder', () => {
      for (const reading of vitals) {
        expect(reading.heartRate).toBeGreaterThanOrEqual(45);
        expect(reading.heartRate).toBeLessThanOrEqual(130);
        expect(reading.spo2).toBeGreaterThanOrEqual(90);
        expect(reading.bodyTempC).toBeGreaterThanOrEqual(35.5);
        expect(reading.bodyTempC).toBeLessThanOrEqual(37.5);
      }
    });

    it('has a faster pulse out walking than at home', () => {
      const walking = vitals.filter((reading) => walkingAt.has(reading.ts));
      const resting = vitals.filter((reading) => !walkingAt.has(reading.ts));
      expect(walking.length).toBeGreaterThan(5);
      expect(mean(walking.map((reading) => reading.heartRate!))).toBeGreaterThan(
        mean(resting.map((reading) => reading.heartRate!)) + 10,
      );
    });

    it('counts steps since local midnight: rising through the day, from near zero the next morning', () => {
      vitals.slice(1).forEach((reading, index) => {
        const previous = vitals[index];
        if (dayOf(reading.ts!) === dayOf(previous.ts!)) expect(reading.steps).toBeGreaterThanOrEqual(previous.steps!);
        else expect(reading.steps).toBeLessThan(previous.steps!);
      });
      const lastOfDay = vitals.filter(
        (reading, index) => index + 1 === vitals.length || dayOf(vitals[index + 1].ts!) !== dayOf(reading.ts!),
      );
      lastOfDay.forEach((reading) => expect(reading.steps).toBeGreaterThan(1_000));
    });

    it('sends locations only out walking, near home, at each report', () => {
      const locations = locationsOf(uplinks);
      expect(locations.length).toBeGreaterThan(0);
      locations.forEach((location) => {
        expect(distanceMeters(HOME, location)).toBeLessThan(600);
        expect(vitals.some((reading) => reading.ts === location.ts)).toBe(true);
      });
      expect(locations.some((location) => distanceMeters(HOME, location) > 100)).toBe(true);
    });

    it('sends a heartbeat every 900 s, worn or not, with a battery that drains on the wrist and charges off it', () => {
      const beats = uplinks.filter((uplink) => uplink.kind === 'heartbeat');
      expect(beats).toHaveLength(DAYS * 96);
      beats.slice(1).forEach((beat, index) => expect(beat.ts! - beats[index].ts!).toBe(900_000));
      const atHour = (hour: number) => beats.find((beat) => beat.ts! >= MIDNIGHT + DAY_MS + hour * 3_600_000)!.battery;
      expect(atHour(20)).toBeLessThan(atHour(8));
      expect(atHour(23.5)).toBeGreaterThan(atHour(21));
    });

    it('gives the same uplinks however time is stepped', () => {
      const sut = new WearableModel({ seed, startMs: MIDNIGHT, home: HOME });
      const stepped: UplinkBody[] = [];
      for (let nowMs = MIDNIGHT; nowMs < MIDNIGHT + DAYS * DAY_MS; nowMs += 4 * MINUTE_MS + 7_000)
        stepped.push(...sut.advanceTo(nowMs));
      stepped.push(...sut.advanceTo(MIDNIGHT + DAYS * DAY_MS));
      expect(stepped).toEqual(uplinks);
    });
  });

  describe.each(SEEDS)('worn at night with seed %s', (seed) => {
    const uplinks = runDays(seed, { wornAtNight: true });
    const vitals = vitalsOf(uplinks);

    it('comes off only to wash, morning and evening, for under an hour each time', () => {
      const worn = uplinks.filter((uplink) => uplink.kind === 'worn');
      expect(worn.map((uplink) => uplink.worn)).toEqual(Array.from({ length: 2 * DAYS }, () => [false, true]).flat());
      worn.forEach((uplink, index) => {
        if (uplink.worn) expect(uplink.ts! - worn[index - 1].ts!).toBeLessThan(60 * MINUTE_MS);
      });
    });

    it('has a slower pulse asleep than awake at home', () => {
      const asleep = vitals.filter((reading) => minuteOfDay(reading.ts!) >= 60 && minuteOfDay(reading.ts!) < 5 * 60);
      const afternoon = vitals.filter(
        (reading) => minuteOfDay(reading.ts!) >= 13 * 60 && minuteOfDay(reading.ts!) < 15 * 60,
      );
      expect(asleep.length).toBeGreaterThan(DAYS * 40);
      expect(mean(asleep.map((reading) => reading.heartRate!))).toBeLessThan(
        mean(afternoon.map((reading) => reading.heartRate!)) - 6,
      );
    });

    it('keeps the battery between 0 and 100 and above 20 over a week', () => {
      const week = new WearableModel({ seed, startMs: MIDNIGHT, home: HOME, wornAtNight: true }).advanceTo(
        MIDNIGHT + 7 * DAY_MS,
      );
      const batteries = week.flatMap((uplink) => (uplink.kind === 'heartbeat' ? [uplink.battery] : []));
      expect(Math.min(...batteries)).toBeGreaterThan(20);
      expect(Math.max(...batteries)).toBeLessThanOrEqual(100);
    });
  });

  it('starts off the wrist at night and on it in the afternoon', () => {
    const atNight = new WearableModel({ seed: 'elder-0001', startMs: MIDNIGHT + 60 * MINUTE_MS, home: HOME });
    const afternoon = new WearableModel({ seed: 'elder-0001', startMs: MIDNIGHT + 14 * 60 * MINUTE_MS, home: HOME });
    expect(vitalsOf(atNight.advanceTo(MIDNIGHT + 2 * 60 * MINUTE_MS))).toEqual([]);
    expect(vitalsOf(afternoon.advanceTo(MIDNIGHT + 15 * 60 * MINUTE_MS))).toHaveLength(12);
  });

  it('reports vitals every reportSec from a config downlink on', () => {
    const sut = new WearableModel({ seed: 'elder-0001', startMs: MIDNIGHT + 14 * 60 * MINUTE_MS, home: HOME });
    sut.configure({ reportSec: 60, heartbeatSec: 600 }, MIDNIGHT + 14 * 60 * MINUTE_MS);
    const uplinks = sut.advanceTo(MIDNIGHT + 15 * 60 * MINUTE_MS);
    expect(vitalsOf(uplinks).length).toBeGreaterThanOrEqual(59);
    expect(uplinks.filter((uplink) => uplink.kind === 'heartbeat').length).toBeGreaterThanOrEqual(5);
  });
});
