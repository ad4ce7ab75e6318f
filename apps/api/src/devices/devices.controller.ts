import type { DevicePage, RegisteredDevice } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { DEVICE_ID_PATTERN } from '@eldercare/protocol';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { DeviceInventoryService } from './device-inventory.service';
import { DeviceSearchQuery, RegisterDeviceRequest } from './device.dto';

/** A string that cannot be a device id names no device: answered as not found, like any other. */
const deviceId: PipeTransform<string, string> = {
  transform: (value) => {
    if (!DEVICE_ID_PATTERN.test(value)) throw new DomainError('device-not-found', 'no device has this id');
    return value;
  },
};

@ApiTags('devices')
@Controller('api/devices')
export class DevicesController {
  constructor(private readonly devices: DeviceInventoryService) {}

  /** The devices of the elders in the viewer's scope, newest first, a page at a time. */
  @Get()
  @Requires('devices.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: DeviceSearchQuery): Promise<DevicePage> {
    return this.devices.search(viewer, query);
  }

  /** Registers a device for an elder; the answer holds its secret, which is never shown again. */
  @Post()
  @Requires('devices.manage')
  register(@CurrentViewer() viewer: Viewer, @Body() body: RegisterDeviceRequest): Promise<RegisteredDevice> {
    return this.devices.register(viewer, body);
  }

  /** Takes the device out of service: its broker account is revoked, its history kept. */
  @Post(':id/retire')
  @Requires('devices.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  retire(@CurrentViewer() viewer: Viewer, @Param('id', deviceId) id: string): Promise<void> {
    return this.devices.retire(viewer, id);
  }
}
