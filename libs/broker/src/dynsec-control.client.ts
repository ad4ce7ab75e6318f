import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { DYNSEC_CONTROL_TOPIC, DYNSEC_RESPONSE_TOPIC, type DynsecCommand } from './dynsec-command.builder';
import { DynsecError } from './dynsec.error';

/** The plugin's answer to one command; `error` is set when it refused it. */
export interface DynsecResponse {
  command: string;
  error?: string;
  correlationData?: string;
  data?: unknown;
}

export interface DynsecControlOptions {
  /**
   * Commands per `$CONTROL` message (default 10). Mosquitto 2.0 rewrites its whole JSON file once
   * per command even inside a batch, and serves no other client until the whole message is done.
   * Provisioning 10,000 devices (bench/provision-mosquitto.bench.ts) took 779 s with messages of
   * 500 commands and 815 s with messages of 10, but the large messages held device uplinks back by
   * up to 157 s (and cost a subscriber its connection), the small ones by up to 6 s. The round
   * trips of small messages are cheap as long as the broker runs with `set_tcp_nodelay`.
   */
  chunkSize?: number;
  /** How long to wait for the answer to one message. */
  responseTimeoutMs?: number;
}

/**
 * Runs dynamic-security commands over an MQTT connection of the dynsec admin: publishes them to
 * `$CONTROL/dynamic-security/v1` and pairs each answer on the response topic with its command by
 * `correlationData`. Every admin connection receives every answer, so answers to others are ignored.
 */
export class DynsecControlClient {
  private readonly chunkSize: number;
  private readonly responseTimeoutMs: number;
  private readonly awaiting = new Map<string, (response: DynsecResponse) => void>();
  /** Unique per instance, so that two provisioners on one broker never take each other's answers. */
  private readonly correlationPrefix = randomBytes(8).toString('hex');
  private sequence = 0;
  private subscribed?: Promise<unknown>;

  constructor(
    private readonly admin: MqttClient,
    { chunkSize = 10, responseTimeoutMs = 30_000 }: DynsecControlOptions = {},
  ) {
    if (!Number.isInteger(chunkSize) || chunkSize < 1)
      throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    this.chunkSize = chunkSize;
    this.responseTimeoutMs = responseTimeoutMs;
    admin.on('message', (topic, payload) => {
      if (topic === DYNSEC_RESPONSE_TOPIC) this.receive(payload);
    });
  }

  /** Sends the commands in order, one message in flight at a time; returns one response per command, in the same order. */
  async execute(commands: readonly DynsecCommand[]): Promise<DynsecResponse[]> {
    await this.subscribeToResponses();
    const responses: DynsecResponse[] = [];
    for (let start = 0; start < commands.length; start += this.chunkSize) {
      responses.push(...(await this.executeChunk(commands.slice(start, start + this.chunkSize))));
    }
    return responses;
  }

  private async subscribeToResponses(): Promise<void> {
    this.subscribed ??= this.admin.subscribeAsync(DYNSEC_RESPONSE_TOPIC, { qos: 0 }).catch((error: unknown) => {
      this.subscribed = undefined;
      throw new DynsecError(
        'dynsec-no-response',
        `cannot subscribe to ${DYNSEC_RESPONSE_TOPIC} (is this the dynamic-security admin?): ${String(error)}`,
      );
    });
    await this.subscribed;
  }

  private async executeChunk(commands: readonly DynsecCommand[]): Promise<DynsecResponse[]> {
    const correlated = commands.map((command) => ({
      ...command,
      correlationData: `${this.correlationPrefix}-${++this.sequence}`,
    }));
    const answers = correlated.map(
      ({ correlationData }) => new Promise<DynsecResponse>((resolve) => this.awaiting.set(correlationData, resolve)),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DynsecError(
              'dynsec-no-response',
              `no answer from the dynamic-security plugin within ${this.responseTimeoutMs} ms`,
            ),
          ),
        this.responseTimeoutMs,
      );
    });
    try {
      await Promise.race([
        this.admin.publishAsync(DYNSEC_CONTROL_TOPIC, JSON.stringify({ commands: correlated }), { qos: 1 }),
        timeout,
      ]);
      return await Promise.race([Promise.all(answers), timeout]);
    } finally {
      clearTimeout(timer);
      for (const { correlationData } of correlated) this.awaiting.delete(correlationData);
    }
  }

  private receive(payload: Buffer): void {
    let responses: unknown;
    try {
      responses = (JSON.parse(payload.toString('utf8')) as { responses?: unknown }).responses;
    } catch {
      return;
    }
    if (!Array.isArray(responses)) return;
    for (const response of responses as DynsecResponse[]) {
      const answer = response.correlationData === undefined ? undefined : this.awaiting.get(response.correlationData);
      answer?.(response);
    }
  }
}
