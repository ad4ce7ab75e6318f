import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { serveMetrics } from './metrics-server';
import { platformMetrics } from './platform-metrics';

const METRICS_PORT = Symbol('METRICS_PORT');

@Injectable()
class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private close?: () => Promise<void>;

  constructor(@Inject(METRICS_PORT) private readonly port: number) {}

  async onApplicationBootstrap(): Promise<void> {
    // All interfaces: in a container the scraper is outside it. The port is published only where it is wanted.
    ({ close: this.close } = await serveMetrics(platformMetrics.registry, this.port, '0.0.0.0'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close?.();
  }
}

/** `/metrics` on its own port for a gateway or worker process that runs alone (the api serves its own). */
@Module({})
export class MetricsEndpointModule {
  static forRoot(port: number | undefined): DynamicModule {
    return {
      module: MetricsEndpointModule,
      providers: port === undefined ? [] : [{ provide: METRICS_PORT, useValue: port }, MetricsEndpoint],
    };
  }
}
