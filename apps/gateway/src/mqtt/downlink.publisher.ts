import { Injectable, Logger } from '@nestjs/common';
import { ackDownlink, deviceTopic, encodeDownlink, rejectedDownlink, type Refusal } from '@eldercare/protocol';
import { randomUUID } from 'node:crypto';
import { MqttConnections } from './mqtt-connections';

/** Downlinks the gateway sends itself: `received` acks for sos/fall and `rejected` notices. */
@Injectable()
export class DownlinkPublisher {
  private readonly logger = new Logger(DownlinkPublisher.name);

  constructor(private readonly connections: MqttConnections) {}

  received(deviceId: string, ref: string): void {
    this.send(deviceId, encodeDownlink(ackDownlink(randomUUID(), ref, 'received')));
  }

  rejected(deviceId: string, refusal: Refusal): void {
    this.send(deviceId, encodeDownlink(rejectedDownlink(randomUUID(), refusal)));
  }

  private send(deviceId: string, payload: Buffer): void {
    this.connections.publish(deviceTopic(deviceId, 'down'), payload).catch((error: Error) => {
      this.logger.warn(`downlink to ${deviceId} not sent: ${error.message}`);
    });
  }
}
