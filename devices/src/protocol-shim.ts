/** The one place where `devices/` meets the protocol library. */
export {
  deviceTopic,
  isValidDeviceId,
  isAcknowledgedKind,
  isAlarmKind,
  DEVICE_TYPES,
  encodeUplink,
  decodeDownlink,
} from '@eldercare/protocol';
export type { DeviceType, Uplink, Downlink } from '@eldercare/protocol';
