import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { DeviceInventoryService } from './device-inventory.service';
import { DeviceRegistryService } from './device-registry.service';
import { DeviceRoleUpgradeTask } from './device-role-upgrade.task';
import { DevicesController } from './devices.controller';

/**
 * Devices as the console lists, registers and retires them, and their broker roles kept up to the current grants; the
 * registry also serves the demo seeder.
 */
@Module({
  imports: [EldersModule],
  controllers: [DevicesController],
  providers: [DeviceInventoryService, DeviceRegistryService, DeviceRoleUpgradeTask],
  exports: [DeviceRegistryService],
})
export class DevicesModule {}
