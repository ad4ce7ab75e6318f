import { EventEmitter } from 'node:events';
import mqtt, { type MqttClient } from 'mqtt';
import { AlarmRepeater } from './alarm-repeater';
import { MsgIdSequence } from './msg-id-sequence';
import {
  decodeDownlink,
  deviceTopic,
  encodeUplink,
  isAlarmKind,
  type DeviceType,
  type Downlink,
  type Uplink,
} from './protocol-shim';
import type { UplinkBody } from './uplink-body';

/** How to reach the broker as one device. */
export interface SimulatedDeviceOptions {
  /** Broker URL, for example `mqtt://127.0.0.1:1883`. */
  url: string;
  deviceId: string;
  type: DeviceType;
  secret: string;
  /** MQTT 3.1.1 (4, default) or 5. */
  protocolVersion?: 4 | 5;
  /** Keep-alive interval; default 60 s. A killed device's last will fires when the broker sees the socket close. */
  keepaliveSec?: number;
  /** How long the first connection may take; default 10 s. */
  connectTimeoutMs?: number;
  /** Wait before reconnecting after a lost connection; default 1000 ms, 0 never reconnects. */
  reconnectPeriodMs?: number;
  /** First part of every msgId; default a fresh boot id, so restarts never reuse an id. */
  msgIdPrefix?: string;
  /**
   * Where sos, fall and cancel are published: their own `alarm` topic (default), or `up` with everything else, as
   * firmware made before the alarm topic does.
   */
  alarmTopic?: 'alarm' | 'up';
  /** How often an sos or fall is repeated, same msgId, until the platform answers `received`; default 10 s, 0 never. */
  alarmRepeatMs?: number;
}

/** The protocol page's interval for repeating an unanswered sos or fall. */
const ALARM_REPEAT_MS = 10_000;

/** Options of {@link SimulatedDevice.publishRaw}. */
export interface RawPublishOptions {
  /** Any topic, to test the broker's refusal; default the device's own `up` topic. */
  topic?: string;
  /** Default 1. */
  qos?: 0 | 1;
  retain?: boolean;
}

/** Events of a {@link SimulatedDevice}. */
export interface SimulatedDeviceEvents {
  /** A well-formed downlink arrived on the device's `down` topic. */
  downlink: [downlink: Downlink];
  /** Something arrived on `down` that firmware could not read. */
  'invalid-downlink': [payload: Buffer];
  /** An unanswered sos or fall was published again (same msgId). */
  'alarm-repeated': [uplink: Uplink];
  /** (Re)connected and announced online. */
  online: [];
  /** The connection was lost; the client retries unless closed. */
  offline: [];
  /** The broker refused or dropped the connection. Not `error`, so that an unheeded one cannot crash the process. */
  'connection-error': [error: Error];
}

interface DownlinkWaiter {
  predicate: (downlink: Downlink) => boolean;
  resolve: (downlink: Downlink) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const STATUS_ONLINE = JSON.stringify({ online: true });
const STATUS_OFFLINE = JSON.stringify({ online: false });
/** MQTT 5 needs a session expiry for downlinks to wait while the device is away; a week covers a holiday with the battery out. */
const SESSION_EXPIRY_SEC = 7 * 24 * 3600;

/**
 * One device on the broker, speaking protocol v1 as firmware does: a persistent session, a retained
 * online status with the offline status as its last will, QoS 1 uplinks with numbered msgIds (alarms on
 * their own topic, sos and fall repeated until answered), and a subscription to its own `down` topic.
 * Start one with {@link SimulatedDevice.connect}.
 *
 * @example
 * const device = await SimulatedDevice.connect({ url, deviceId: 'btn-0001', type: 'call_button', secret });
 * const sos = await device.send({ kind: 'sos' });
 * await device.nextDownlink((d) => d.kind === 'ack' && d.ref === sos.msgId, 5000);
 */
export class SimulatedDevice extends EventEmitter<SimulatedDeviceEvents> {
  readonly deviceId: string;
  readonly type: DeviceType;
  private readonly received: Downlink[] = [];
  private readonly claimed = new Set<Downlink>();
  private readonly waiters: DownlinkWaiter[] = [];
  private readonly msgIds: MsgIdSequence;
  private readonly upTopic: string;
  private readonly alarmTopic: string;
  private readonly statusTopic: string;
  private readonly downTopic: string;
  private readonly repeater: AlarmRepeater;

  private constructor(
    private readonly client: MqttClient,
    options: SimulatedDeviceOptions,
  ) {
    super();
    this.deviceId = options.deviceId;
    this.type = options.type;
    this.msgIds = new MsgIdSequence(options.msgIdPrefix);
    this.upTopic = deviceTopic(options.deviceId, 'up');
    this.alarmTopic = deviceTopic(options.deviceId, options.alarmTopic ?? 'alarm');
    this.repeater = new AlarmRepeater(
      options.alarmRepeatMs ?? ALARM_REPEAT_MS,
      async (uplink) => {
        this.emit('alarm-repeated', uplink);
        await this.publish(uplink);
      },
      (error) => this.emit('connection-error', error),
    );
    this.statusTopic = deviceTopic(options.deviceId, 'status');
    this.downTopic = deviceTopic(options.deviceId, 'down');
    client.on('message', (topic, payload) => {
      if (topic === this.downTopic) this.onDownlink(payload);
    });
    client.on('offline', () => this.emit('offline'));
    client.on('error', (error) => this.emit('connection-error', error));
  }

  /**
   * Connects, subscribes to `down` and announces itself online. Rejects, and leaves nothing running,
   * when the broker cannot be reached in time or refuses the device (bad secret, unknown id).
   */
  static async connect(options: SimulatedDeviceOptions): Promise<SimulatedDevice> {
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const client = mqtt.connect(options.url, {
      clientId: options.deviceId,
      username: options.deviceId,
      password: options.secret,
      clean: false,
      protocolVersion: options.protocolVersion ?? 4,
      properties: options.protocolVersion === 5 ? { sessionExpiryInterval: SESSION_EXPIRY_SEC } : undefined,
      keepalive: options.keepaliveSec ?? 60,
      connectTimeout: connectTimeoutMs,
      reconnectPeriod: options.reconnectPeriodMs ?? 1000,
      will: {
        topic: deviceTopic(options.deviceId, 'status'),
        payload: Buffer.from(STATUS_OFFLINE),
        qos: 1,
        retain: true,
      },
    });
    const device = new SimulatedDevice(client, options);
    try {
      await device.firstConnection(connectTimeoutMs);
      await device.goOnline(true);
      client.on('connect', () => {
        device.goOnline(false).catch((error: Error) => device.emit('connection-error', error));
      });
      return device;
    } catch (error) {
      client.end(true);
      throw new Error(`${options.deviceId} could not connect to ${options.url}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** True while the connection to the broker is up. */
  get connected(): boolean {
    return this.client.connected;
  }

  /** Every well-formed downlink received, oldest first. */
  get downlinks(): readonly Downlink[] {
    return this.received;
  }

  /** Numbers `body` with the next msgId and publishes it; resolves with the uplink once the broker has it (PUBACK). */
  async send(body: UplinkBody): Promise<Uplink> {
    const uplink: Uplink = { msgId: this.msgIds.next(), ...body };
    await this.publish(uplink);
    return uplink;
  }

  /** The msgIds of the sos and fall this device is still repeating, for want of `received`. */
  get unansweredAlarms(): string[] {
    return this.repeater.unanswered;
  }

  /**
   * Publishes a complete uplink exactly as given, with QoS 1: an alarm on the alarm topic (see `alarmTopic`),
   * anything else on `up`. Publishing an uplink that was already sent is a retransmission: same msgId, which the
   * platform must handle once. An sos or fall is repeated until the platform answers it.
   */
  async publish(uplink: Uplink): Promise<void> {
    const topic = isAlarmKind(uplink.kind) ? this.alarmTopic : this.upTopic;
    this.repeater.watch(uplink);
    await this.client.publishAsync(topic, encodeUplink(uplink), { qos: 1 });
  }

  /** Publishes bytes as they are, for hostile-input tests: bad JSON, unknown fields, oversize, other devices' topics. */
  async publishRaw(payload: string | Buffer, options: RawPublishOptions = {}): Promise<void> {
    await this.client.publishAsync(options.topic ?? this.upTopic, payload, {
      qos: options.qos ?? 1,
      retain: options.retain ?? false,
    });
  }

  /**
   * The oldest downlink matching `predicate` that no earlier call returned, waiting for one to arrive
   * if need be. Downlinks received before the call count, so an ack that beats the caller is not missed.
   */
  nextDownlink(predicate: (downlink: Downlink) => boolean = () => true, timeoutMs = 5000): Promise<Downlink> {
    const ready = this.received.find((downlink) => !this.claimed.has(downlink) && predicate(downlink));
    if (ready) {
      this.claimed.add(ready);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const waiter: DownlinkWaiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`${this.deviceId}: no matching downlink within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Says goodbye as firmware does when switched off: retained offline status, then DISCONNECT (so no last will). */
  async close(): Promise<void> {
    this.repeater.stop();
    this.stopWaiting('closed');
    if (!this.client.connected) {
      // A clean end would wait for the broker to take queued uplinks; with no broker that is forever.
      await this.client.endAsync(true);
      return;
    }
    await this.client.publishAsync(this.statusTopic, STATUS_OFFLINE, { qos: 1, retain: true });
    await this.client.endAsync();
  }

  /** Drops the socket without DISCONNECT, like a flat battery or a lost network: the broker publishes the last will. */
  async kill(): Promise<void> {
    this.repeater.stop();
    this.stopWaiting('killed');
    // Forced end destroys the stream without sending DISCONNECT.
    await this.client.endAsync(true);
  }

  private firstConnection(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        this.client.off('connect', onConnect);
        this.client.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const onConnect = () => settle();
      const onError = (error: Error) => settle(error);
      const timer = setTimeout(() => settle(new Error(`no CONNACK within ${timeoutMs} ms`)), timeoutMs);
      this.client.on('connect', onConnect);
      this.client.on('error', onError);
    });
  }

  /** Subscribes before announcing online, so downlinks the platform sends on seeing us online are not lost. */
  private async goOnline(subscribe: boolean): Promise<void> {
    if (subscribe) {
      const [grant] = await this.client.subscribeAsync(this.downTopic, { qos: 1 });
      if (grant === undefined || grant.qos > 2) throw new Error(`subscription to ${this.downTopic} refused`);
    }
    await this.client.publishAsync(this.statusTopic, STATUS_ONLINE, { qos: 1, retain: true });
    this.emit('online');
  }

  private onDownlink(payload: Buffer): void {
    const downlink = decodeDownlink(payload);
    if (downlink === undefined) {
      this.emit('invalid-downlink', payload);
      return;
    }
    this.received.push(downlink);
    this.repeater.heard(downlink);
    const waiter = this.waiters.find((candidate) => candidate.predicate(downlink));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      clearTimeout(waiter.timer);
      this.claimed.add(downlink);
      waiter.resolve(downlink);
    }
    this.emit('downlink', downlink);
  }

  private stopWaiting(why: string): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`${this.deviceId}: ${why} while waiting for a downlink`));
    }
  }
}
