import { type IClientOptions, type MqttClient, connect } from 'mqtt';

export interface ReceivedMessage {
  topic: string;
  payload: string;
}

/** MQTT connections for integration tests: connect and await the CONNACK, keep what arrives, end them all afterwards. */
export class TestMqttClients {
  private readonly clients: MqttClient[] = [];

  constructor(private readonly url: string) {}

  /** Resolves once connected; rejects with mqtt.js's error (its `code` is the CONNACK return or reason code) when refused. */
  connect(options: IClientOptions): Promise<MqttClient> {
    const client = connect(this.url, { reconnectPeriod: 0, connectTimeout: 5_000, ...options });
    this.clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('error', reject);
      client.once('close', () => reject(new Error('connection closed before CONNACK')));
    });
  }

  /** Everything the client receives from now on, in order. */
  collect(client: MqttClient): ReceivedMessage[] {
    const received: ReceivedMessage[] = [];
    client.on('message', (topic, payload) => received.push({ topic, payload: payload.toString('utf8') }));
    return received;
  }

  async endAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.endAsync(true)));
  }
}

/** Resolves when the broker closes the client's connection. */
export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => (client.connected ? client.once('close', () => resolve()) : resolve()));
}
