import type { GeoPoint } from '../geo-point';
import { MsgIdSequence } from '../msg-id-sequence';
import type { DeviceType, Uplink } from '../protocol-shim';
import type { UplinkBody } from '../uplink-body';

/** One uplink of a timeline: which device sends what, when (simulated epoch ms). */
export interface TimelineEntry {
  atMs: number;
  deviceId: string;
  uplink: Uplink;
}

/** The scripted situations the platform must recognise. */
export type ScenarioName =
  | 'sos-press'
  | 'sos-cancelled'
  | 'fall'
  | 'no-water-day'
  | 'tap-running'
  | 'left-safe-zone'
  | 'device-silent'
  | 'asleep'
  | 'bed-no-return';

/** What a scenario's timeline is generated from. */
export interface ScenarioOptions {
  /** Simulated epoch ms of the first uplink. */
  startMs: number;
  deviceId: string;
  /** The elder's home, for scenarios with a position; default the demo city centre. */
  home?: GeoPoint;
}

/**
 * A scripted situation as a pure timeline: the same options give the same uplinks, msgIds included,
 * so a test can know the msgId an ack will refer to before anything is sent.
 */
export interface Scenario {
  readonly name: ScenarioName;
  /** zh-CN first, English second, as the dispatch console shows things. */
  readonly title: string;
  readonly deviceType: DeviceType;
  /**
   * How the device leaves once the timeline is played: `disconnect` cleanly, or `drop` the socket
   * (a flat battery says no goodbye) so that the broker publishes its last will.
   */
  readonly ending: 'disconnect' | 'drop';
  timeline(options: ScenarioOptions): TimelineEntry[];
}

/**
 * Collects one device's uplinks for a timeline, numbering msgIds from the scenario name and start
 * time: unique per device, and unlike any live device's boot-id numbering.
 */
export class TimelineBuilder {
  private readonly entries: TimelineEntry[] = [];
  private readonly msgIds: MsgIdSequence;

  constructor(
    private readonly deviceId: string,
    name: ScenarioName,
    startMs: number,
  ) {
    this.msgIds = new MsgIdSequence(`${name}-${startMs.toString(36)}`);
  }

  /** Adds `body` at `atMs`; its `ts` is `atMs`. */
  add(atMs: number, body: UplinkBody): this {
    this.entries.push({ atMs, deviceId: this.deviceId, uplink: { msgId: this.msgIds.next(), ...body, ts: atMs } });
    return this;
  }

  /** The entries in time order (stable for equal times). */
  build(): TimelineEntry[] {
    return [...this.entries].sort((a, b) => a.atMs - b.atMs);
  }
}
