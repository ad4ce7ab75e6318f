import { Module, type DynamicModule } from '@nestjs/common';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options';
import { GatewayMetrics } from './ingest/gateway-metrics';
import { IngestIntake } from './ingest/ingest-intake.service';
import { IngestService } from './ingest/ingest.service';
import { BrokerDropWatch } from './mqtt/broker-drop-watch';
import { DownlinkPublisher } from './mqtt/downlink.publisher';
import { MqttConnections } from './mqtt/mqtt-connections';
import { DeviceEventProducer } from './queue/device-event.producer';
import { DownlinkConsumer } from './queue/downlink.consumer';

/** MQTT in: validate, drop duplicates, store, hand events on. Needs PersistenceModule in the same process. */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        MqttConnections,
        BrokerDropWatch,
        DownlinkPublisher,
        DeviceEventProducer,
        GatewayMetrics,
        IngestService,
        IngestIntake,
        DownlinkConsumer,
      ],
      exports: [GatewayMetrics],
    };
  }
}
