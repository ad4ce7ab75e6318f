import { EventEmitter } from 'node:events';
import { settleWithConcurrency } from './bounded-concurrency';
import type { DeviceModel } from './device-model';
import type { FleetMember } from './fleet-member';
import type { Downlink, Uplink } from './protocol-shim';
import { SimClock } from './sim-clock';
import { SimulatedDevice, type SimulatedDeviceOptions } from './simulated-device';
import { applyTimestampMode, defaultTimestampMode, type TimestampMode } from './timestamp-mode';
import type { UplinkBody } from './uplink-body';

/** Options of {@link FleetRunner}. */
export interface FleetRunnerOptions {
  url: string;
  members: readonly FleetMember[];
  /** Simulated epoch ms when driving begins; the members' models must start here too. */
  startMs: number;
  /** Simulated milliseconds per real millisecond: 1 real time, 60 an hour a minute. */
  speed: number;
  /** What goes in `ts`; default `simulated` at speed 1, `omit` otherwise. */
  timestamps?: TimestampMode;
  /** CONNECTs in flight at once; default 50. */
  connectConcurrency?: number;
  /** How often models are advanced; default 100 ms of real time. */
  tickMs?: number;
  /** How often `stats` is emitted; default 5000 ms of real time. */
  statsIntervalMs?: number;
  /** Passed to every device, for example `protocolVersion`. */
  deviceOptions?: Pick<SimulatedDeviceOptions, 'protocolVersion' | 'keepaliveSec' | 'connectTimeoutMs'>;
}

/** Counters of a running fleet. */
export interface FleetStats {
  /** Simulated epoch ms now. */
  simNowMs: number;
  devices: number;
  connected: number;
  connectFailures: number;
  /** Uplinks the broker acknowledged. */
  sent: number;
  sendFailures: number;
  /** Uplinks handed to the client and not yet acknowledged. */
  inFlight: number;
  downlinks: number;
  /** Acknowledged uplinks per real second since the previous `stats`. */
  sentPerSec: number;
}

/** Events of a {@link FleetRunner}. */
export interface FleetRunnerEvents {
  stats: [stats: FleetStats];
  'connect-failed': [deviceId: string, error: Error];
  sent: [deviceId: string, uplink: Uplink];
  'send-failed': [deviceId: string, error: Error];
  downlink: [deviceId: string, downlink: Downlink];
}

interface Running {
  device: SimulatedDevice;
  model: DeviceModel;
}

/**
 * Drives many simulated devices at once: connects them with bounded concurrency, then advances
 * every model on one accelerated clock and publishes what is due. The models give each device a
 * random phase, so a fleet's reports are spread evenly rather than arriving in step.
 * `config` downlinks re-time the device's model, as firmware would.
 */
export class FleetRunner extends EventEmitter<FleetRunnerEvents> {
  private readonly running: Running[] = [];
  private readonly timestamps: TimestampMode;
  private clock: SimClock | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private statsTimer: NodeJS.Timeout | undefined;
  private readonly counters = { connectFailures: 0, sent: 0, sendFailures: 0, inFlight: 0, downlinks: 0 };
  private lastRate = { atMs: 0, sent: 0, perSec: 0 };

  constructor(private readonly options: FleetRunnerOptions) {
    super();
    this.timestamps = options.timestamps ?? defaultTimestampMode(options.speed);
  }

  /**
   * Starts the clock and connects every member; each device starts talking as soon as it is connected, so a large
   * fleet is heard from within seconds. Resolves once every connection was tried; rejects if none succeeded.
   */
  async start(): Promise<void> {
    const { members, url, deviceOptions } = this.options;
    this.clock = new SimClock(this.options.startMs, this.options.speed);
    this.lastRate = { atMs: performance.now(), sent: 0, perSec: 0 };
    this.tickTimer = setInterval(() => this.tick(), this.options.tickMs ?? 100);
    this.statsTimer = setInterval(() => this.measureRate(), this.options.statsIntervalMs ?? 5000);
    await settleWithConcurrency(members, this.options.connectConcurrency ?? 50, async (member) => {
      try {
        const device = await SimulatedDevice.connect({ ...deviceOptions, url, ...member.credentials });
        this.running.push({ device, model: member.model });
        device.on('downlink', (downlink) => this.onDownlink(device, member.model, downlink));
      } catch (error) {
        this.counters.connectFailures += 1;
        this.emit('connect-failed', member.credentials.deviceId, error as Error);
      }
    });
    if (this.running.length === 0) {
      await this.stop();
      throw new Error(`none of the ${members.length} devices could connect to ${url}`);
    }
  }

  /** A connected member, to make it do something its model would not (an incident in a demo, a test). */
  device(deviceId: string): SimulatedDevice | undefined {
    return this.running.find((entry) => entry.device.deviceId === deviceId)?.device;
  }

  /** The counters now; `sentPerSec` is the rate measured at the last `stats` event. */
  stats(): FleetStats {
    return {
      simNowMs: this.clock?.now() ?? this.options.startMs,
      devices: this.options.members.length,
      connected: this.running.filter((entry) => entry.device.connected).length,
      ...this.counters,
      sentPerSec: this.lastRate.perSec,
    };
  }

  /** Stops driving and disconnects every device cleanly (offline status, then DISCONNECT). */
  async stop(): Promise<void> {
    clearInterval(this.tickTimer);
    clearInterval(this.statsTimer);
    await settleWithConcurrency(this.running, this.options.connectConcurrency ?? 50, (entry) => entry.device.close());
  }

  private measureRate(): void {
    const nowMs = performance.now();
    const perSec = (this.counters.sent - this.lastRate.sent) / ((nowMs - this.lastRate.atMs) / 1000);
    this.lastRate = { atMs: nowMs, sent: this.counters.sent, perSec };
    this.emit('stats', this.stats());
  }

  private tick(): void {
    const nowMs = this.clock!.now();
    for (const { device, model } of this.running) {
      for (const body of model.advanceTo(nowMs)) this.send(device, body);
    }
  }

  private send(device: SimulatedDevice, body: UplinkBody): void {
    this.counters.inFlight += 1;
    device.send(applyTimestampMode(body, this.timestamps)).then(
      (uplink) => {
        this.counters.inFlight -= 1;
        this.counters.sent += 1;
        this.emit('sent', device.deviceId, uplink);
      },
      (error: Error) => {
        this.counters.inFlight -= 1;
        this.counters.sendFailures += 1;
        this.emit('send-failed', device.deviceId, error);
      },
    );
  }

  private onDownlink(device: SimulatedDevice, model: DeviceModel, downlink: Downlink): void {
    this.counters.downlinks += 1;
    if (downlink.kind === 'config' && this.clock) model.configure(downlink, this.clock.now());
    this.emit('downlink', device.deviceId, downlink);
  }
}
