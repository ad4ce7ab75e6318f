import { planDailyRoutine, type DailyRoutine, type Walk } from './daily-routine';
import { clampIntervalSec, type DeviceConfig, type DeviceModel, type DeviceModelOptions } from './device-model';
import { offsetByMeters, roundCoordinates, type GeoPoint } from './geo-point';
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, HOUR_MS, MINUTE_MS, localDayStart, localMinuteOfDay } from './local-time';
import { PeriodicTimer } from './periodic-timer';
import { SeededRandom } from './seeded-random';
import type { UplinkBody } from './uplink-body';

/** Options of {@link WearableModel}. */
export interface WearableModelOptions extends DeviceModelOptions {
  /** Where the elder lives; walks start and end here. */
  home: GeoPoint;
  /** Seed of the elder's daily routine; the household's meter and watch share it. Default `seed`. */
  routineSeed?: string;
  /**
   * Some families ask the elder to sleep with the watch on so that a fall on the way to the toilet
   * at night is caught; then it comes off only to wash (and charge), morning and evening.
   * Default false: off at night.
   */
  wornAtNight?: boolean;
  /** Battery at start, percent; default a seeded value between 70 and 100. */
  batteryPercent?: number;
}

interface WearChange {
  atMs: number;
  worn: boolean;
}

/** A 4G watch with GPS lasts about three days on the wrist, and charges in two hours on its cradle. */
const DRAIN_PERCENT_PER_HOUR = 1.4;
const CHARGE_PERCENT_PER_HOUR = 60;

/**
 * Watch or band (智能手环/手表) on one elder's wrist. While worn: `vitals` every `reportSec`
 * (default 300) with a heart rate that follows the day (and drops in sleep) and rises on walks,
 * steps counted since local midnight, and `location` at each report while the elder is out on a
 * walk near home. `worn` when it goes on after the morning wash and comes off before the evening
 * one (it charges off the wrist), `heartbeat` every `heartbeatSec` (default 900). SOS and falls
 * are events: scenarios send them.
 */
export class WearableModel implements DeviceModel {
  readonly type = 'wearable' as const;
  private readonly report: PeriodicTimer;
  private readonly heartbeat: PeriodicTimer;
  private readonly noise: SeededRandom;
  private readonly routineSeed: string;
  private readonly utcOffsetMinutes: number;
  private readonly restingHeartRate: number;
  private pendingWear: WearChange[] = [];
  private plannedUntilMs: number;
  private routineCache: DailyRoutine | undefined;
  private worn: boolean;
  private batteryPercent: number;
  private batteryAtMs: number;
  private steps = 0;
  private stepsDayStartMs: number;
  private stepsCountedToMs: number;

  constructor(private readonly options: WearableModelOptions) {
    const random = SeededRandom.from(options.seed, 'wearable');
    const reportMs = clampIntervalSec(options.config?.reportSec ?? 300) * 1000;
    const heartbeatMs = clampIntervalSec(options.config?.heartbeatSec ?? 900) * 1000;
    this.report = new PeriodicTimer(reportMs, options.startMs + random.next() * reportMs);
    this.heartbeat = new PeriodicTimer(heartbeatMs, options.startMs + random.next() * heartbeatMs);
    this.restingHeartRate = random.between(62, 78);
    this.batteryPercent = options.batteryPercent ?? random.between(70, 100);
    this.noise = SeededRandom.from(options.seed, 'wearable-noise');
    this.routineSeed = options.routineSeed ?? options.seed;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
    this.batteryAtMs = options.startMs;
    this.stepsCountedToMs = options.startMs;
    this.stepsDayStartMs = localDayStart(options.startMs, this.utcOffsetMinutes);
    this.plannedUntilMs = this.stepsDayStartMs;
    const today = this.routineOf(this.stepsDayStartMs);
    const at = options.startMs;
    this.worn = options.wornAtNight
      ? !((today.wakeMs <= at && at < today.watchOnMs) || (today.watchOffMs <= at && at < today.bedMs))
      : today.watchOnMs <= at && at < today.watchOffMs;
    this.planNextDay();
    this.pendingWear = this.pendingWear.filter((change) => change.atMs >= options.startMs);
  }

  advanceTo(nowMs: number): UplinkBody[] {
    const uplinks: UplinkBody[] = [];
    for (;;) {
      const timersAtMs = Math.min(this.report.nextAtMs, this.heartbeat.nextAtMs);
      while (this.pendingWear.length === 0 && this.plannedUntilMs <= timersAtMs) this.planNextDay();
      const atMs = Math.min(this.pendingWear[0]?.atMs ?? Infinity, timersAtMs);
      if (atMs > nowMs) return uplinks;

      this.chargeOrDrainTo(atMs);
      if (this.pendingWear[0]?.atMs === atMs) {
        const { worn } = this.pendingWear.shift()!;
        if (worn) this.stepsCountedToMs = atMs;
        this.worn = worn;
        uplinks.push({ kind: 'worn', ts: atMs, worn });
      }
      if (this.report.nextAtMs === atMs) {
        this.report.fire();
        if (this.worn) uplinks.push(...this.readings(atMs));
      }
      if (this.heartbeat.nextAtMs === atMs) {
        this.heartbeat.fire();
        uplinks.push({ kind: 'heartbeat', ts: atMs, battery: Math.round(this.batteryPercent) });
      }
    }
  }

  configure(config: DeviceConfig, atMs: number): void {
    if (config.reportSec !== undefined) this.report.retime(clampIntervalSec(config.reportSec) * 1000, atMs);
    if (config.heartbeatSec !== undefined) this.heartbeat.retime(clampIntervalSec(config.heartbeatSec) * 1000, atMs);
  }

  private planNextDay(): void {
    const routine = this.routineOf(this.plannedUntilMs);
    this.pendingWear.push(
      ...(this.options.wornAtNight
        ? [
            { atMs: routine.wakeMs, worn: false },
            { atMs: routine.watchOnMs, worn: true },
            { atMs: routine.watchOffMs, worn: false },
            { atMs: routine.bedMs, worn: true },
          ]
        : [
            { atMs: routine.watchOnMs, worn: true },
            { atMs: routine.watchOffMs, worn: false },
          ]),
    );
    // The offset is fixed (China keeps no daylight saving), so every local day is 24 hours long.
    this.plannedUntilMs += DAY_MS;
  }

  private routineOf(dayStartMs: number): DailyRoutine {
    const cached = this.routineCache;
    if (cached?.dayStartMs === dayStartMs) return cached;
    return (this.routineCache = planDailyRoutine(this.routineSeed, dayStartMs));
  }

  /** Battery changes linearly between events, so integrating at event times alone is exact. */
  private chargeOrDrainTo(atMs: number): void {
    const hours = (atMs - this.batteryAtMs) / HOUR_MS;
    const change = this.worn ? -DRAIN_PERCENT_PER_HOUR * hours : CHARGE_PERCENT_PER_HOUR * hours;
    this.batteryPercent = Math.min(100, Math.max(0, this.batteryPercent + change));
    this.batteryAtMs = atMs;
  }

  private readings(atMs: number): UplinkBody[] {
    const routine = this.routineOf(localDayStart(atMs, this.utcOffsetMinutes));
    const walk = routine.walks.find((candidate) => candidate.startMs <= atMs && atMs < candidate.endMs);
    const asleep = atMs < routine.wakeMs || atMs >= routine.bedMs;
    const justAte = Object.values(routine.meals).some(
      (meal) => meal.endMs <= atMs && atMs < meal.endMs + 30 * MINUTE_MS,
    );
    // 0 before waking, rising to 1 in mid-afternoon, back to 0 at bedtime: the daily rhythm of pulse and skin temperature.
    const minute = localMinuteOfDay(atMs, this.utcOffsetMinutes);
    const daytime = minute >= 360 && minute <= 1320 ? Math.sin((Math.PI * (minute - 360)) / 960) : 0;

    const heartRate =
      this.restingHeartRate +
      3 * daytime +
      (walk ? 18 : 0) +
      (justAte ? 4 : 0) +
      (asleep ? -9 : 0) +
      this.noise.normal(0, 2.5);
    const spo2 = this.noise.normal(asleep ? 95.6 : 96.8, 0.9);
    const bodyTempC = 36.4 + 0.3 * daytime + (walk ? 0.2 : 0) + (asleep ? -0.2 : 0) + this.noise.normal(0, 0.1);
    const vitals: UplinkBody = {
      kind: 'vitals',
      ts: atMs,
      heartRate: clamp(Math.round(heartRate), 40, 160),
      spo2: clamp(Math.round(spo2), 90, 99),
      bodyTempC: clamp(Math.round(bodyTempC * 10) / 10, 35.5, 37.5),
      steps: this.countStepsTo(atMs, routine),
    };
    return walk ? [vitals, this.location(atMs, walk)] : [vitals];
  }

  /** Steps since local midnight, counted only while the watch is on. */
  private countStepsTo(atMs: number, routine: DailyRoutine): number {
    if (routine.dayStartMs !== this.stepsDayStartMs) {
      this.steps = 0;
      this.stepsDayStartMs = routine.dayStartMs;
      this.stepsCountedToMs = Math.max(this.stepsCountedToMs, routine.dayStartMs);
    }
    const minutes = (atMs - this.stepsCountedToMs) / MINUTE_MS;
    const walkingMinutes =
      routine.walks.reduce(
        (sum, walk) => sum + Math.max(0, Math.min(atMs, walk.endMs) - Math.max(this.stepsCountedToMs, walk.startMs)),
        0,
      ) / MINUTE_MS;
    // Out walking an elder takes 80 to 100 steps a minute; pottering at home, a few.
    this.steps += Math.round(
      walkingMinutes * this.noise.between(80, 100) + (minutes - walkingMinutes) * this.noise.between(0, 5),
    );
    this.stepsCountedToMs = atMs;
    return this.steps;
  }

  /** On a loop walk: round a circle whose near side is the front door. */
  private location(atMs: number, walk: Walk): UplinkBody {
    const progress = (atMs - walk.startMs) / (walk.endMs - walk.startMs);
    const bearing = (walk.bearingDeg * Math.PI) / 180;
    const angle = bearing + Math.PI + 2 * Math.PI * progress;
    const northM = walk.radiusM * (Math.cos(bearing) + Math.cos(angle)) + this.noise.normal(0, 4);
    const eastM = walk.radiusM * (Math.sin(bearing) + Math.sin(angle)) + this.noise.normal(0, 4);
    const point = roundCoordinates(offsetByMeters(this.options.home, northM, eastM));
    return {
      kind: 'location',
      ts: atMs,
      lat: point.lat,
      lon: point.lon,
      accuracyM: Math.round(this.noise.between(5, 20)),
    };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
