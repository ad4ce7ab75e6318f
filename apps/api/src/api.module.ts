import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { AlertCaseService } from './alerts/alert-case.service';
import { API_OPTIONS, type ApiOptions } from './api.options';
import { DEVICE_PROVISIONING, type DeviceProvisioning } from './devices/device-provisioning';
import { DeviceRegistryService } from './devices/device-registry.service';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';

@Injectable()
class ProvisioningCloser implements OnApplicationShutdown {
  constructor(@Inject(DEVICE_PROVISIONING) private readonly provisioning: DeviceProvisioning) {}

  async onApplicationShutdown(): Promise<void> {
    await this.provisioning.close?.();
  }
}

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
        AlertCaseService,
        ProvisioningCloser,
      ],
      exports: [DeviceRegistryService, AlertCaseService],
    };
  }
}
