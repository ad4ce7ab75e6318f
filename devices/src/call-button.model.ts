import { clampIntervalSec, type DeviceConfig, type DeviceModel, type DeviceModelOptions } from './device-model';
import { DAY_MS } from './local-time';
import { PeriodicTimer } from './periodic-timer';
import { SeededRandom } from './seeded-random';
import type { UplinkBody } from './uplink-body';

/** Options of {@link CallButtonModel}. */
export interface CallButtonModelOptions extends DeviceModelOptions {
  /** Battery at start, percent; default a seeded value between 40 and 100. */
  batteryPercent?: number;
}

/** A coin-cell button lasts about two years on a 15-minute heartbeat. */
const DRAIN_PERCENT_PER_DAY = 100 / 730;

/**
 * Emergency-call button (一键呼叫器) at rest: a heartbeat every `heartbeatSec` (default 900) with a
 * battery that drains slowly. Presses and cancellations are events, not behaviour: scenarios and the
 * CLI send them.
 */
export class CallButtonModel implements DeviceModel {
  readonly type = 'call_button' as const;
  private readonly heartbeat: PeriodicTimer;
  private readonly startBattery: number;

  constructor(private readonly options: CallButtonModelOptions) {
    const random = SeededRandom.from(options.seed, 'call_button');
    const periodMs = clampIntervalSec(options.config?.heartbeatSec ?? 900) * 1000;
    this.heartbeat = new PeriodicTimer(periodMs, options.startMs + random.next() * periodMs);
    this.startBattery = options.batteryPercent ?? random.between(40, 100);
  }

  advanceTo(nowMs: number): UplinkBody[] {
    const uplinks: UplinkBody[] = [];
    while (this.heartbeat.nextAtMs <= nowMs) {
      const ts = this.heartbeat.nextAtMs;
      this.heartbeat.fire();
      uplinks.push({ kind: 'heartbeat', ts, battery: this.batteryAt(ts) });
    }
    return uplinks;
  }

  configure(config: DeviceConfig, atMs: number): void {
    if (config.heartbeatSec !== undefined) this.heartbeat.retime(clampIntervalSec(config.heartbeatSec) * 1000, atMs);
  }

  private batteryAt(atMs: number): number {
    const drained = ((atMs - this.options.startMs) / DAY_MS) * DRAIN_PERCENT_PER_DAY;
    return Math.max(0, Math.min(100, Math.floor(this.startBattery - drained)));
  }
}
