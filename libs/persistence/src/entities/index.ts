import { DeviceMessageEntity } from './device-message.entity';
import { DeviceEntity } from './device.entity';
import { ElderEntity } from './elder.entity';
import { RegionEntity } from './region.entity';
import { RejectedMessageEntity } from './rejected-message.entity';

export { DeviceMessageEntity, DeviceEntity, ElderEntity, RegionEntity, RejectedMessageEntity };
export const ENTITIES = [RegionEntity, ElderEntity, DeviceEntity, DeviceMessageEntity, RejectedMessageEntity];
