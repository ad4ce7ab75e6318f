import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { MetricsAccess } from './metrics-access';
import { serveMetrics } from './metrics-server';
import { platformMetrics } from './platform-metrics';

const METRICS_ENDPOINT = Symbol('METRICS_ENDPOINT');

interface MetricsEndpointOptions {
  port: number;
  access: MetricsAccess;
}

@Injectable()
class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private close?: () => Promise<void>;

  constructor(@Inject(METRICS_ENDPOINT) private readonly options: MetricsEndpointOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    // All interfaces: in a container the scraper is outside it. The port is published only where it is wanted.
    ({ close: this.close } = await serveMetrics(
      platformMetrics.registry,
      this.options.port,
      this.options.access,
      '0.0.0.0',
    ));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close?.();
  }
}

/**
 * `/metrics` on its own port for a gateway or worker process that runs alone (the api serves its own), read with
 * the token in `access` unless it is open; none without a port.
 */
@Module({})
export class MetricsEndpointModule {
  static forRoot(port: number | undefined, access: MetricsAccess): DynamicModule {
    return {
      module: MetricsEndpointModule,
      providers: port === undefined ? [] : [{ provide: METRICS_ENDPOINT, useValue: { port, access } }, MetricsEndpoint],
    };
  }
}
