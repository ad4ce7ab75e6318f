import { BedMatModel } from './bed-mat.model';
import { planDailyRoutine } from './daily-routine';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './local-time';
import { conformanceProblems } from './testing/protocol-conformance';
import type { UplinkBody } from './uplink-body';

type Bed = Extract<UplinkBody, { kind: 'bed' }>;

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const DAYS = 3;
const SEEDS = ['elder-0001', 'elder-0002', 'elder-0003', 'elder-0004'];
const bedReports = (uplinks: UplinkBody[]) => uplinks.filter((uplink): uplink is Bed => uplink.kind === 'bed');

/** The presence changes in the reports: each report whose inBed differs from the one before. */
function changes(reports: Bed[]): Bed[] {
  return reports.filter((report, index) => index === 0 || report.inBed !== reports[index - 1].inBed);
}

describe('BedMatModel', () => {
  describe.each(SEEDS)('over three days with seed %s', (seed) => {
    const uplinks = new BedMatModel({ seed, startMs: MIDNIGHT + 12 * HOUR_MS }).advanceTo(
      MIDNIGHT + (DAYS + 0.5) * DAY_MS,
    );
    const reports = bedReports(uplinks);

    it('sends only uplinks the protocol accepts from a bed mat, in time order', () => {
      expect(uplinks.flatMap((uplink) => conformanceProblems('bed_mat', uplink))).toEqual([]);
      expect(uplinks.map((uplink) => uplink.ts)).toEqual(uplinks.map((uplink) => uplink.ts).sort((a, b) => a! - b!));
    });

    it('reports once a minute, and a heartbeat every 15 minutes', () => {
      const minutes = DAYS * 24 * 60;
      expect(reports.length).toBeGreaterThanOrEqual(minutes);
      expect(reports.length).toBeLessThanOrEqual(minutes + 30 * DAYS + 1);
      expect(uplinks.filter((uplink) => uplink.kind === 'heartbeat')).toHaveLength(DAYS * 24 * 4);
    });

    it('has the elder in bed from bedtime to waking, with at most two short trips a night', () => {
      for (let day = 0; day < DAYS; day++) {
        const bedMs = planDailyRoutine(seed, MIDNIGHT + day * DAY_MS).bedMs;
        const wakeMs = planDailyRoutine(seed, MIDNIGHT + (day + 1) * DAY_MS).wakeMs;
        const night = changes(reports).filter((report) => report.ts! >= bedMs && report.ts! <= wakeMs);
        expect(night[0]).toMatchObject({ ts: bedMs, inBed: true });
        expect(night.at(-1)).toMatchObject({ ts: wakeMs, inBed: false });
        const trips = night.slice(1, -1);
        expect(trips.length / 2).toBeLessThanOrEqual(2);
        for (let trip = 0; trip < trips.length; trip += 2) {
          expect(trips[trip].inBed).toBe(false);
          expect(trips[trip + 1].ts! - trips[trip].ts!).toBeLessThanOrEqual(12 * MINUTE_MS);
        }
      }
    });

    it('is up in the day for meals at the table and the toilet, and otherwise mostly in bed', () => {
      const presenceAt = (atMs: number) => reports.filter((report) => report.ts! <= atMs).at(-1)!.inBed;
      for (let day = 1; day < DAYS; day++) {
        const routine = planDailyRoutine(seed, MIDNIGHT + day * DAY_MS);
        for (const meal of Object.values(routine.meals)) {
          expect(presenceAt(meal.startMs)).toBe(false);
          expect(presenceAt(meal.endMs)).toBe(false);
        }
        for (const visitMs of routine.toiletVisitsMs) expect(presenceAt(visitMs + MINUTE_MS)).toBe(false);
        const waking = reports.filter((report) => report.ts! >= routine.wakeMs && report.ts! < routine.bedMs);
        const inBedShare = waking.filter((report) => report.inBed).length / waking.length;
        expect(inBedShare).toBeGreaterThan(0.5);
        expect(waking.filter((report) => !report.inBed).every((report) => report.heartRate === undefined)).toBe(true);
      }
    });

    it('reads calm sleeping rates in bed, inside the default limits', () => {
      const inBed = reports.filter((report) => report.inBed);
      expect(inBed.length).toBeGreaterThan(DAYS * 400);
      inBed.forEach((report) => {
        expect(report.heartRate).toBeGreaterThanOrEqual(46);
        expect(report.heartRate).toBeLessThanOrEqual(90);
        expect(report.breathingRate).toBeGreaterThanOrEqual(11);
        expect(report.breathingRate).toBeLessThanOrEqual(24);
      });
    });
  });

  it('starts in bed when started in the night', () => {
    const start = MIDNIGHT + DAY_MS + 3 * HOUR_MS;
    const [first] = bedReports(
      new BedMatModel({ seed: 'elder-0001', startMs: start }).advanceTo(start + 2 * MINUTE_MS),
    );

    expect(first.inBed).toBe(true);
  });

  it('gives the same uplinks however time is cut into steps', () => {
    const options = { seed: 'elder-0002', startMs: MIDNIGHT };
    const once = new BedMatModel(options).advanceTo(MIDNIGHT + DAY_MS);
    const stepped = new BedMatModel(options);
    const inSteps: UplinkBody[] = [];
    for (let at = MIDNIGHT + 7 * MINUTE_MS; at <= MIDNIGHT + DAY_MS; at += 7 * MINUTE_MS)
      inSteps.push(...stepped.advanceTo(at));
    inSteps.push(...stepped.advanceTo(MIDNIGHT + DAY_MS));

    expect(inSteps).toEqual(once);
  });

  it('reports at the interval a config downlink sets', () => {
    const sut = new BedMatModel({ seed: 'elder-0003', startMs: MIDNIGHT });
    sut.advanceTo(MIDNIGHT + HOUR_MS);
    sut.configure({ reportSec: 300 }, MIDNIGHT + HOUR_MS);

    const nextHour = bedReports(sut.advanceTo(MIDNIGHT + 2 * HOUR_MS));
    expect(nextHour.length).toBeGreaterThanOrEqual(12);
    expect(nextHour.length).toBeLessThanOrEqual(14);
  });
});
