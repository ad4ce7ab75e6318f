import { Module, type DynamicModule } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from './api.options';
import { DEVICE_PROVISIONING } from './devices/device-provisioning';
import { DeviceRegistryService } from './devices/device-registry.service';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';

/** REST and, as it grows, socket.io for the console. Needs PersistenceModule in the same process. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      controllers: [HealthController],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        { provide: DEVICE_PROVISIONING, useValue: options.provisioning },
        HealthService,
        DeviceRegistryService,
      ],
      exports: [DeviceRegistryService],
    };
  }
}
