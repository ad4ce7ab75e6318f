import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { DeviceInventoryService } from './device-inventory.service';
import { DeviceRegistryService } from './device-registry.service';
import { DevicesController } from './devices.controller';

/** Devices as the console lists, registers and retires them; the registry also serves the demo seeder. */
@Module({
  imports: [EldersModule],
  controllers: [DevicesController],
  providers: [DeviceInventoryService, DeviceRegistryService],
  exports: [DeviceRegistryService],
})
export class DevicesModule {}
