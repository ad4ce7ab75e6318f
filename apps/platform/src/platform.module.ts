import { ApiModule, type ApiOptions } from '@eldercare/api';
import { GatewayModule, type GatewayOptions } from '@eldercare/gateway';
import { PersistenceModule, type PersistenceOptions } from '@eldercare/persistence';
import { WorkerModule, type WorkerOptions } from '@eldercare/worker';
import { Module, type DynamicModule } from '@nestjs/common';

export interface PlatformOptions {
  database: PersistenceOptions;
  gateway: GatewayOptions;
  worker: WorkerOptions;
  api: ApiOptions;
}

/** Gateway, worker and api in one process, sharing one connection pool. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PersistenceModule.forRoot(options.database),
        GatewayModule.forRoot(options.gateway),
        WorkerModule.forRoot(options.worker),
        ApiModule.forRoot(options.api),
      ],
    };
  }
}
