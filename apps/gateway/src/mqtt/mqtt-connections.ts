import { Inject, Injectable, Logger } from '@nestjs/common';
import { gatewayAlarmSubscriptions, gatewaySubscriptions } from '@eldercare/protocol';
import mqtt, { type IConnackPacket, type IPublishPacket, type ISubscriptionMap, type MqttClient } from 'mqtt';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';

/**
 * Takes one message; `receivedAt` is when its news is from: when it arrived, or, for a retained status the broker
 * replays, when the subscription it came with was sent (the broker may have had newer news of the device since).
 */
export type MessageHandler = (topic: string, payload: Buffer, receivedAt: Date) => Promise<void>;

/** MQTT 5 retain handling: 0 sends the retained messages at subscription, 2 none. */
type RetainHandling = 0 | 2;
const SEND_RETAINED: RetainHandling = 0;
const SEND_NO_RETAINED: RetainHandling = 2;
/** The largest session expiry MQTT 5 has: the session outlives any disconnection, as a 3.1.1 persistent one. */
const SESSION_KEPT_FOR_EVER = 0xffffffff;

/**
 * The gateway's broker connections. mqtt.js handles a connection's packets one at a time and sends a PUBACK only
 * when `handleMessage` calls back, so a message is acknowledged after `handler` resolves (once it is stored), and
 * a pool of connections lets many messages be in flight, to be stored together. The one exception is a retained
 * status the broker replays at subscription: the broker keeps that copy whatever the gateway does, and replays it
 * again at the next subscription, so it is acknowledged as it arrives and stored with the next batches. The alarm
 * connections subscribe to the `alarm` topic only: the broker queues per connection, so what waits for a reading
 * connection never holds them up.
 *
 * Reading connections keep persistent sessions: what the broker holds for a gateway that died waits for it to come
 * back, and nothing is lost. Alarm connections have clean sessions: Mosquitto goes on sharing messages out to a dead
 * member's persistent session, where an sos would wait until that gateway returned; with a clean session the dead
 * member leaves the group as its socket closes, and an alarm it held unacknowledged is repeated by the device (every
 * 10 s until answered `received`) to a gateway that lives.
 */
@Injectable()
export class MqttConnections {
  private readonly logger = new Logger(MqttConnections.name);
  private clients: MqttClient[] = [];

  constructor(@Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions) {}

  async start(handler: MessageHandler): Promise<void> {
    const { mqtt: settings } = this.options;
    const uplinks = gatewaySubscriptions(settings.sharedSubscription);
    const alarms = gatewayAlarmSubscriptions(settings.sharedSubscription);
    this.clients = await Promise.all([
      ...Array.from({ length: settings.connections }, (_, index) =>
        this.connect(`${settings.clientIdBase}-${index}`, uplinks, handler, {
          session: 'persistent',
          hearsRetained: index === 0,
        }),
      ),
      ...Array.from({ length: settings.alarmConnections }, (_, index) =>
        this.connect(`${settings.clientIdBase}-alarm-${index}`, alarms, handler, {
          session: 'clean',
          hearsRetained: index === 0,
        }),
      ),
    ]);
  }

  /** Publishes a downlink. Never awaited on the ingest path: the PUBACK it waits for may sit behind our own messages. */
  publish(topic: string, payload: Buffer): Promise<void> {
    const client = this.clients[0];
    if (!client) return Promise.reject(new Error('the gateway is not connected to the broker'));
    return client.publishAsync(topic, payload, { qos: 1 }).then(() => undefined);
  }

  /**
   * Drops the connections without waiting: a message still held unacknowledged would block a polite DISCONNECT
   * for ever, and the broker redelivers it to the next gateway (which stores it once).
   */
  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.endAsync(true)));
    this.clients = [];
  }

  /**
   * `hearsRetained`: whether this connection hands on the retained messages the broker replays when it subscribes.
   * A broker replays every device's retained status to each connection of a pool at each (re)subscription (Mosquitto
   * does so for shared subscriptions too, to MQTT 3.1.1 clients): with 256 connections and 15,000 meters that would be
   * 3.8 million messages after a broker restart, queued ahead of what the devices sent. One connection of each pool
   * hears them. The others speak MQTT 5 and subscribe with retain handling 2, so the broker sends them no replay at
   * all. The one that hears them stays on 3.1.1, which every broker speaks (the embedded one knows no MQTT 5, and the
   * all-in-one process has one connection).
   */
  private async connect(
    clientId: string,
    filters: string[],
    handler: MessageHandler,
    { session, hearsRetained }: { session: 'persistent' | 'clean'; hearsRetained: boolean },
  ): Promise<MqttClient> {
    const { mqtt: settings } = this.options;
    const client = mqtt.connect(settings.url, {
      clientId,
      username: settings.username,
      password: settings.password,
      clean: session === 'clean',
      ...(hearsRetained
        ? { protocolVersion: 4 }
        : {
            protocolVersion: 5,
            // MQTT 5 ends a session with its connection unless told how long to keep it: as long as 3.1.1 would.
            properties: { sessionExpiryInterval: session === 'persistent' ? SESSION_KEPT_FOR_EVER : 0 },
          }),
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      // mqtt.js calls its debug logger, off or not, a dozen times a packet: 3 % of the gateway's profile in the ingest bench.
      ...(tracingMqtt() ? {} : { log: () => undefined }),
    });
    withoutNagle(client);
    // Set before the first CONNACK: a persistent session delivers what waited for it straight away.
    let subscribedAt = new Date();
    const subscribe = () => {
      subscribedAt = new Date();
      return this.subscribe(client, filters, hearsRetained ? SEND_RETAINED : SEND_NO_RETAINED);
    };
    client.handleMessage = (packet: IPublishPacket, callback: (error?: Error) => void) => {
      const handled = handler(packet.topic, packet.payload as Buffer, packet.retain ? subscribedAt : new Date());
      // A replay (only replays carry the retain flag on 3.1.1) is the broker's own copy, which it keeps: acknowledged
      // at once, so that thousands of them after a restart do not pass one batch at a time.
      if (packet.retain) {
        callback();
        handled.catch((error: Error) => this.logger.error(`a replayed ${packet.topic}: ${error.message}`));
      } else handled.then(() => callback(), callback);
    };
    const connack = await new Promise<IConnackPacket>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('error', reject);
    }).catch((error: Error) => {
      client.end(true);
      throw error;
    });
    // Subscribed at every connect, session present or not: Mosquitto 2.0 restores a persistent session after a
    // restart without its shared subscriptions and still says the session is present. Subscribing again loses nothing.
    // A new session hears nothing until subscribed, so the pool waits for it. A present one first delivers what waited
    // for it, handled one message at a time, and its SUBACK comes after that backlog: the pool must not wait for it.
    const subscribing = subscribe();
    if (connack.sessionPresent) subscribing.catch((error: Error) => this.logger.error(error.message));
    else await subscribing;
    client.on('connect', () => subscribe().catch((error: Error) => this.logger.error(error.message)));
    client.on('error', (error) => this.logger.error(`broker connection ${clientId}: ${error.message}`));
    return client;
  }

  private async subscribe(client: MqttClient, filters: string[], rh: RetainHandling): Promise<void> {
    // `resubscribe` sends the SUBSCRIBE even for filters mqtt.js remembers from an earlier connection. Retain handling
    // is an MQTT 5 option: a 3.1.1 SUBSCRIBE has no room for it.
    const options = rh === SEND_RETAINED ? { qos: 1 as const } : { qos: 1 as const, rh };
    const subscriptions = Object.fromEntries(filters.map((filter) => [filter, options]));
    const granted = await client.subscribeAsync({ ...subscriptions, resubscribe: true } as ISubscriptionMap);
    const refused = granted.filter((grant) => grant.qos > 2);
    if (refused.length > 0)
      throw new Error(`broker refused subscriptions: ${refused.map((grant) => grant.topic).join(', ')}`);
  }
}

/**
 * Sends each packet at once, from every (re)connection's CONNACK on. mqtt.js leaves Nagle's algorithm on, so a
 * PUBACK written while the connection's previous packet is not yet acknowledged at the TCP level waits for the
 * broker's delayed ACK (about 40 ms): a batch's acknowledgements trickled out, and the broker's next messages with them.
 */
function withoutNagle(client: MqttClient): void {
  client.on('connect', () => {
    const { stream } = client;
    if ('setNoDelay' in stream && typeof stream.setNoDelay === 'function') stream.setNoDelay(true);
  });
}

/** Whether `DEBUG` asks for mqtt.js's own trace (`DEBUG=mqttjs*`). */
function tracingMqtt(): boolean {
  return process.env.DEBUG?.includes('mqttjs') ?? false;
}
