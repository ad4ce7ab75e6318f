import { planDailyRoutine } from './daily-routine';
import { clampIntervalSec, type DeviceConfig, type DeviceModel, type DeviceModelOptions } from './device-model';
import { CHINA_UTC_OFFSET_MINUTES, DAY_MS, MINUTE_MS, localDayStart } from './local-time';
import { PeriodicTimer } from './periodic-timer';
import { SeededRandom } from './seeded-random';
import type { UplinkBody } from './uplink-body';
import { flowChanges, planWaterUse, type FlowChange } from './water-use';

/** Options of {@link WaterMeterModel}. */
export interface WaterMeterModelOptions extends DeviceModelOptions {
  /** Seed of the elder's daily routine; the household's meter and watch share it. Default `seed`. */
  routineSeed?: string;
  /** The register at start, litres; default a seeded value of a few years' use. */
  registerLiters?: number;
  /** Battery at start, percent; default a seeded value between 60 and 100. */
  batteryPercent?: number;
}

/** A meter's lithium cell lasts about eight years. */
const DRAIN_PERCENT_PER_DAY = 100 / 2920;

/**
 * Smart water meter (智能水表) in one elder's home. The register counts the water of the elder's
 * daily routine (meals, washing, toilet flushes; nothing at night) and never goes backwards. Reports
 * `water` every `reportSec` (default 900) and when flow starts or stops, `heartbeat` every
 * `heartbeatSec` (default 3600).
 */
export class WaterMeterModel implements DeviceModel {
  readonly type = 'water_meter' as const;
  private readonly report: PeriodicTimer;
  private readonly heartbeat: PeriodicTimer;
  private readonly routineSeed: string;
  private readonly utcOffsetMinutes: number;
  private readonly startBattery: number;
  /** Planned flow changes not yet reached, in time order. */
  private pending: FlowChange[] = [];
  /** Local midnight after the last planned day. */
  private plannedUntilMs: number;
  private cursorMs: number;
  private totalLiters: number;
  private flowLpm = 0;

  constructor(private readonly options: WaterMeterModelOptions) {
    const random = SeededRandom.from(options.seed, 'water_meter');
    const reportMs = clampIntervalSec(options.config?.reportSec ?? 900) * 1000;
    const heartbeatMs = clampIntervalSec(options.config?.heartbeatSec ?? 3600) * 1000;
    this.report = new PeriodicTimer(reportMs, options.startMs + random.next() * reportMs);
    this.heartbeat = new PeriodicTimer(heartbeatMs, options.startMs + random.next() * heartbeatMs);
    this.totalLiters = options.registerLiters ?? Math.round(random.between(3_000, 40_000) * 10) / 10;
    this.startBattery = options.batteryPercent ?? random.between(60, 100);
    this.routineSeed = options.routineSeed ?? options.seed;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
    this.cursorMs = options.startMs;
    this.plannedUntilMs = localDayStart(options.startMs, this.utcOffsetMinutes);
    this.planNextDay();
    // Water already running when the simulation starts is the meter's state, not news.
    while (this.pending.length > 0 && this.pending[0].atMs < options.startMs)
      this.flowLpm = this.pending.shift()!.flowLpm;
  }

  advanceTo(nowMs: number): UplinkBody[] {
    const uplinks: UplinkBody[] = [];
    for (;;) {
      const timersAtMs = Math.min(this.report.nextAtMs, this.heartbeat.nextAtMs);
      while (this.pending.length === 0 && this.plannedUntilMs <= timersAtMs) this.planNextDay();
      const atMs = Math.min(this.pending[0]?.atMs ?? Infinity, timersAtMs);
      if (atMs > nowMs) return uplinks;

      this.integrateTo(atMs);
      let reported = false;
      if (this.pending[0]?.atMs === atMs) {
        const wasFlowing = this.flowLpm > 0;
        this.flowLpm = this.pending.shift()!.flowLpm;
        if (wasFlowing !== this.flowLpm > 0) {
          uplinks.push(this.reading(atMs));
          reported = true;
        }
      }
      if (this.report.nextAtMs === atMs) {
        this.report.fire();
        // A start or stop report at the same instant already said it.
        if (!reported) uplinks.push(this.reading(atMs));
      }
      if (this.heartbeat.nextAtMs === atMs) {
        this.heartbeat.fire();
        uplinks.push({ kind: 'heartbeat', ts: atMs, battery: this.batteryAt(atMs) });
      }
    }
  }

  configure(config: DeviceConfig, atMs: number): void {
    if (config.reportSec !== undefined) this.report.retime(clampIntervalSec(config.reportSec) * 1000, atMs);
    if (config.heartbeatSec !== undefined) this.heartbeat.retime(clampIntervalSec(config.heartbeatSec) * 1000, atMs);
  }

  private planNextDay(): void {
    const routine = planDailyRoutine(this.routineSeed, this.plannedUntilMs);
    // Every episode ends before bedtime, so each day's changes start and end at zero flow.
    this.pending.push(...flowChanges(planWaterUse(routine, this.options.seed)));
    // The offset is fixed (China keeps no daylight saving), so every local day is 24 hours long.
    this.plannedUntilMs += DAY_MS;
  }

  /** Only ever called at event times, so that the register is the same however time is stepped. */
  private integrateTo(atMs: number): void {
    this.totalLiters += (this.flowLpm * (atMs - this.cursorMs)) / MINUTE_MS;
    this.cursorMs = atMs;
  }

  private reading(atMs: number): UplinkBody {
    return { kind: 'water', ts: atMs, totalLiters: Math.round(this.totalLiters * 10) / 10, flowLpm: this.flowLpm };
  }

  private batteryAt(atMs: number): number {
    const drained = ((atMs - this.options.startMs) / DAY_MS) * DRAIN_PERCENT_PER_DAY;
    return Math.max(0, Math.min(100, Math.floor(this.startBattery - drained)));
  }
}
