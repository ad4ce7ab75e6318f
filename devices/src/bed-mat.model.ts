import { planDailyRoutine, type DailyRoutine, type TimeSpan } from './daily-routine';
import { clampIntervalSec, type DeviceConfig, type DeviceModel, type DeviceModelOptions } from './device-model';
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, MINUTE_MS, localDayStart } from './local-time';
import { PeriodicTimer } from './periodic-timer';
import { SeededRandom } from './seeded-random';
import type { UplinkBody } from './uplink-body';

/** Options of {@link BedMatModel}. */
export interface BedMatModelOptions extends DeviceModelOptions {
  /** Seed of the elder's daily routine; the household's devices share it. Default `seed`. */
  routineSeed?: string;
}

interface PresenceChange {
  atMs: number;
  inBed: boolean;
}

/**
 * Bed-sensor mat (智能床垫) under the mattress of an elder with a care bed at home, who needs care and spends most of
 * the day in bed too. The elder lies down at the routine's bedtime and gets up at its waking time, with up to two
 * short trips to the toilet in the night; in the day they are up only for the morning wash, meals at the table,
 * the toilet, walks (helped) and the evening wash, all from the routine the household's other devices share. A `bed`
 * report goes out at once when the elder gets in or out, and every `reportSec` (default 60): with a calm heart rate
 * and breathing rate while in bed, none while the bed is empty. `heartbeat` every `heartbeatSec` (default 900); the mat runs on mains
 * with a backup cell, so its battery reads full.
 */
export class BedMatModel implements DeviceModel {
  readonly type = 'bed_mat' as const;
  private readonly report: PeriodicTimer;
  private readonly heartbeat: PeriodicTimer;
  private readonly noise: SeededRandom;
  private readonly routineSeed: string;
  private readonly sleepingHeartRate: number;
  private readonly breathingRate: number;
  private pending: PresenceChange[] = [];
  /** Local midnight of the next day whose night is not yet planned. */
  private plannedUntilMs: number;
  private inBed: boolean;

  constructor(private readonly options: BedMatModelOptions) {
    const random = SeededRandom.from(options.seed, 'bed-mat');
    const reportMs = clampIntervalSec(options.config?.reportSec ?? 60) * 1000;
    const heartbeatMs = clampIntervalSec(options.config?.heartbeatSec ?? 900) * 1000;
    this.report = new PeriodicTimer(reportMs, options.startMs + random.next() * reportMs);
    this.heartbeat = new PeriodicTimer(heartbeatMs, options.startMs + random.next() * heartbeatMs);
    this.sleepingHeartRate = random.between(54, 66);
    this.breathingRate = random.between(13, 17);
    this.noise = SeededRandom.from(options.seed, 'bed-mat-noise');
    this.routineSeed = options.routineSeed ?? options.seed;
    // The night in progress at the start began the day before.
    this.plannedUntilMs = localDayStart(options.startMs, options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES) - DAY_MS;
    this.planNextNight();
    this.planNextNight();
    const past = this.pending.filter((change) => change.atMs < options.startMs);
    this.inBed = past.at(-1)?.inBed ?? false;
    this.pending = this.pending.filter((change) => change.atMs >= options.startMs);
  }

  advanceTo(nowMs: number): UplinkBody[] {
    const uplinks: UplinkBody[] = [];
    for (;;) {
      const timersAtMs = Math.min(this.report.nextAtMs, this.heartbeat.nextAtMs);
      while (this.plannedUntilMs <= timersAtMs) this.planNextNight();
      const atMs = Math.min(this.pending[0]?.atMs ?? Infinity, timersAtMs);
      if (atMs > nowMs) return uplinks;

      if (this.pending[0]?.atMs === atMs) {
        this.inBed = this.pending.shift()!.inBed;
        uplinks.push(this.bedReport(atMs));
      }
      if (this.report.nextAtMs === atMs) {
        this.report.fire();
        uplinks.push(this.bedReport(atMs));
      }
      if (this.heartbeat.nextAtMs === atMs) {
        this.heartbeat.fire();
        uplinks.push({ kind: 'heartbeat', ts: atMs, battery: 100 });
      }
    }
  }

  configure(config: DeviceConfig, atMs: number): void {
    if (config.reportSec !== undefined) this.report.retime(clampIntervalSec(config.reportSec) * 1000, atMs);
    if (config.heartbeatSec !== undefined) this.heartbeat.retime(clampIntervalSec(config.heartbeatSec) * 1000, atMs);
  }

  /**
   * The day at `plannedUntilMs` after waking (up for what the routine has the elder do, back in bed between) and the
   * night that follows: to bed, the toilet trips, up the next morning.
   */
  private planNextNight(): void {
    const dayStartMs = this.plannedUntilMs;
    const routine = planDailyRoutine(this.routineSeed, dayStartMs);
    const bedMs = routine.bedMs;
    const wakeMs = planDailyRoutine(this.routineSeed, dayStartMs + DAY_MS).wakeMs;
    const random = SeededRandom.from(this.options.seed, 'night', dayStartMs);
    const trips = random.int(0, 2);
    const changes: PresenceChange[] = [...upDuringTheDay(routine), { atMs: bedMs, inBed: true }];
    for (let trip = 0; trip < trips; trip++) {
      // One trip in each half of the night, so two never overlap.
      const half = (wakeMs - bedMs) / 2;
      const outMs = Math.round(bedMs + trip * half + random.between(0.2, 0.8) * half);
      changes.push(
        { atMs: outMs, inBed: false },
        { atMs: outMs + Math.round(random.between(4, 12) * MINUTE_MS), inBed: true },
      );
    }
    changes.push({ atMs: wakeMs, inBed: false });
    this.pending.push(...changes);
    this.plannedUntilMs += DAY_MS;
  }

  private bedReport(atMs: number): UplinkBody {
    if (!this.inBed) return { kind: 'bed', ts: atMs, inBed: false };
    return {
      kind: 'bed',
      ts: atMs,
      inBed: true,
      heartRate: Math.round(clamp(this.sleepingHeartRate + this.noise.normal(0, 2), 46, 90)),
      breathingRate: Math.round(clamp(this.breathingRate + this.noise.normal(0, 1), 11, 24)),
    };
  }
}

/**
 * When the elder is out of bed in the day, as presence changes: from waking to after the morning wash, at the table
 * for meals, on the toilet, out on walks, and from the evening wash to bedtime; spans that meet are one.
 */
function upDuringTheDay(routine: DailyRoutine): PresenceChange[] {
  const around = (span: TimeSpan, beforeMin: number, afterMin: number): TimeSpan => ({
    startMs: span.startMs - beforeMin * MINUTE_MS,
    endMs: span.endMs + afterMin * MINUTE_MS,
  });
  const spans = [
    { startMs: routine.wakeMs, endMs: routine.morningWash.endMs + 10 * MINUTE_MS },
    ...Object.values(routine.meals).map((meal) => around(meal, 5, 5)),
    ...routine.toiletVisitsMs.map((atMs) => ({ startMs: atMs, endMs: atMs + 6 * MINUTE_MS })),
    ...routine.walks.map((walk) => around(walk, 5, 5)),
    // The elder goes to bed straight after the evening wash: the night's lying down ends this span.
    { startMs: routine.eveningWash.startMs - 5 * MINUTE_MS, endMs: routine.bedMs },
  ].sort((a, b) => a.startMs - b.startMs);
  const merged: TimeSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.startMs <= last.endMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ ...span });
  }
  const lastSpan = merged.pop()!;
  // The day starts with getting up; the last span runs into bedtime, so only its getting up is planned here.
  return [
    ...merged.flatMap((span, index) => [
      ...(index === 0 ? [] : [{ atMs: span.startMs, inBed: false }]),
      { atMs: span.endMs, inBed: true },
    ]),
    ...(merged.length === 0 ? [] : [{ atMs: lastSpan.startMs, inBed: false }]),
  ];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
