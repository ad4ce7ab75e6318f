import { AlertTriggerEntity } from './alert-trigger.entity';
import { AlertEntity } from './alert.entity';
import { DeviceMessageEntity } from './device-message.entity';
import { DeviceRuleStateEntity } from './device-rule-state.entity';
import { DeviceEntity } from './device.entity';
import { ElderAbsenceEntity } from './elder-absence.entity';
import { ElderEntity } from './elder.entity';
import { RegionEntity } from './region.entity';
import { RejectedMessageEntity } from './rejected-message.entity';

export { AlertTriggerEntity, AlertEntity, DeviceMessageEntity, DeviceRuleStateEntity, DeviceEntity, ElderAbsenceEntity, ElderEntity, RegionEntity, RejectedMessageEntity };
export const ENTITIES = [
  RegionEntity,
  ElderEntity,
  ElderAbsenceEntity,
  DeviceEntity,
  DeviceMessageEntity,
  RejectedMessageEntity,
  DeviceRuleStateEntity,
  AlertEntity,
  AlertTriggerEntity,
];
